"""Browser journeys for reading aids: an article's table of contents and "Was this page
helpful?" (htmx, no account), video chapters, and the blog editor's Save draft / Publish
buttons. Each page: axe clean in the light and dark colour schemes, at phone and desktop
sizes, asking no other host for anything (conftest)."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from articles.models import ArticleFeedback
from blogs.models import BlogPost
from tests.articles.factories import make_osteotomy
from tests.factories import make_user
from tests.videos.factories import make_video, mp4_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
NOCOOKIE = "www.youtube-nocookie.com"


def accessible_everywhere(page, assert_accessible) -> None:
    """axe at phone and desktop sizes (assert_accessible checks both colour schemes)."""
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        assert_accessible(page)


def test_reader_jumps_from_the_contents_and_says_the_page_helped(page, live_server,
                                                                 assert_accessible):  # fmt: skip
    article = make_osteotomy()

    page.goto(article.get_absolute_url())
    toc = page.get_by_role("navigation", name="On this page")
    expect(toc.get_by_role("link")).to_have_count(10)
    accessible_everywhere(page, assert_accessible)
    toc.get_by_role("link", name="Activity restrictions").click()

    assert page.url.endswith("#restrictions")
    expect(page.locator("#restrictions")).to_be_in_viewport()

    feedback = page.locator("#feedback")
    feedback.scroll_into_view_if_needed()
    expect(feedback.get_by_role("radio", name="Yes")).to_be_visible()  # htmx loaded the form
    accessible_everywhere(page, assert_accessible)
    feedback.get_by_role("radio", name="No").check()
    feedback.get_by_label("What could we do better? (optional)").fill("More on driving.")
    feedback.get_by_role("button", name="Send").click()

    expect(feedback.get_by_role("status")).to_contain_text("Thank you")
    assert page.url.endswith("#restrictions")  # answered in place, no page load
    saved = ArticleFeedback.objects.get()
    assert (saved.helpful, saved.comment) == (False, "More on driving.")
    assert_accessible(page)


def test_print_view_fits_on_two_pages(page, live_server, assert_accessible):
    article = make_osteotomy()

    page.goto(f"{article.get_absolute_url()}print/")
    accessible_everywhere(page, assert_accessible)
    pdf = page.pdf(format="A4")

    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"the short version prints on {pages} pages"
    page.goto(article.get_absolute_url())
    full = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))
    assert full > pages  # positive control: the whole article is longer on paper


def test_feedback_without_an_answer_says_what_is_missing(page, live_server):
    article = make_osteotomy()
    page.goto(article.get_absolute_url())

    feedback = page.locator("#feedback")
    feedback.scroll_into_view_if_needed()
    feedback.get_by_role("button", name="Send").click()

    expect(feedback).to_contain_text("Please choose Yes or No.")
    assert ArticleFeedback.objects.count() == 0
    feedback.get_by_role("radio", name="Yes").check()  # the form is still usable
    feedback.get_by_role("button", name="Send").click()
    expect(feedback.get_by_role("status")).to_contain_text("Thank you")
    assert ArticleFeedback.objects.get().helpful is True


def test_youtube_chapter_loads_the_player_at_its_start(page, live_server, page_watch,
                                                       assert_accessible):  # fmt: skip
    video = make_video(title="Knee rehab at home", source_url="https://youtu.be/dQw4w9WgXcQ",
                       chapters=[(0, "Ankle pumps"), (75, "Heel slides")])  # fmt: skip
    page.route(f"https://{NOCOOKIE}/**", lambda route: route.abort("blockedbyclient"))

    page.goto(video.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert page_watch.foreign_requests == [] and page.locator("iframe").count() == 0
    accessible_everywhere(page, assert_accessible)
    page.get_by_role("link", name="1:15 Heel slides").click()

    frame = page.locator("#video-player iframe.video-frame")
    expect(frame).to_have_attribute(
        "src", f"https://{NOCOOKIE}/embed/dQw4w9WgXcQ?autoplay=1&start=75"
    )
    assert page.url.endswith(video.get_absolute_url())  # stayed on our page
    page.get_by_role("link", name="0:00 Ankle pumps").click()
    expect(frame).to_have_attribute("src", f"https://{NOCOOKIE}/embed/dQw4w9WgXcQ?autoplay=1")
    assert {urlsplit(url).hostname for url in page_watch.foreign_requests} == {NOCOOKIE}
    page_watch.foreign_requests.clear()  # the player the clicks asked for, and only it
    page_watch.console_errors[:] = [e for e in page_watch.console_errors if NOCOOKIE not in e]


def test_uploaded_video_chapter_seeks_the_player(page, live_server, assert_accessible):
    video = make_video(video_file=mp4_upload(), chapters=[(0, "Welcome"), (42, "Stairs")])

    page.goto(video.get_absolute_url())
    accessible_everywhere(page, assert_accessible)
    page.get_by_role("link", name="0:42 Stairs").click()

    current = page.locator("#video-player video").evaluate("video => video.currentTime")
    assert current == 42
    assert page.url.endswith(video.get_absolute_url())


def test_blog_editor_saves_a_draft_then_publishes(page, live_server, login, assert_accessible):
    author = make_user(username="kneehealer")
    login(page, live_server, author)

    page.goto("/blogs/new/")
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    assert page.locator('input[type="radio"][name="publication"]').count() == 0
    page.get_by_label("Title").fill("Week three")
    page.get_by_label("Body").fill("Stairs are **easier** now.")
    expect(page.locator("#post-preview strong")).to_have_text("easier")
    accessible_everywhere(page, assert_accessible)
    page.get_by_label("Title").press("Enter")  # the default button: a draft, never a post

    expect(page.get_by_text("Your draft is saved. Only you can see it.")).to_be_visible()
    post = BlogPost.objects.get()
    assert post.is_draft

    page.goto(f"/blogs/posts/{post.pk}/edit/")
    page.get_by_role("button", name="Publish", exact=True).click()

    expect(page.get_by_text("Your post is published.")).to_be_visible()
    post.refresh_from_db()
    assert post.is_live
    assert_accessible(page)
