"""Videos on other apps' pages: the home page's "Featured Videos", an article's videos.

Each tag runs one query of its own and renders its own partial, so the pages that show
them never import this app.
"""

from django import template

from videos.models import Video

register = template.Library()

CARD_FIELDS = ("title", "slug", "summary_html", "poster", "poster_alt", "duration", "provider")


@register.inclusion_tag("videos/includes/featured_videos.html")
def featured_videos(count: int = 2):
    videos = Video.objects.published().featured().only(*CARD_FIELDS)[: int(count)]
    return {"videos": list(videos)}


@register.inclusion_tag("videos/includes/related_videos.html")
def related_videos(article, count: int = 4):
    videos = (
        Video.objects.published()
        .filter(related_articles__in=article.family().values("pk"))
        .distinct()
        .only(*CARD_FIELDS)[: int(count)]
    )
    return {"videos": list(videos), "article": article}
