"""A member writes privately to another member or a small group."""

import uuid

import pytest
from django.core import mail

from accounts.blocking import block
from accounts.models import Notification
from messaging.models import Conversation, Message
from tests.factories import make_user
from tests.messaging.factories import make_conversation

pytestmark = pytest.mark.django_db


def send_new(client, to, body="Hi, how is your knee?", token=None):
    data = {"to": to, "body": body, "form_token": token or uuid.uuid4()}
    return client.post("/messages/new/", data)


def test_member_sends_a_private_message(client, patient, other_patient):
    client.force_login(patient)

    response = send_new(client, "other_patient")

    message = Message.objects.get()
    assert response.status_code == 302
    assert response.url == f"/messages/{message.conversation_id}/#message-{message.pk}"
    assert message.sender == patient
    assert set(message.conversation.participants.values_list("user__username", flat=True)) == {
        "patient", "other_patient",
    }  # fmt: skip


def test_recipient_gets_a_bell_and_an_email_without_the_text(
    client, patient, other_patient, django_capture_on_commit_callbacks
):
    client.force_login(patient)

    with django_capture_on_commit_callbacks(execute=True):
        send_new(client, "other_patient", body="Something private")

    notification = Notification.objects.get(recipient=other_patient)
    assert notification.kind == "message"
    assert len(mail.outbox) == 1
    assert "Something private" not in mail.outbox[0].body


def test_no_email_when_the_member_turned_emails_off(
    client, patient, other_patient, django_capture_on_commit_callbacks
):
    other_patient.email_notifications = "off"
    other_patient.save()
    client.force_login(patient)

    with django_capture_on_commit_callbacks(execute=True):
        send_new(client, "other_patient")

    assert Notification.objects.filter(recipient=other_patient).count() == 1
    assert mail.outbox == []


def test_a_group_of_up_to_five(client, patient):
    names = [make_user().username for _ in range(5)]
    client.force_login(patient)

    send_new(client, ", ".join(names))

    assert Conversation.objects.get().participants.count() == 6


def test_more_than_five_is_refused(client, patient):
    names = [make_user().username for _ in range(6)]
    client.force_login(patient)

    response = send_new(client, ", ".join(names))

    assert response.status_code == 200
    assert "at most 5" in response.content.decode()
    assert not Message.objects.exists()


@pytest.mark.parametrize("to", ["", "nobody-here", "patient"])
def test_bad_recipients_are_refused(client, patient, to):
    client.force_login(patient)

    response = send_new(client, to)

    assert response.status_code == 200
    assert not Message.objects.exists()


def test_empty_body_is_refused(client, patient, other_patient):
    client.force_login(patient)

    response = send_new(client, "other_patient", body="   ")

    assert response.status_code == 200
    assert not Message.objects.exists()


def test_a_double_submit_sends_one_message(client, patient, other_patient):
    client.force_login(patient)
    token = uuid.uuid4()

    first = send_new(client, "other_patient", token=token)
    second = send_new(client, "other_patient", token=token)

    assert first.url == second.url
    assert Message.objects.count() == 1
    assert Notification.objects.count() == 1


def test_markdown_is_sanitised(client, patient, other_patient):
    client.force_login(patient)

    send_new(client, "other_patient", body="**hi** <script>alert(1)</script>")

    html = Message.objects.get().body_html
    assert "<strong>hi</strong>" in html
    assert "<script" not in html


def test_reply_in_a_conversation(client, patient, other_patient):
    conversation = make_conversation(patient, other_patient)
    client.force_login(other_patient)

    response = client.post(
        f"/messages/{conversation.pk}/", {"body": "Thanks!", "form_token": uuid.uuid4()}
    )

    assert response.status_code == 302
    assert conversation.messages.last().body == "Thanks!"


def test_rate_limit(client, patient, other_patient, settings):
    settings.MESSAGING_RATE_LIMIT = "2/h"
    client.force_login(patient)

    statuses = [send_new(client, "other_patient").status_code for _ in range(3)]

    assert statuses == [302, 302, 200]
    assert Message.objects.count() == 2


def test_a_suspended_member_cannot_send(client, patient, other_patient):
    from tests.factories import days_ago

    patient.suspended_until = days_ago(-3)
    patient.save()
    client.force_login(patient)

    response = send_new(client, "other_patient")

    assert response.status_code == 200
    assert not Message.objects.exists()


def test_visitor_goes_to_login(client):
    assert client.get("/messages/").status_code == 302
    assert client.post("/messages/new/", {}).status_code == 302


def test_profile_offers_a_message_link(client, patient, other_patient):
    client.force_login(patient)

    page = client.get("/members/other_patient/").content.decode()

    assert "/messages/new/?to=other_patient" in page


def test_blocked_member_cannot_write(client, patient, other_patient):
    block(other_patient, patient)
    client.force_login(patient)

    response = send_new(client, "other_patient")

    assert response.status_code == 200
    assert "cannot send messages" in response.content.decode()
    assert not Message.objects.exists()


def test_no_reply_after_a_block(client, patient, other_patient):
    conversation = make_conversation(patient, other_patient)
    block(other_patient, patient)
    client.force_login(patient)

    client.post(f"/messages/{conversation.pk}/", {"body": "Hey?", "form_token": uuid.uuid4()})

    assert conversation.messages.count() == 1


def test_no_reply_once_everyone_else_left(client, patient, other_patient):
    from accounts.data_rights import delete_account

    conversation = make_conversation(patient, other_patient)
    delete_account(other_patient)
    client.force_login(patient)

    response = client.post(
        f"/messages/{conversation.pk}/", {"body": "Anyone?", "form_token": uuid.uuid4()}
    )

    assert response.status_code == 200
    assert "Nobody else" in response.content.decode()
