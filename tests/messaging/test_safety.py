"""A private message goes through the one safety check: its writer sees the notice, and
moderators are flagged (this message only) on crisis or emergency."""

import uuid

import pytest

from messaging.models import Message
from moderation.models import Report

pytestmark = pytest.mark.django_db


def _send(client, body):
    data = {"to": "other_patient", "body": body, "form_token": uuid.uuid4()}
    return client.post("/messages/new/", data, follow=True)


def test_a_crisis_message_shows_the_crisis_notice_and_flags_only_that_message(
    client, patient, other_patient
):
    client.force_login(patient)

    response = _send(client, "I don't want to be alive anymore")

    assert 'data-safety-level="crisis"' in response.content.decode()
    report = Report.objects.get()
    assert (report.target, report.level) == (Message.objects.get(), "crisis")


def test_an_ordinary_message_is_not_flagged(client, patient, other_patient):
    client.force_login(patient)

    response = _send(client, "How is the knee?")

    assert Message.objects.filter(body="How is the knee?").exists()
    assert "data-safety-level" not in response.content.decode()
    assert not Report.objects.exists()
