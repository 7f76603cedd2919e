from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.models import Article, BodyPart
from core import versions
from core.inputs import query_int, query_slug
from videos.caching import video_page_versions
from videos.models import Video
from videos.permissions import can_edit_video

VIDEOS_PER_PAGE = 12
LIST_FIELDS = ("title", "slug", "summary_html", "poster", "poster_alt", "duration", "provider",
               "is_featured", "featured_order", "status", "published_at")  # fmt: skip


@require_safe
def video_list(request):
    videos = Video.objects.visible_to(request.user).only(*LIST_FIELDS)
    body_part = None
    if slug := query_slug(request, "body_part"):
        body_part = get_object_or_404(BodyPart, slug=slug)
        videos = videos.for_body_part(body_part)
    context = {
        "page_obj": Paginator(videos, VIDEOS_PER_PAGE).get_page(query_int(request, "page")),
        "body_parts": BodyPart.objects.filter(
            articles__videos__status=Video.Status.PUBLISHED
        ).distinct(),
        "body_part": body_part,
        "pagination_query": f"body_part={body_part.slug}&" if body_part else "",
    }
    return render(request, "videos/video_list.html", context)


@require_safe
def video_detail(request, slug):
    articles = Article.objects.visible_to(request.user).select_related("body_part")
    video = get_object_or_404(
        Video.objects.visible_to(request.user).prefetch_related(
            "chapters", Prefetch("related_articles", queryset=articles)
        ),
        slug=slug,
    )
    versions.depends_on(*video_page_versions(video))
    context = {"video": video, "can_edit": can_edit_video(request.user, video)}
    return render(request, "videos/video_detail.html", context)
