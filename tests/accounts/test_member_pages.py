"""Profile, settings, notifications (bell, list, mark read, unsubscribe), verification."""

import time

import pytest
from django.core import mail, signing

from accounts.emails import UNSUBSCRIBE_MAX_AGE, unsubscribe_path
from accounts.models import SurgeonVerification, User
from accounts.notifications import notify
from accounts.permissions import can_post, posting_refusal
from moderation.models import ModerationLogEntry
from moderation.verification import decide_verification
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_profile_shows_pseudonym_and_badges_but_never_the_email(client, patient):
    surgeon = make_user(username="dr_lee", is_verified_surgeon=True, bio="Knee surgeon.")

    response = client.get("/members/dr_lee/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "dr_lee" in html
    assert "Verified surgeon" in html
    assert "Knee surgeon." in html
    assert surgeon.email not in html


def test_profile_shows_role_badges(client, moderator):
    assert "Moderator" in client.get("/members/moderator/").content.decode()


def test_unknown_member_is_404(client, patient):
    assert client.get("/members/patient/").status_code == 200
    assert client.get("/members/nobody/").status_code == 404


def test_member_changes_settings(client, patient):
    client.force_login(patient)

    response = client.post(
        "/accounts/settings/", {"bio": "New knee, 2024.", "email_notifications": "digest"}
    )

    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.bio == "New knee, 2024."
    assert patient.email_notifications == User.EmailNotifications.DIGEST


def test_invalid_settings_are_shown_with_errors_and_not_saved(client, patient):
    client.force_login(patient)

    response = client.post("/accounts/settings/", {"bio": "x", "email_notifications": "hourly"})

    assert response.status_code == 200
    patient.refresh_from_db()
    assert patient.bio == ""


def test_settings_form_cannot_change_protected_fields(client, patient):
    client.force_login(patient)

    client.post(
        "/accounts/settings/",
        {
            "bio": "Knee.",
            "email_notifications": "off",
            "is_verified_surgeon": "on",
            "is_staff": "on",
        },
    )

    patient.refresh_from_db()
    assert patient.bio == "Knee."
    assert not patient.is_verified_surgeon
    assert not patient.is_staff


def test_notification_shows_in_the_bell_and_the_list(client, patient):
    notify(
        recipient=patient,
        kind="reply",
        params={"legacy_text": "kneehealer replied"},
        url="/articles/",
    )
    client.force_login(patient)

    home = client.get("/").content.decode()
    listing = client.get("/notifications/").content.decode()

    assert '<span class="badge text-bg-danger">1<span class="visually-hidden"> unread' in home
    assert "kneehealer replied" in listing


def test_notification_email_carries_an_unsubscribe_link(
    patient, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipient=patient, kind="reply", params={"legacy_text": "kneehealer replied"}, url="/x/"
        )

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["patient@example.com"]
    assert unsubscribe_path(patient) in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_email_when_member_turned_them_off(django_capture_on_commit_callbacks):
    member = make_user(email_notifications=User.EmailNotifications.OFF)

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=member, kind="reply", params={"legacy_text": "hello"})

    assert mail.outbox == []
    assert member.notifications.count() == 1


def test_nobody_is_notified_of_their_own_action(patient, other_patient):
    assert (
        notify(recipient=patient, actor=other_patient, kind="reply", params={"legacy_text": "you"})
        is not None
    )
    assert (
        notify(recipient=patient, actor=patient, kind="reply", params={"legacy_text": "me"}) is None
    )


def test_opening_a_notification_marks_it_read_and_follows_it(client, patient):
    notification = notify(
        recipient=patient, kind="reply", params={"legacy_text": "hi"}, url="/articles/"
    )
    client.force_login(patient)

    response = client.get(f"/notifications/{notification.pk}/")

    assert response.status_code == 302
    assert response.url == "/articles/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_member_cannot_open_someone_elses_notification(client, patient, other_patient):
    notification = notify(
        recipient=other_patient, kind="reply", params={"legacy_text": "private"}, url="/"
    )
    client.force_login(patient)

    assert client.get(f"/notifications/{notification.pk}/").status_code == 404
    client.force_login(other_patient)
    assert client.get(f"/notifications/{notification.pk}/").status_code == 302


