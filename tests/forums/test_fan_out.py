"""A reply's cost does not grow with its thread's watchers: the request queues one task
after the commit; the task writes the bell rows in one insert and queues the emails."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Notification
from forums.models import ThreadWatch
from forums.posting import notify_about_post
from tests.factories import make_user
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db

QUEUE_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _thread_watched_by(count: int):
    thread = make_thread(title="Knee brace")
    ThreadWatch.objects.bulk_create(
        ThreadWatch(user=make_user(), thread=thread) for _ in range(count)
    )
    return thread


def _reply_queries(client, patient, thread, django_capture_on_commit_callbacks) -> int:
    client.force_login(patient)
    url = reverse("forums:post_create", args=[thread.pk])
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(url, {"body": "The brace came off today."})
    assert response.status_code == 302
    return len(queries)


def test_a_reply_makes_as_many_queries_for_2_watchers_as_for_50(
    client, patient, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = QUEUE_ONLY
    _reply_queries(client, patient, make_thread(), django_capture_on_commit_callbacks)  # warm-up
    few = _reply_queries(client, patient, _thread_watched_by(2), django_capture_on_commit_callbacks)
    many = _reply_queries(
        client, patient, _thread_watched_by(50), django_capture_on_commit_callbacks
    )

    assert few == many
    assert Notification.objects.count() == 0  # nothing yet: the task has not run


def test_the_task_notifies_every_watcher_with_one_insert(patient, settings):
    settings.TASKS = QUEUE_ONLY
    thread = _thread_watched_by(50)
    post = thread.posts.get()

    with CaptureQueriesContext(connection) as queries:
        notify_about_post.call(post.pk, True)

    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "accounts_notification"')]
    assert len(inserts) == 1
    assert Notification.objects.filter(kind="forum_new_thread").count() == 50
