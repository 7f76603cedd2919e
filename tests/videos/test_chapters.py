"""Clickable chapters: an uploaded video seeks (data-chapter-start, read by
static/js/portal.js); a YouTube or Vimeo video loads the privacy-domain player at the
chapter's start, only on click (no iframe in the page)."""

import re

import pytest

from tests.videos.factories import make_video, mp4_upload
from videos import embeds

pytestmark = pytest.mark.django_db

CHAPTERS = [(0, "Welcome"), (75, "Ankle pumps"), (3725, "Walking with crutches")]


def chapter_links(html: str) -> list[dict[str, str]]:
    links = re.findall(r'<a class="video-chapter[^"]*"([^>]*)>', html)
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', attributes)) for attributes in links]


def test_youtube_chapters_load_the_nocookie_player_at_their_start(client):
    video = make_video(source_url="https://youtu.be/dQw4w9WgXcQ", chapters=CHAPTERS)

    html = client.get(video.get_absolute_url()).content.decode()
    links = chapter_links(html)

    assert [link["data-chapter-start"] for link in links] == ["0", "75", "3725"]
    assert [link["data-embed-url"] for link in links] == [
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=75",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=3725",
    ]
    # Without JavaScript, the link opens the provider's own page at that time.
    assert links[1]["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=75s"
    assert ">1:15</time> Ankle pumps</a>" in html
    assert "video-facade" in html and "<iframe" not in html  # the player waits for a click


def test_vimeo_chapters_start_with_the_players_time_fragment(client):
    video = make_video(source_url="https://vimeo.com/76979871", chapters=[(90, "Stairs")])

    links = chapter_links(client.get(video.get_absolute_url()).content.decode())

    assert (
        links[0]["data-embed-url"]
        == "https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1#t=90s"
    )


def test_uploaded_video_chapters_seek_the_native_player(client):
    video = make_video(video_file=mp4_upload(), chapters=CHAPTERS)

    html = client.get(video.get_absolute_url()).content.decode()
    links = chapter_links(html)

    assert '<div class="video-player" id="video-player">' in html and "<video" in html
    assert [link["data-chapter-start"] for link in links] == ["0", "75", "3725"]
    assert all("data-embed-url" not in link for link in links)
    assert links[1]["href"] == f"{video.video_file.url}#t=75"  # a media fragment, without JS


def test_embed_url_with_a_start_stays_on_the_privacy_host():
    assert embeds.embed_url("youtube", "dQw4w9WgXcQ", 0) == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    assert embeds.embed_url("youtube", "dQw4w9WgXcQ", 61.9).endswith("&start=61")
    with pytest.raises(ValueError, match="Not a valid"):
        embeds.embed_url("youtube", "bad id&start=1", 10)
