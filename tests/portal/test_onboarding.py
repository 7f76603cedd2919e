"""Onboarding: confirming the email signs the new member in and opens the welcome page,
whose steps (procedures to watch, surgery date, notifications) each save on their own and
can be skipped; members have a "latest across all forums" page."""

import re

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from accounts.models import User
from forums.models import THREADS_PER_PAGE, ForumWatch, RecoveryRecord
from tests.factories import make_article, make_body_part
from tests.forums.factories import make_forum, make_thread

pytestmark = pytest.mark.django_db

PASSWORD = "a-fresh-long-password-9"
WELCOME = "/welcome/"


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    settings.SIGNUP_MIN_SECONDS = 0


def _signup(client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {"username": "newmember", "email": "new@example.com", "password1": PASSWORD,
             "password2": PASSWORD, "accept_terms": "on", "accept_guidelines": "on",
             "confirm_age": "on"},
        )  # fmt: skip
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body)[1]


def test_confirming_the_email_signs_in_and_opens_the_welcome_page(client):
    confirm_path = _signup(client)

    response = client.post(confirm_path)

    user = User.objects.get(username="newmember")
    assert response.status_code == 302 and response.url == WELCOME
    assert client.session["_auth_user_id"] == str(user.pk)
    page = client.get(WELCOME).content.decode()
    assert "Welcome, newmember" in page
    assert reverse("site_page", args=["guidelines"]) in page
    assert "My recovery" in page  # the header's menu


def test_confirming_in_another_browser_asks_to_sign_in(client):
    confirm_path = _signup(client)
    client.logout()

    response = client.post(confirm_path)

    assert response.status_code == 302 and response.url == reverse("account_login")
    assert "_auth_user_id" not in client.session


@pytest.fixture
def knee():
    part = make_body_part(name="Knee", slug="knee")
    return make_article(title="Knee osteotomy", slug="knee-osteotomy", body_part=part)


def test_choosing_procedures_watches_their_forums(client, patient, knee):
    knee_forum = make_forum(name="Knee surgery", body_part=knee.body_part)
    other_forum = make_forum(name="Hand surgery")
    client.force_login(patient)

    response = client.post(f"{WELCOME}?step=procedures", {"procedures": [knee.pk]})

    assert response.status_code == 302 and response.url.endswith("#step-surgery")
    assert list(ForumWatch.objects.filter(user=patient).values_list("forum", flat=True)) == [
        knee_forum.pk
    ]
    assert not ForumWatch.objects.filter(forum=other_forum).exists()


def test_adding_the_surgery_date_records_it(client, patient, knee):
    client.force_login(patient)

    response = client.post(
        f"{WELCOME}?step=surgery", {"article": knee.pk, "surgery_date": "2026-11-20"}
    )

    assert response.url.endswith("#step-notifications")
    record = RecoveryRecord.objects.get(user=patient)
    assert (record.article, str(record.surgery_date), record.is_public) == (
        knee, "2026-11-20", False,
    )  # fmt: skip


def test_a_bad_surgery_date_is_shown_again_and_nothing_is_saved(client, patient, knee):
    client.force_login(patient)

    response = client.post(f"{WELCOME}?step=surgery", {"article": knee.pk, "surgery_date": "x"})

    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    assert not RecoveryRecord.objects.exists()


def test_notification_preferences_are_saved(client, patient):
    client.force_login(patient)

    response = client.post(
        f"{WELCOME}?step=notifications", {"email_notifications": User.EmailNotifications.DIGEST}
    )

    patient.refresh_from_db()
    assert response.url.endswith("#step-guidelines")
    assert patient.email_notifications == User.EmailNotifications.DIGEST


def test_an_unknown_step_is_404_and_visitors_sign_in_first(client, patient):
    assert client.get(WELCOME).status_code == 302
    client.force_login(patient)
    assert client.post(f"{WELCOME}?step=admin", {}).status_code == 404


def test_every_step_can_be_skipped(client, patient):
    client.force_login(patient)

    page = client.get(WELCOME).content.decode()

    for anchor in ("#step-surgery", "#step-notifications", "#step-guidelines"):
        assert f'href="{anchor}">Skip this step' in page


def test_latest_lists_every_forums_threads_for_members(client, patient, other_patient):
    first = make_thread(forum=make_forum(name="Knee surgery"), title="Brace question")
    second = make_thread(forum=make_forum(name="Hip surgery"), title="Stairs after hip")
    hidden = make_thread(title="Removed thread")
    hidden.hide(by=other_patient, note="spam")
    client.force_login(patient)

    page = client.get(reverse("forums:latest")).content.decode()

    assert page.index(second.title) < page.index(first.title)  # newest activity first
    assert "Knee surgery" in page and "Hip surgery" in page
    assert "Removed thread" not in page


def test_latest_is_for_members_and_paginated(client, patient):
    assert client.get(reverse("forums:latest")).status_code == 302
    forum = make_forum()
    for n in range(THREADS_PER_PAGE + 1):
        make_thread(forum=forum, title=f"Thread number {n}")
    client.force_login(patient)

    second_page = client.get(reverse("forums:latest"), {"page": 2}).content.decode()

    assert "Thread number 0" in second_page
    assert "Thread number 1<" not in second_page
