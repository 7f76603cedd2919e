"""A moderator publishes a new member's held reply from the moderation dashboard."""

import pytest
from playwright.sync_api import expect

from forums.models import Post
from tests.factories import days_ago, make_user
from tests.forums.factories import make_post, make_thread

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.new_member_rules,
]


def test_moderator_approves_a_held_reply_from_the_dashboard(
    page, live_server, login, assert_accessible
):
    thread = make_thread(author=make_user(date_joined=days_ago(60), post_count=40))
    held = make_post(thread=thread, author=make_user(), body="Ice and elevation helped me.")
    login(page, live_server, make_user(role="moderator"))

    page.goto("/admin/moderation/report/dashboard/")
    section = page.locator("#held-for-review")
    expect(section.get_by_text("Ice and elevation helped me.")).to_be_visible()
    assert_accessible(page)
    section.get_by_role("button", name="Approve and publish").click()

    expect(page.get_by_text("is published")).to_be_visible()
    expect(
        page.locator("#held-for-review").get_by_text("Nothing is held for review.")
    ).to_be_visible()
    assert Post.objects.get(pk=held.pk).is_visible
