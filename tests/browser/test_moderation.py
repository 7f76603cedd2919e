"""A moderator handles a crisis flag in a real browser: from the admin index to the
dashboard, on duty, to the flag's page, acknowledged. Every page is axe-clean; the `page`
fixture fails the test on any request to another host or any console error."""

import pytest

from moderation import services
from moderation.models import ModerationLogEntry, Report
from tests.factories import make_user
from tests.forums.factories import make_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_moderator_handles_a_crisis_flag_from_the_dashboard(page, live_server, login,
                                                            assert_accessible):  # fmt: skip
    moderator = make_user(username="mod_on_call", role="moderator")
    post = make_post(body="I can't do this anymore.")
    report = services.flag_for_safety(target=post, note="crisis words", level="crisis")
    services.report_content(target=make_post(), reporter=make_user(), reason="spam")
    login(page, live_server, moderator)

    page.goto("/admin/")
    page.get_by_role("link", name="Moderation dashboard").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.get_by_role("button", name="Go on duty").click()
    page.wait_for_load_state("load")
    assert page.get_by_text("You are on duty").count() >= 1

    first_row = page.locator("#moderation-queue").get_by_role("link").first
    assert "Crisis" in first_row.inner_text()
    first_row.click()
    page.wait_for_load_state("load")
    assert page.get_by_text("I can't do this anymore.").is_visible()
    assert_accessible(page)

    page.get_by_label("Contacted the member").check()
    page.get_by_label("Note (optional)").fill("Sent crisis lines by message.")
    page.get_by_role("button", name="Acknowledge").click()
    page.wait_for_load_state("load")

    assert page.get_by_text("Acknowledged").count() >= 1
    assert_accessible(page)
    report.refresh_from_db()
    assert (report.status, report.handled_by) == (Report.Status.ACKNOWLEDGED, moderator)
    assert ModerationLogEntry.objects.filter(actor=moderator, action="acknowledge crisis flag")
