"""A visitor on a members-only thread: the gate (sign in or join) and nothing of the posts,
axe-clean in both colour schemes on a phone and a desktop, asking no other host; a member
signs in from it and reads the thread."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_user
from tests.forums.factories import make_forum, make_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SECRET = "I have not told anyone how low I feel."


def _members_only_thread():
    forum = make_forum(name="Feelings after surgery", slug="feelings", members_only=True)
    return make_thread(forum=forum, title="Low after my operation", body=SECRET,
                       author=make_user(username="quietmember"))  # fmt: skip


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_visitor_gets_an_accessible_gate(
    page, live_server, page_watch, assert_accessible, viewport, scheme
):
    thread = _members_only_thread()
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)

    response = page.goto(thread.get_absolute_url())

    assert response.status == 403
    expect(page.get_by_role("heading", name="Members only: sign in to read")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in", exact=True).last).to_be_visible()
    expect(page.get_by_role("link", name="Join the community")).to_be_visible()
    assert SECRET not in page.content() and "quietmember" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    page_watch.expect_console_error("status of 403")


def test_member_reads_the_thread(page, live_server, login, assert_accessible):
    thread = _members_only_thread()
    login(page, live_server, make_user(username="patient"))

    page.goto(thread.get_absolute_url())

    expect(page.get_by_text(SECRET)).to_be_visible()
    expect(page.get_by_text("Members only", exact=True)).to_be_visible()
    assert_accessible(page)
