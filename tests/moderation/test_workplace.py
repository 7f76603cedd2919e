"""The moderators' workplace: the queue, one page to act on a report, suspensions with
presets, safety alerts to the moderators on duty, and the restore rule."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification
from accounts.suspension import INDEFINITE
from moderation import services
from moderation.links import moderation_url
from moderation.models import ModerationLogEntry, OnDuty, Report
from tests.factories import PASSWORD, make_user
from tests.forums.factories import make_post, make_thread

pytestmark = pytest.mark.django_db


def _report_page(report) -> str:
    return reverse("admin:moderation_report_change", args=[report.pk])


def _flag(post, level):
    return services.flag_for_safety(target=post, note="words", level=level)


def test_queue_puts_crisis_then_emergency_first_then_the_oldest(patient):
    post = make_post(author=patient)
    old_report = services.report_content(target=post, reporter=make_user(), reason="spam")
    Report.objects.filter(pk=old_report.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    emergency, crisis = _flag(post, "emergency"), _flag(post, "crisis")
    newer_report = services.report_content(target=post, reporter=make_user(), reason="abuse")

    order = list(Report.objects.open().in_queue_order())

    assert order == [crisis, emergency, old_report, newer_report]


def test_report_list_opens_on_open_reports_and_offers_only_reportable_kinds(client, moderator):
    post = make_post()
    open_report = services.report_content(target=post, reporter=make_user(), reason="spam")
    closed = services.report_content(target=make_post(), reporter=make_user(), reason="spam")
    services.dismiss_report(report=closed, moderator=moderator)
    client.force_login(moderator)

    page = client.get(reverse("admin:moderation_report_changelist")).content.decode()

    assert _report_page(open_report) in page and _report_page(closed) not in page
    assert page.count("kind=") == 6  # threads, posts, blog posts, comments, heroes, stories


def test_moderator_hides_from_the_report_page_and_sees_the_post_in_context(client, moderator):
    thread = make_thread(body="Opening words")
    post = make_post(thread=thread, author=make_user(), body="Rude reply")
    make_post(thread=thread, body="A kind reply after")
    report = services.report_content(target=post, reporter=make_user(), reason="abuse", note="mean")
    client.force_login(moderator)

    page = client.get(_report_page(report)).content.decode()
    response = client.post(_report_page(report), {"do": "hide"})

    assert "Opening words" in page and "A kind reply after" in page and "mean" in page
    assert response.status_code == 302
    post.refresh_from_db()
    report.refresh_from_db()
    assert post.is_hidden and report.status == Report.Status.RESOLVED
    assert ModerationLogEntry.objects.filter(action="hide", member=post.author).exists()


@pytest.mark.parametrize("button", ["restore", "dismiss", "lock"])
def test_each_button_on_the_report_page(client, moderator, button):
    post = make_post()
    if button == "restore":
        services.hide(target=post, moderator=moderator)
    report = services.report_content(target=post, reporter=make_user(), reason="spam")
    client.force_login(moderator)

    client.post(_report_page(report), {"do": button})

    post.refresh_from_db()
    post.thread.refresh_from_db()
    report.refresh_from_db()
    assert report.status != Report.Status.OPEN or button == "lock"
    assert {"restore": post.is_visible, "dismiss": post.is_visible,
            "lock": post.thread.is_locked}[button]  # fmt: skip


@pytest.mark.parametrize(("length", "days"), [("1", 1), ("7", 7), ("30", 30), ("indefinite", None)])
def test_suspension_presets_from_the_report_page(client, moderator, patient, length, days):
    report = services.report_content(
        target=make_post(author=patient), reporter=make_user(), reason="abuse"
    )
    client.force_login(moderator)

    client.post(_report_page(report), {"do": "suspend", "length": length, "reason": "Insults"})

    patient.refresh_from_db()
    assert patient.is_suspended and patient.suspension_reason == "Insults"
    if days is None:
        assert patient.suspended_until == INDEFINITE
    else:
        expected = timezone.now() + datetime.timedelta(days=days)
        assert abs(patient.suspended_until - expected) < datetime.timedelta(minutes=1)


def test_suspended_member_is_told_why_and_until_when_on_sign_in(client, moderator, patient):
    services.suspend_member(member=patient, moderator=moderator, reason="Spam links",
                            ends_at=services.suspension_end("7"))  # fmt: skip

    response = client.post(
        "/accounts/login/", {"login": "patient", "password": PASSWORD}, follow=True
    )

    page = response.content.decode()
    assert "Your account is suspended until" in page and "Spam links" in page


def test_moderator_suspends_from_a_post_card_and_a_profile(client, moderator, patient):
    post = make_post(author=patient)
    client.force_login(moderator)
    suspend_url = reverse("admin:moderation_suspend_member", args=[patient.pk])

    thread_page = client.get(post.thread.get_absolute_url()).content.decode()
    profile_page = client.get(patient.get_absolute_url()).content.decode()

    assert suspend_url in thread_page and suspend_url in profile_page


def test_moderators_do_not_browse_recovery_records_in_the_admin(client, moderator):
    client.force_login(moderator)

    assert client.get("/admin/forums/recoveryrecord/").status_code == 404
    assert client.get("/admin/forums/post/").status_code == 200  # the forums' posts are there


def test_moderator_cannot_restore_what_its_author_deleted(client, moderator, patient):
    post = make_post(author=patient)
    services.delete_by_author(target=post, author=patient)
    client.force_login(moderator)

    page = client.get(post.thread.get_absolute_url()).content.decode()
    response = client.post(moderation_url("restore", post))

    post.refresh_from_db()
    assert moderation_url("restore", post) not in page
    assert response.status_code == 403 and post.is_deleted
    with pytest.raises(services.ModerationRefused):
        services.restore(target=post, moderator=moderator)


def test_hide_and_restore_are_post_only(client, moderator):
    client.force_login(moderator)

    assert client.get(moderation_url("hide", make_post())).status_code == 405


@pytest.mark.parametrize("level", ["crisis", "emergency"])
def test_urgent_flags_alert_the_moderators_on_duty_by_bell_and_email(
    django_capture_on_commit_callbacks, moderator, level
):
    off_duty = make_user(role="moderator")
    OnDuty.objects.create(moderator=moderator)

    with django_capture_on_commit_callbacks(execute=True):
        _flag(make_post(), level)

    assert Notification.objects.filter(recipient=moderator, kind="safety_flag").count() == 1
    assert not Notification.objects.filter(recipient=off_duty).exists()
    assert [m.to for m in mail.outbox if "flag" in m.subject] == [[moderator.email]]


def test_urgent_flags_alert_every_moderator_when_none_is_on_duty(
    django_capture_on_commit_callbacks, moderator
):
    other = make_user(role="moderator")

    with django_capture_on_commit_callbacks(execute=True):
        _flag(make_post(), "crisis")

    assert {n.recipient for n in Notification.objects.filter(kind="safety_flag")} == {
        moderator,
        other,
    }


def test_warning_signs_alert_nobody(django_capture_on_commit_callbacks, moderator):
    with django_capture_on_commit_callbacks(execute=True):
        _flag(make_post(), "sign")
    assert not Notification.objects.filter(kind="safety_flag").exists()

    with django_capture_on_commit_callbacks(execute=True):
        _flag(make_post(), "crisis")
    assert Notification.objects.filter(kind="safety_flag").exists()  # the sibling alerts


def test_unacknowledged_crisis_flag_alerts_again_after_15_minutes(
    django_capture_on_commit_callbacks, moderator
):
    with django_capture_on_commit_callbacks(execute=True):
        report = _flag(make_post(), "crisis")
    call_command("renotify_crisis_flags")
    assert Notification.objects.filter(kind="safety_flag").count() == 1

    Report.objects.filter(pk=report.pk).update(
        alerted_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    call_command("renotify_crisis_flags")

    assert Notification.objects.filter(kind="safety_flag").count() == 2


def test_acknowledging_a_crisis_flag_is_logged_and_stops_the_alerts(client, moderator):
    report = _flag(make_post(), "crisis")
    Report.objects.filter(pk=report.pk).update(
        alerted_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.force_login(moderator)

    client.post(
        _report_page(report), {"do": "acknowledge", "outcome": "contacted", "note": "DM sent"}
    )
    call_command("renotify_crisis_flags")

    report.refresh_from_db()
    entry = ModerationLogEntry.objects.get(action="acknowledge crisis flag")
    assert (report.status, report.handled_by) == (Report.Status.ACKNOWLEDGED, moderator)
    assert entry.actor == moderator and entry.note_text == "Contacted the member. DM sent"
    assert not Notification.objects.filter(kind="safety_flag").exists()


def test_dashboard_counts_open_work_and_toggles_duty(client, moderator):
    _flag(make_post(), "crisis")
    client.force_login(moderator)

    page = client.get(reverse("admin:moderation_dashboard")).content.decode()
    client.post(reverse("admin:moderation_duty"), {"on_duty": "1"})

    assert "Crisis" in page and "Nominations" in page and "Surgeon verifications" in page
    assert OnDuty.objects.filter(moderator=moderator).exists()
    assert reverse("admin:moderation_dashboard") in client.get("/admin/").content.decode()


def test_review_column_shows_overdue_as_the_warning(client, editor):
    from tests.factories import make_article

    overdue = make_article(next_review_due_on=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(editor)

    page = client.get(reverse("admin:articles_article_changelist")).content.decode()

    row = page[page.index(overdue.title) :]
    assert "icon-no.svg" in row.split("</tr>")[0]