def test_mark_all_read(client, patient, other_patient):
    notify(recipient=patient, kind="reply", params={"legacy_text": "one"})
    notify(recipient=patient, kind="reply", params={"legacy_text": "two"})
    theirs = notify(recipient=other_patient, kind="reply", params={"legacy_text": "theirs"})
    client.force_login(patient)

    response = client.post("/notifications/read/")

    assert response.status_code == 302
    assert not patient.notifications.filter(read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_read_is_post_only(client, patient):
    client.force_login(patient)

    assert client.get("/notifications/read/").status_code == 405


def test_mark_read_never_redirects_to_another_host(client, patient):
    client.force_login(patient)

    response = client.post("/notifications/read/", {"next": "https://evil.example.com/"})

    assert response.status_code == 302
    assert "evil.example.com" not in response.url


def test_unsubscribe_link_get_asks_to_confirm(client, patient):
    response = client.get(unsubscribe_path(patient))

    assert response.status_code == 200
    assert "Stop notification emails?" in response.content.decode()
    patient.refresh_from_db()
    assert patient.email_notifications == User.EmailNotifications.EACH


def test_unsubscribe_link_post_unsubscribes_without_signing_in(client, patient):
    client.handler.enforce_csrf_checks = True  # mail clients post without a CSRF token

    response = client.post(unsubscribe_path(patient))

    assert response.status_code == 200
    patient.refresh_from_db()
    assert patient.email_notifications == User.EmailNotifications.OFF


def test_unsubscribe_with_a_bad_token_is_404(client, patient):
    assert client.get(unsubscribe_path(patient)).status_code == 200
    assert client.get("/unsubscribe/not-a-token/").status_code == 404
    assert client.post("/unsubscribe/not-a-token/").status_code == 404


def test_surgeon_asks_to_be_verified(client, patient):
    client.force_login(patient)

    response = client.post(
        "/accounts/verification/",
        {
            "full_name": "Dr P",
            "specialty": "Knee",
            "practice": "General",
            "regulator": "General Medical Council",
            "licence_number": "LIC-4477-PRIVATE",
        },
    )

    assert response.status_code == 302
    verification = SurgeonVerification.objects.get(user=patient)
    assert verification.status == SurgeonVerification.Status.PENDING
    assert "LIC-4477-PRIVATE" not in client.get("/members/patient/").content.decode()


def test_moderator_verifies_a_surgeon(patient, moderator):
    verification = SurgeonVerification.objects.create(
        user=patient, full_name="Dr P", specialty="Knee", practice="General", licence_number="L1"
    )

    decide_verification(verification=verification, moderator=moderator, approve=True)

    patient.refresh_from_db()
    assert patient.is_verified_surgeon
    assert ModerationLogEntry.objects.filter(action="verify surgeon", actor=moderator).exists()
    assert patient.notifications.filter(kind="verification").exists()


def test_posting_refusal_for_visitors_closed_and_active_accounts(patient):
    from django.contrib.auth.models import AnonymousUser

    assert posting_refusal(AnonymousUser()) == "Please sign in to post."
    assert posting_refusal(patient) == ""
    assert can_post(patient)
    patient.is_active = False
    assert posting_refusal(patient) == "This account is closed."


def test_an_expired_unsubscribe_link_changes_nothing(client, patient, monkeypatch):
    path = unsubscribe_path(patient)
    later = time.time() + UNSUBSCRIBE_MAX_AGE.total_seconds() + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    response = client.post(path)

    assert response.status_code == 410
    assert "expired" in response.content.decode()
    patient.refresh_from_db()
    assert patient.email_notifications == User.EmailNotifications.EACH


def test_an_unsubscribe_token_is_good_for_nothing_else(client, patient):
    token = unsubscribe_path(patient).rstrip("/").rsplit("/", 1)[1]

    with pytest.raises(signing.BadSignature):
        signing.loads(token)  # another purpose (no salt, or another salt) refuses it
