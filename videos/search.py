"""How a featured video reads as a site-search document: its title, summary, chapter titles
and transcript, with its related articles' titles as other names. Saving a chapter or
changing the related articles re-indexes the video."""

from operator import attrgetter

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.indexing import Source, plain
from videos.models import Chapter, Video


def public_videos() -> QuerySet:
    return Video.objects.published().prefetch_related("chapters", "related_articles__body_part")


def video_document(video: Video) -> dict:
    articles = list(video.related_articles.all())
    return {
        "title": video.title,
        "other_names": " ".join(article.title for article in articles),
        "body": plain(
            video.summary_html,
            " ".join(chapter.title for chapter in video.chapters.all()),
            video.transcript_html,
        ),
        "url": video.get_absolute_url(),
        "body_part_slug": articles[0].body_part.slug if articles else "",
        "visible_from": video.published_at or timezone.now(),
    }


SOURCES = [
    Source(
        "video", _("Videos"), Video, public_videos, video_document, item_label=_("Video"), position=20,
        parts=((Chapter, attrgetter("video")),), m2m=(Video.related_articles.through,),
    )
]  # fmt: skip
