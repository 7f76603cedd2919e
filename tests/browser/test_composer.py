"""The forum composer in a real browser, at desktop and phone size: the Markdown toolbar,
the live preview, a draft that survives a reload, quoting in place, an image with its alt
text; and marking a clinician answer. axe-clean in light and dark schemes; the `page`
fixture fails on any request to another host or any console error."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.models import Draft, MemberImage
from forums.models import Post
from tests.blogs.factories import image_bytes
from tests.factories import make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _accessible_in_both_schemes(page, assert_accessible):
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert_accessible(page)
    page.emulate_media(color_scheme="light")


def _seed():
    old = timezone.now() - timezone.timedelta(days=90)
    forum = make_forum(name="Knee surgery", slug="knee")
    thread = make_thread(
        forum=forum,
        author=make_user(username="dadoody", date_joined=old),
        title="Swelling in week two",
        body="Strange swelling behind the knee. Is this normal?",
    )
    member = make_user(username="runagain", date_joined=old, post_count=20)
    return thread, member


@pytest.mark.parametrize("size", SIZES)
def test_member_composes_with_toolbar_preview_draft_quote_and_image(
    page, live_server, login, assert_accessible, tmp_path, size
):
    thread, member = _seed()
    make_user(username="kneehealer")
    page.set_viewport_size(SIZES[size])
    login(page, live_server, member)
    page.goto(thread.get_absolute_url() + "?page=1")
    body = page.get_by_label("Your message")

    # Toolbar: select a word and make it bold; the preview follows.
    body.fill("Ice helped @kneehealer")
    body.evaluate("field => field.setSelectionRange(0, 3)")
    page.get_by_role("toolbar", name="Formatting").get_by_role("button", name="Bold").click()
    assert body.input_value() == "**Ice** helped @kneehealer"
    preview = page.locator("#composer-preview")
    preview.locator("strong", has_text="Ice").wait_for()
    assert preview.get_by_role("link", name="@kneehealer").get_attribute("href") == (
        "/members/kneehealer/"
    )
    _accessible_in_both_schemes(page, assert_accessible)

    # The draft saves itself and is back after a reload.
    page.locator("#draft-status", has_text="Draft saved").wait_for()
    page.reload()
    assert page.get_by_label("Your message").input_value() == "**Ice** helped @kneehealer"
    assert page.locator("#draft-status", has_text="is back").is_visible()

    # Quote the first post into the box, on the same page.
    first = thread.posts.get(number=1)
    url = page.url
    page.locator(f"#post-{first.pk}").get_by_role("link", name="Quote").click()
    expect(body).to_have_value(re.compile("> Strange"))
    assert page.url == url

    # An image, with its alt text and the reminder of who sees it.
    picture = tmp_path / "knee.png"
    picture.write_bytes(image_bytes(size=(80, 60)))
    page.get_by_role("button", name="Image").click()
    assert page.get_by_text("leave out faces and documents").is_visible()
    page.get_by_label("Image (JPEG").set_input_files(str(picture))
    page.get_by_role("button", name="Upload and insert").click()
    assert page.get_by_text("Please describe the picture").is_visible()
    page.get_by_label("Describe the image (required)").fill("Swollen knee, day 9")
    page.get_by_role("button", name="Upload and insert").click()
    page.get_by_text("Image added to your message.").wait_for()
    preview.get_by_role("img", name="Swollen knee, day 9").wait_for()
    _accessible_in_both_schemes(page, assert_accessible)

    page.get_by_role("button", name="Post reply").click()
    page.wait_for_load_state("load")
    reply = Post.objects.get(author=member)
    card = page.locator(f"#post-{reply.pk}")
    assert card.locator("blockquote").get_by_role("link", name="dadoody").is_visible()
    image = card.get_by_role("img", name="Swollen knee, day 9")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 80
    assert not Draft.objects.exists()
    assert MemberImage.objects.get().scope == f"forums.thread:{thread.pk}"
    _accessible_in_both_schemes(page, assert_accessible)


@pytest.mark.parametrize("size", SIZES)
def test_thread_author_marks_a_clinician_answer(page, live_server, login, assert_accessible, size):
    thread, _ = _seed()
    surgeon = make_user(
        username="drknee", is_verified_surgeon=True, verified_name="Dr Ada Knee", post_count=9
    )
    answer = make_post(thread=thread, author=surgeon, body="Swelling for **six weeks** is usual.")
    make_post(thread=thread, body="Same here.")
    page.set_viewport_size(SIZES[size])
    login(page, live_server, thread.author)

    page.goto(thread.get_absolute_url() + "?page=1")
    page.locator(f"#post-{answer.pk}").get_by_role(
        "button", name="Mark as clinician answer"
    ).click()
    page.wait_for_load_state("load")

    section = page.get_by_role("region", name="Clinician answer")
    assert section.get_by_role("link", name="Dr Ada Knee").is_visible()
    assert "six weeks" in section.inner_text()
    # Under the first post, before the replies: measured at once, in page coordinates (the
    # page may still be scrolling to the anchor it was sent back to).
    first, answer_section, reply = page.evaluate(
        """(ids) => ids.map((selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top + window.scrollY;
        })""",
        [".post-card", "[aria-labelledby=clinician-answers-heading]", f"#post-{answer.pk}"],
    )
    assert first < answer_section < reply
    _accessible_in_both_schemes(page, assert_accessible)
