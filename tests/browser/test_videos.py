"""A visitor watches a video: nothing comes from the provider until they press play, and
then the player comes from the provider's privacy-enhanced domain."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.videos.factories import make_video, mp4_upload, vtt_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOCOOKIE = "www.youtube-nocookie.com"
VIMEO_PLAYER = "player.vimeo.com"


def _block_player(page, host: str) -> list[str]:
    """Abort the player's request (no network in tests) and remember what was asked for."""
    asked = []

    def handle(route):
        asked.append(route.request.url)
        route.abort("blockedbyclient")

    page.route(f"https://{host}/**", handle)
    return asked


def _forgive_expected_player_requests(page_watch, host: str) -> None:
    """The one request the click was meant to make is no fault of the page; anything
    else to another host still fails the test at teardown."""
    page_watch.foreign_requests[:] = [
        url for url in page_watch.foreign_requests if urlsplit(url).hostname != host
    ]
    page_watch.console_errors[:] = [text for text in page_watch.console_errors if host not in text]


def _poster_loaded(page) -> bool:
    return page.locator("img.video-facade-poster").evaluate(
        "img => img.complete && img.naturalWidth > 0"
    )


def test_youtube_player_loads_only_after_the_click(page, live_server, page_watch,
                                                   assert_accessible):  # fmt: skip
    video = make_video(title="Knee rehab at home", source_url="https://youtu.be/dQw4w9WgXcQ",
                       chapters=[(0, "Ankle pumps"), (75, "Heel slides")])  # fmt: skip
    asked = _block_player(page, NOCOOKIE)

    page.goto(video.get_absolute_url())
    page.wait_for_load_state("networkidle")

    assert page_watch.foreign_requests == []
    assert page.locator("iframe").count() == 0
    assert _poster_loaded(page)
    assert urlsplit(page.locator("img.video-facade-poster").get_attribute("src")).path.startswith(
        "/media/videos/posters/"
    )
    expect(page.locator(".video-note")).to_have_text(
        "This video is hosted by YouTube; playing it lets YouTube set cookies."
    )
    assert_accessible(page)

    with page.expect_request(f"https://{NOCOOKIE}/**") as player_request:
        page.get_by_role("button", name="Play: Knee rehab at home").click()

    frame = page.locator("iframe.video-frame")
    expected = f"https://{NOCOOKIE}/embed/dQw4w9WgXcQ?autoplay=1"
    expect(frame).to_have_attribute("src", expected)
    expect(frame).to_have_attribute("title", "Knee rehab at home")
    assert player_request.value.url == expected
    assert asked and all(urlsplit(url).hostname == NOCOOKIE for url in asked)
    assert {urlsplit(url).hostname for url in page_watch.foreign_requests} == {NOCOOKIE}
    _forgive_expected_player_requests(page_watch, NOCOOKIE)
    assert_accessible(page)


def test_keyboard_user_starts_the_player_and_keeps_focus(page, live_server, page_watch):
    video = make_video(title="Walking with crutches", source_url="https://youtu.be/dQw4w9WgXcQ")
    _block_player(page, NOCOOKIE)
    page.goto(video.get_absolute_url())

    page.get_by_role("button", name="Play: Walking with crutches").focus()
    with page.expect_request(f"https://{NOCOOKIE}/**"):
        page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    _forgive_expected_player_requests(page_watch, NOCOOKIE)


def test_vimeo_player_loads_with_do_not_track(page, live_server, page_watch):
    video = make_video(title="Shoulder exercises", source_url="https://vimeo.com/76979871")
    _block_player(page, VIMEO_PLAYER)
    page.goto(video.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert page_watch.foreign_requests == []

    with page.expect_request(f"https://{VIMEO_PLAYER}/**") as player_request:
        page.get_by_role("button", name="Play: Shoulder exercises").click()

    assert player_request.value.url == f"https://{VIMEO_PLAYER}/video/76979871?dnt=1&autoplay=1"
    _forgive_expected_player_requests(page_watch, VIMEO_PLAYER)


def test_uploaded_video_waits_for_play_and_has_captions(page, live_server, page_watch,
                                                       assert_accessible):  # fmt: skip
    video = make_video(title="Our own clip", video_file=mp4_upload(), captions=vtt_upload())

    page.goto(video.get_absolute_url())
    page.wait_for_load_state("networkidle")

    player = page.locator("video.video-frame")
    expect(player).to_have_attribute("preload", "none")
    expect(player.locator("track[kind=captions]")).to_have_attribute("srclang", "en")
    assert not [url for url in page_watch.requests if "/media/videos/files/" in url]
    assert_accessible(page)


def test_video_list_and_home_section_are_accessible(page, live_server, assert_accessible):
    make_video(title="Total Knee Replacement", is_featured=True, featured_order=1)
    make_video(title="Minimally Invasive Total Knee Replacement", is_featured=True,
               featured_order=2, summary="Learn about the surgery and rehab process.")  # fmt: skip

    page.goto("/videos/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Featured videos")
    assert_accessible(page)

    page.goto("/")
    section = page.get_by_role("region", name="Featured Videos")
    expect(section.get_by_role("link", name="more Featured Videos")).to_be_visible()
    assert_accessible(page)
