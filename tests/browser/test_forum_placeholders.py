"""A thread with a post its author deleted and a post a moderator hid: their placeholders
(and the permalinks on them) are axe-clean for a visitor and for a moderator."""

import pytest

from moderation.services import hide
from tests.factories import make_user
from tests.forums.factories import make_post, make_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _thread_with_placeholders():
    thread = make_thread(title="Week 3 after knee replacement", body="How is everyone doing?")
    deleted = make_post(thread=thread, body="I said too much here.")
    deleted.delete_by_author(by=deleted.author)
    hidden = make_post(thread=thread, body="Buy cheap pills at example.com")
    hide(target=hidden, moderator=make_user(role="moderator"), note="Spam")
    make_post(thread=thread, body="Feeling better every day.")
    return deleted, hidden


def _visit(page, deleted, hidden, assert_accessible):
    page.goto(f"/forums/post/{deleted.pk}/")
    page.wait_for_load_state("load")
    assert page.get_by_text("This post was deleted by its author.").is_visible()
    assert page.locator(f"#post-{hidden.pk}").is_visible()
    assert_accessible(page)


def test_visitor_sees_accessible_placeholders(page, live_server, assert_accessible):
    deleted, hidden = _thread_with_placeholders()

    _visit(page, deleted, hidden, assert_accessible)

    assert page.get_by_text("This post was hidden by a moderator.").is_visible()
    assert "Buy cheap pills" not in page.content()


def test_moderator_sees_accessible_placeholders(page, live_server, login, assert_accessible):
    deleted, hidden = _thread_with_placeholders()
    login(page, live_server, make_user(username="mod_on_duty", role="moderator"))

    _visit(page, deleted, hidden, assert_accessible)

    assert page.get_by_text("Buy cheap pills").is_visible()  # moderators read hidden posts
    # Only the hidden post: what its author deleted is theirs to keep deleted (issue 11).
    assert page.get_by_role("button", name="Restore").count() == 1
