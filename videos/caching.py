"""Which named versions (core.versions) video writes bump: a video bumps itself, the home
page's featured videos and the videos section of every article page (editors' writes,
rare); a chapter bumps its video."""

from videos.models import Chapter, Video


def video_names(video: Video, **signal) -> list[str]:
    return [f"video:{video.pk}", "featured-video", "article-sections"]


def video_page_versions(video: Video) -> list[str]:
    """What a video page shows: the video, its chapters, its related articles."""
    return [f"video:{video.pk}", "articles"]


BUMPS = {
    Video: video_names,
    Video.related_articles.through: lambda instance, **signal: (
        ["article-sections"] + ([f"video:{instance.pk}"] if isinstance(instance, Video) else [])
    ),
    Chapter: lambda chapter, **signal: [f"video:{chapter.video_id}"],
}
