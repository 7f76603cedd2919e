"""Conversations are read by their participants only; moderators see a reported message."""

import pytest
from django.contrib import admin

from accounts.models import PrivateDataAccess
from messaging.models import Conversation, Message, Participant
from moderation.models import Report
from tests.factories import make_user
from tests.messaging.factories import make_conversation

pytestmark = pytest.mark.django_db


def test_inbox_shows_unread_counts_and_header_badge(client, patient, other_patient):
    make_conversation(patient, other_patient, body="One")
    client.force_login(other_patient)

    page = client.get("/messages/").content.decode()

    assert "With patient" in page
    assert '1<span class="visually-hidden"> unread</span>' in page


def test_opening_a_conversation_marks_it_read(client, patient, other_patient):
    conversation = make_conversation(patient, other_patient)
    client.force_login(other_patient)

    response = client.get(f"/messages/{conversation.pk}/")

    assert "Hello there" in response.content.decode()
    assert not Participant.objects.filter(user=other_patient).unread().exists()


def test_inbox_query_count_does_not_grow(client, patient, django_assert_max_num_queries):
    for _ in range(5):
        make_conversation(make_user(), patient)
    client.force_login(patient)

    with django_assert_max_num_queries(12):
        client.get("/messages/")


@pytest.mark.parametrize("persona", ["other_patient", "moderator", "editor"])
def test_outsiders_get_404_on_a_conversation(client, patient, persona, request):
    conversation = make_conversation(patient, make_user())
    client.force_login(patient)
    assert client.get(f"/messages/{conversation.pk}/").status_code == 200
    client.force_login(request.getfixturevalue(persona))

    assert client.get(f"/messages/{conversation.pk}/").status_code == 404
    assert client.post(f"/messages/{conversation.pk}/", {"body": "x"}).status_code == 404


@pytest.mark.absence_only("the reported case is test_reporting_sends_only_that_message")
def test_moderator_cannot_open_an_unreported_message(client, patient, other_patient, moderator):
    message = make_conversation(patient, other_patient).messages.get()
    client.force_login(moderator)

    assert client.get(f"/messages/message/{message.pk}/").status_code == 404


def test_the_admin_has_no_message_models():
    assert admin.site.is_registered(Report)
    for model in (Conversation, Participant, Message):
        assert not admin.site.is_registered(model)


def test_reporting_sends_only_that_message(client, patient, other_patient):
    conversation = make_conversation(patient, other_patient, body="First")
    bad = conversation.messages.create(sender=patient, body="Something nasty")
    client.force_login(other_patient)

    response = client.post(f"/messages/message/{bad.pk}/report/", {"note": "rude"})

    assert response.status_code == 302
    report = Report.objects.get()
    assert report.target == bad
    assert report.reporter == other_patient
    assert "Something nasty" in str(report.target)


@pytest.mark.absence_only("the recipient's report is test_reporting_sends_only_that_message")
def test_one_cannot_report_ones_own_or_others_messages(client, patient, other_patient):
    message = make_conversation(patient, other_patient).messages.get()
    client.force_login(patient)
    assert client.post(f"/messages/message/{message.pk}/report/").status_code == 404
    client.force_login(make_user())
    assert client.post(f"/messages/message/{message.pk}/report/").status_code == 404


def test_moderator_reads_a_reported_message_and_it_is_logged(
    client, patient, other_patient, moderator
):
    conversation = make_conversation(patient, other_patient, body="First")
    bad = conversation.messages.create(sender=patient, body="Something nasty")
    client.force_login(other_patient)
    client.post(f"/messages/message/{bad.pk}/report/", {"note": ""})
    client.force_login(moderator)

    page = client.get(f"/messages/message/{bad.pk}/").content.decode()

    assert "Something nasty" in page
    assert "First" not in page
    assert PrivateDataAccess.objects.get().viewer == moderator
    assert client.get(f"/messages/{conversation.pk}/").status_code == 404


def test_participant_follows_a_message_link_into_the_conversation(client, patient, other_patient):
    message = make_conversation(patient, other_patient).messages.get()
    client.force_login(other_patient)

    response = client.get(f"/messages/message/{message.pk}/")

    assert response.url == f"/messages/{message.conversation_id}/#message-{message.pk}"
