"""New members (accounts.limits.is_new_member) can answer messages but not start a
conversation; the rule is messaging.permissions.start_conversation_refusal."""

import uuid

import pytest
from django.urls import reverse

from messaging.models import Conversation, Message
from messaging.permissions import can_start_conversation
from tests.factories import days_ago, make_user
from tests.messaging.factories import make_conversation

pytestmark = [pytest.mark.django_db, pytest.mark.new_member_rules]


def established(**fields):
    return make_user(date_joined=days_ago(60), post_count=40, **fields)


def _send_new(client, to):
    data = {"to": to, "body": "Hello, how is the knee?", "form_token": uuid.uuid4()}
    return client.post(reverse("messaging:new"), data)


def test_a_new_member_cannot_start_a_conversation_and_is_told_why(client, patient, other_patient):
    client.force_login(patient)

    page = client.get(reverse("messaging:new")).content.decode()
    response = _send_new(client, "other_patient")

    assert not can_start_conversation(patient)
    assert "New members can answer the messages they receive" in page
    assert "New members can answer" in response.content.decode()
    assert not Conversation.objects.exists()


def test_an_established_member_can_start_one(client, other_patient):
    member = established()
    client.force_login(member)

    response = _send_new(client, "other_patient")

    assert can_start_conversation(member)
    assert response.status_code == 302
    assert Conversation.objects.count() == 1


def test_a_new_member_can_reply_to_a_message_they_received(client, patient):
    conversation = make_conversation(established(), patient)
    client.force_login(patient)

    url = reverse("messaging:conversation", args=[conversation.pk])
    response = client.post(url, {"body": "Thank you!", "form_token": uuid.uuid4()})

    assert response.status_code == 302
    assert Message.objects.filter(sender=patient, body="Thank you!").exists()


def test_the_profile_button_explains_instead_of_offering_a_message(client, patient):
    member = established(username="runagain")
    client.force_login(patient)

    page = client.get(member.get_absolute_url()).content.decode()
    client.force_login(established())
    other_view = client.get(member.get_absolute_url()).content.decode()

    assert "Why can't I message runagain yet?" in page
    assert "Send a private message" in other_view
