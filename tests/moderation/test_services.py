"""Moderation services: reports, the log, suspensions. Hiding and restoring content is
tested by each content app on its own Moderated models (the foundation has none)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.permissions import can_post, posting_refusal
from moderation import services
from moderation.models import ModerationLogEntry, Report
from tests.factories import make_article
from tests.forums.factories import make_post as make_forum_post

pytestmark = pytest.mark.django_db


def test_report_content_files_an_open_report(patient):
    target = make_article()

    report = services.report_content(target=target, reporter=patient, reason="misinformation")

    assert report.status == Report.Status.OPEN
    assert report.target == target
    assert report.content_type == ContentType.objects.get_for_model(target)


def test_a_second_report_by_the_same_member_returns_the_first(patient):
    target = make_article()
    first = services.report_content(target=target, reporter=patient, reason="spam")

    second = services.report_content(target=target, reporter=patient, reason="abuse")

    assert second == first
    assert Report.objects.count() == 1


def test_different_members_report_the_same_item(patient, other_patient):
    target = make_article()

    services.report_content(target=target, reporter=patient, reason="spam")
    services.report_content(target=target, reporter=other_patient, reason="spam")

    assert Report.objects.filter(status=Report.Status.OPEN).count() == 2


def test_safety_flag_has_no_reporter(patient):
    report = services.flag_for_safety(target=make_article(), note="mentions fever")

    assert report.reporter is None
    assert report.reason == Report.Reason.SAFETY


def test_dismissing_closes_every_open_report_on_the_item_and_logs_it(
    patient, other_patient, moderator
):
    target = make_article()
    report = services.report_content(target=target, reporter=patient, reason="spam")
    services.report_content(target=target, reporter=other_patient, reason="spam")

    services.dismiss_report(report=report, moderator=moderator)

    assert not Report.objects.filter(status=Report.Status.OPEN).exists()
    assert set(Report.objects.values_list("handled_by", flat=True)) == {moderator.pk}
    entry = ModerationLogEntry.objects.get()
    assert (entry.actor, entry.action, entry.target) == (moderator, "dismiss reports", target)


def test_log_action_records_who_did_what_to_which_item(moderator):
    target = make_article(title="Knee osteotomy")

    entry = services.log_action(actor=moderator, action="lock", target=target, note="Off topic")

    assert entry.target == target
    assert entry.target_repr == "Knee osteotomy"
    assert entry.note == "Off topic"


def test_suspension_sets_the_date_and_posting_refusal_explains(patient, moderator):
    until = timezone.now() + datetime.timedelta(days=7)

    suspension = services.suspend_member(
        member=patient, moderator=moderator, ends_at=until, reason="Repeated spam"
    )

    patient.refresh_from_db()
    assert patient.suspended_until == until
    assert patient.is_suspended
    assert not can_post(patient)
    refusal = posting_refusal(patient)
    assert refusal.startswith("Your account is suspended until ")
    assert refusal.endswith("Reason: Repeated spam")
    assert suspension.created_by == moderator
    assert ModerationLogEntry.objects.filter(action="suspend", actor=moderator).exists()


def test_an_expired_suspension_no_longer_refuses(patient, moderator):
    services.suspend_member(
        member=patient, moderator=moderator, ends_at=timezone.now() - datetime.timedelta(hours=1),
        reason="Old",
    )  # fmt: skip

    patient.refresh_from_db()
    assert can_post(patient)


def test_lifting_a_suspension(patient, moderator):
    services.suspend_member(
        member=patient, moderator=moderator,
        ends_at=timezone.now() + datetime.timedelta(days=7), reason="Spam",
    )  # fmt: skip

    services.lift_suspension(member=patient, moderator=moderator)

    patient.refresh_from_db()
    assert can_post(patient)
    assert patient.suspensions.get().lifted_at is not None
    assert ModerationLogEntry.objects.filter(action="lift suspension").exists()


def test_moderator_suspends_through_the_admin_with_a_preset(client, patient, moderator):
    client.force_login(moderator)

    response = client.post(
        f"/admin/moderation/suspension/member/{patient.pk}/", {"length": "7", "reason": "Spam"}
    )

    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.is_suspended
    assert patient.suspension_reason == "Spam"


def test_report_page_refuses_models_that_are_not_member_content(client, patient):
    article = make_article()
    post = make_forum_post()
    client.force_login(patient)

    assert client.get(f"/report/forums/post/{post.pk}/").status_code == 200
    assert client.get(f"/report/articles/article/{article.pk}/").status_code == 404
    assert client.get("/report/nope/nothing/1/").status_code == 404


def test_report_page_needs_sign_in(client):
    response = client.get("/report/articles/article/1/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_moderator_dismisses_reports_from_the_admin_queue(client, patient, moderator):
    report = services.report_content(target=make_article(), reporter=patient, reason="spam")
    client.force_login(moderator)

    response = client.post(
        "/admin/moderation/report/", {"action": "dismiss", "_selected_action": [report.pk]}
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.DISMISSED
    assert report.handled_by == moderator
    assert ModerationLogEntry.objects.filter(action="dismiss reports", actor=moderator).exists()


def test_report_queue_shows_the_reports(client, patient, moderator):
    services.report_content(target=make_article(title="Odd article"), reporter=patient,
                            reason="misinformation")  # fmt: skip
    client.force_login(moderator)

    html = client.get("/admin/moderation/report/").content.decode()

    assert "Odd article" in html
    assert "Medical misinformation" in html
