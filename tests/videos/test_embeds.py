import pytest
from django.core.exceptions import ValidationError

from videos.embeds import embed_url, parse_video_url

YT = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        (f"https://www.youtube.com/watch?v={YT}", "youtube", YT),
        (f"https://www.youtube.com/watch?v={YT}&t=42s&list=PL0123", "youtube", YT),
        (f"https://www.youtube.com/watch?feature=share&v={YT}", "youtube", YT),
        (f"http://youtube.com/watch?v={YT}", "youtube", YT),
        (f"https://m.youtube.com/watch?v={YT}", "youtube", YT),
        (f"https://youtu.be/{YT}", "youtube", YT),
        (f"youtu.be/{YT}?t=10", "youtube", YT),
        (f"https://www.youtube.com/embed/{YT}", "youtube", YT),
        (f"https://www.youtube-nocookie.com/embed/{YT}?rel=0", "youtube", YT),
        (f"https://youtube.com/shorts/{YT}", "youtube", YT),
        (f"  https://WWW.YouTube.com/watch?v={YT}  ", "youtube", YT),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://www.vimeo.com/76979871/", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871?h=abc123", "vimeo", "76979871"),
    ],
)
def test_good_links_parse_to_provider_and_id(url, provider, video_id):
    source = parse_video_url(url)

    assert (source.provider, source.video_id) == (provider, video_id)


@pytest.mark.parametrize(
    "url",
    [
        f"https://example.com/watch?v={YT}",
        f"https://youtube.com.evil.example/watch?v={YT}",
        f"https://evil.example/youtu.be/{YT}",
        f"https://notyoutube.com/watch?v={YT}",
        f"https://www.youtube.co/watch?v={YT}",
        "https://www.dailymotion.com/video/x7tgad0",
        "https://vimeo.com.evil.example/76979871",
        "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
    ],
)
def test_other_hosts_are_refused(url):
    with pytest.raises(ValidationError) as error:
        parse_video_url(url)

    assert error.value.code == "host"
    assert "Only YouTube and Vimeo links are accepted" in error.value.messages[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/",
        "https://www.youtube.com/watch",
        "https://www.youtube.com/playlist?list=PL0123456789",
        "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
        f"https://www.youtube.com/watch?v={YT}&v=aaaaaaaaaaa",
        f"https://youtu.be/{YT}/extra",
        "https://vimeo.com/channels/staffpicks/76979871",
        "https://player.vimeo.com/76979871",
    ],
)
def test_links_that_are_not_one_video_are_refused(url):
    with pytest.raises(ValidationError) as error:
        parse_video_url(url)

    assert error.value.code == "shape"


@pytest.mark.parametrize(
    "url",
    [
        "https://youtu.be/short",
        f"https://www.youtube.com/watch?v={YT}Q",
        f'https://www.youtube.com/watch?v={YT[:-1]}"',
        "https://www.youtube.com/embed/dQw4w9WgX%3Cs",
        "https://www.youtube.com/watch?v=<script>ab",
        "https://vimeo.com/abc123",
        "https://vimeo.com/0123",
        "https://player.vimeo.com/video/1234567890123",
    ],
)
def test_bad_ids_are_refused(url):
    with pytest.raises(ValidationError) as error:
        parse_video_url(url)

    assert error.value.code == "id"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "javascript:alert(1)",
        f"ftp://youtube.com/watch?v={YT}",
        f"https://user:secret@youtube.com/watch?v={YT}",
        f"https://youtube.com:99999/watch?v={YT}",
        f"data:text/html,youtube.com/watch?v={YT}",
    ],
)
def test_non_links_are_refused(url):
    with pytest.raises(ValidationError):
        parse_video_url(url)


def test_youtube_embed_is_on_the_privacy_enhanced_domain():
    assert embed_url("youtube", YT) == f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1"


def test_vimeo_embed_asks_for_do_not_track():
    assert embed_url("vimeo", "76979871") == (
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
    )


@pytest.mark.parametrize(
    ("provider", "video_id"),
    [("youtube", 'x"><script>'), ("vimeo", "12a"), ("dailymotion", "x7tgad0"), ("youtube", "")],
)
def test_embed_url_refuses_anything_but_a_valid_id(provider, video_id):
    with pytest.raises(ValueError):
        embed_url(provider, video_id)
