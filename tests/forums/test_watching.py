import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from forums.models import ForumWatch, ThreadWatch
from tests.factories import make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db


def test_starting_and_replying_watch_the_thread(patient, other_patient):
    thread = make_thread(author=patient)
    make_post(thread=thread, author=other_patient)

    assert set(ThreadWatch.objects.values_list("user", flat=True)) == {
        patient.pk,
        other_patient.pk,
    }


def test_watchers_get_a_notification_and_an_email_with_unsubscribe_link(patient, other_patient):
    thread = make_thread(author=patient, title="Knee brace")

    post = make_post(thread=thread, author=other_patient)  # notifies after its commit

    notification = patient.notifications.get(kind="forum_reply")
    assert notification.url == post.get_absolute_url()
    assert "replied to “Knee brace”" in notification.message
    assert not other_patient.notifications.exists()
    (email,) = mail.outbox
    assert email.to == [patient.email]
    assert "/unsubscribe/" in email.body
    assert "List-Unsubscribe" in email.extra_headers


def test_digest_members_get_no_immediate_email_but_the_daily_digest(patient, other_patient):
    from accounts.tasks import send_daily_digest

    patient.email_notifications = User.EmailNotifications.DIGEST
    patient.save()
    thread = make_thread(author=patient)

    make_post(thread=thread, author=other_patient)
    assert patient.notifications.count() == 1
    assert mail.outbox == []
    send_daily_digest.call(patient.pk)

    assert len(mail.outbox) == 1 and "/unsubscribe/" in mail.outbox[0].body


def test_members_with_email_off_get_only_the_bell(patient, other_patient):
    patient.email_notifications = User.EmailNotifications.OFF
    patient.save()

    make_post(thread=make_thread(author=patient), author=other_patient)

    assert patient.notifications.count() == 1 and mail.outbox == []


def test_unwatching_stops_notifications(client, patient, other_patient):
    thread = make_thread(author=patient)
    client.force_login(patient)

    response = client.post(reverse("forums:thread_watch", args=[thread.pk]))
    make_post(thread=thread, author=other_patient)

    assert response.status_code == 302
    assert not patient.notifications.exists()


def test_forum_watchers_hear_of_new_threads(client, patient, other_patient):
    forum = make_forum(name="Hip surgery")
    client.force_login(patient)
    client.post(reverse("forums:forum_watch", args=[forum.slug]))

    make_thread(forum=forum, author=other_patient, title="New hip")

    assert ForumWatch.objects.filter(user=patient, forum=forum).exists()
    assert "started “New hip” in Hip surgery" in patient.notifications.get().message


def test_a_mention_and_a_watch_notify_once(patient):
    author = make_user()
    thread = make_thread(author=patient)

    make_post(thread=thread, author=author, body=f"Thanks @{patient.username}!")

    assert patient.notifications.count() == 1


def test_mentions_in_the_notification_bell(client, patient):
    make_post(author=make_user(), body=f"@{patient.username} look")
    client.force_login(patient)

    response = client.get(reverse("forums:forum_index"))

    assert response.context["unread_notifications"] == 1
