from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles.models import Article, BodyPart
from core import versions
from core.inputs import query_int, query_slug
from core.roles import is_staff_member
from search.query import seconds_until_next_publication
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
    """The chapters and related articles are fragments keyed by the versions of what they
    show (the template): their queries run only when one is built."""
    video = get_object_or_404(Video.objects.visible_to(request.user), slug=slug)
    sees_drafts = is_staff_member(request.user)
    context = {
        "video": video,
        "can_edit": can_edit_video(request.user, video),
        "video_versions": video_page_versions(video),
        "related_articles": Article.objects.filter(videos=video)
        .for_reader(get_language())
        .visible_to(request.user)
        .select_related("body_part"),
        "sees_drafts": sees_drafts,
        "fragment_seconds": versions.lifetime(seconds_until_next_publication()),
    }
    return render(request, "videos/video_detail.html", context)
