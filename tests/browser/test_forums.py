"""The forums in a real browser: read a thread, sign in, reply, quote, react, report.
Every page is axe-clean; the `page` fixture fails the test on any request to another host
or any console error (CSP violations included)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forums.models import Post
from moderation.models import Report
from tests.factories import PASSWORD, make_article, make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _seed_thread():
    acl = make_article(
        title="ACL reconstruction",
        slug="acl-reconstruction",
        warning_signs=[("Fever or chills", "fever, chills")],
    )
    forum = make_forum(name="Knee surgery", slug="knee", articles=[acl])
    old = timezone.now() - timezone.timedelta(days=30)
    author = make_user(username="dadoody", date_joined=old)
    thread = make_thread(
        forum=forum,
        author=author,
        article=acl,
        title="5 days post op ACL surgery - strange horrible pain",
        body="Strange pain behind the knee. Is this **normal**?",
    )
    make_post(
        thread=thread,
        author=make_user(username="kneehealer", date_joined=old),
        body="I'm 12 years post op, but I remember that pain.",
    )
    return thread


def test_visitor_reads_the_forums(page, live_server, assert_accessible):
    thread = _seed_thread()

    page.goto("/forums/")
    assert page.get_by_role("heading", level=1).inner_text() == "Forums"
    assert_accessible(page)

    page.get_by_role("link", name="Knee surgery").click()
    page.wait_for_load_state("load")
    assert_accessible(page)

    page.get_by_role("link", name=thread.title).click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == thread.title
    assert page.get_by_text("I'm 12 years post op").is_visible()
    assert page.locator("time").count() >= 2
    assert page.get_by_role("link", name="Sign in").count() >= 1
    assert_accessible(page)


def test_member_signs_in_replies_quotes_reacts_and_reports(page, live_server, assert_accessible):
    thread = _seed_thread()
    make_user(username="runagain", date_joined=timezone.now() - timezone.timedelta(days=90))

    page.goto("/accounts/login/?next=" + thread.get_absolute_url())
    page.get_by_label("Pseudonym or email").fill("runagain")
    page.get_by_label("Password*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"**{thread.get_absolute_url()}**")
    assert_accessible(page)

    # Reply from the form under the thread.
    page.get_by_label("Your message").fill("Ice and rest helped me a lot in week one.")
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_load_state("load")
    assert page.get_by_text("Your reply is posted.").is_visible()
    assert page.get_by_text("Ice and rest helped me a lot in week one.").is_visible()
    assert_accessible(page)

    # Quote the first post into the reply box on the same page: the quote names its author
    # (linked to their profile) and links back to the post.
    first = thread.posts.get(number=1)
    page.locator(f"#post-{first.pk}").get_by_role("link", name="Quote").click()
    body = page.get_by_label("Your message")
    expect(body).to_have_value(re.compile("> Strange pain"))
    assert_accessible(page)
    body.fill(body.input_value() + "Same for me.")
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_load_state("load")
    quoted = Post.objects.get(body__endswith="Same for me.")
    card = page.locator(f"#post-{quoted.pk}")
    assert card.locator("blockquote").is_visible()
    assert card.get_by_role("link", name="wrote").get_attribute("href") == first.get_absolute_url()
    assert card.get_by_role("link", name="dadoody").first.get_attribute("href") == (
        "/members/dadoody/"
    )

    # React with htmx: the button flips to pressed and the count goes up.
    helpful = page.locator(f"#post-{first.pk}").get_by_role("button", name="Helpful")
    helpful.click()
    pressed = page.locator(f"#post-{first.pk}").locator('button[aria-pressed="true"]')
    pressed.wait_for()
    assert "1" in pressed.inner_text()
    first.refresh_from_db()
    assert first.helpful_count == 1

    # Report the first post.
    page.locator(f"#post-{first.pk}").get_by_role("link", name="Report").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.get_by_label("Medical misinformation").check()
    page.get_by_role("button", name="Report").click()
    page.wait_for_load_state("load")
    assert Report.objects.filter(object_id=first.pk, reason="misinformation").exists()


def test_member_sees_the_safety_notice_before_and_after_posting(
    page, live_server, login, assert_accessible
):
    thread = _seed_thread()
    member = make_user(date_joined=timezone.now() - timezone.timedelta(days=90))
    login(page, live_server, member)

    page.goto(thread.get_absolute_url())
    page.get_by_label("Your message").fill("I have a fever since this morning")
    notice = page.locator("#post-check .safety-notice")
    notice.wait_for()
    assert "Fever or chills" in notice.inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Post reply").click()
    page.wait_for_load_state("load")
    assert "Your post is published" in page.locator(".safety-notice").inner_text()
    assert "local emergency number" in page.locator(".safety-notice").inner_text()
    assert Report.objects.filter(reason="safety").count() == 1
    assert_accessible(page)


def test_member_starts_a_thread_and_manages_recovery_records(
    page, live_server, login, assert_accessible
):
    hip = make_article(title="Hip replacement", slug="hip-replacement")
    forum = make_forum(name="Hip surgery", slug="hip", articles=[hip])
    member = make_user(date_joined=timezone.now() - timezone.timedelta(days=90))
    login(page, live_server, member)

    page.goto("/forums/recovery/")
    assert_accessible(page)
    page.get_by_label("Procedure").select_option(label="Hip replacement")
    page.get_by_label("Date of surgery").fill("2024-05-01")
    page.get_by_label("Show on my posts and profile").check()
    page.get_by_role("button", name="Add").click()
    page.wait_for_load_state("load")
    assert page.get_by_text("shown on your posts").is_visible()

    page.goto(forum.get_absolute_url())
    page.get_by_role("link", name="Start a thread").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.get_by_role("textbox", name="Title").fill("First night home")
    page.get_by_label("Procedure (optional)").select_option(label="Hip replacement")
    page.get_by_label("Your first post").fill("Any tips for the car?")
    page.get_by_role("button", name="Post thread").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == "First night home"
    assert page.get_by_text("after Hip replacement").is_visible()
    assert_accessible(page)


def test_moderator_locks_moves_and_reads_history(page, live_server, login, assert_accessible):
    from tests.factories import make_user as make_member

    thread = _seed_thread()
    other = make_forum(name="General", slug="general")
    moderator = make_member(username="mod", role="moderator")
    login(page, live_server, moderator)

    page.goto(thread.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("button", name="Lock").click()
    page.wait_for_load_state("load")
    assert page.get_by_text("The thread is locked.").is_visible()

    page.get_by_role("link", name="Move").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.get_by_label("Move to forum").select_option(label="General")
    page.get_by_role("button", name="Move thread").click()
    page.wait_for_load_state("load")
    thread.refresh_from_db()
    assert thread.forum == other and thread.is_locked

    page.locator(".post-card").first.get_by_role("link", name="history").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Revisions of post #1")
    assert_accessible(page)


PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_forum_lists_are_cards_on_a_phone(page, live_server, assert_accessible, scheme):
    """The lists keep every column's information on a phone, inside the screen's width."""
    thread = _seed_thread()
    reply = thread.posts.get(number=2)
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)

    for path in ("/forums/", thread.forum.get_absolute_url()):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        summary = page.locator(".forum-list-summary").first
        assert summary.is_visible()
        assert (
            summary.get_by_role(
                "link", name=re.compile("kneehealer|strange horrible")
            ).get_attribute("href")
            == reply.get_absolute_url()
        )
        assert page.locator("time").first.is_visible()
        assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    assert not page.locator(".forum-list-summary").first.is_visible()
    assert page.get_by_role("columnheader", name="Last post").is_visible()
