"""A mail server that refuses connections or never answers: sign-up and password reset
still succeed (the email is sent from a task, with EMAIL_TIMEOUT), a failed send is queued
again with a delay where the queue can wait, and a task left "running" by a killed worker
is put back in the queue and delivers its email once."""

import socket
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.models import Notification, User
from accounts.notifications import notify
from accounts.tasks import retry_delay, send_notification_email
from tests.factories import make_user

pytestmark = pytest.mark.django_db

SMTP = "django.core.mail.backends.smtp.EmailBackend"
PASSWORD = "a-long-pass-phrase-2026"


@pytest.fixture
def refusing_port():
    """A port on which nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_port():
    """A server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


@pytest.fixture(params=["refusing", "silent"])
def broken_mail(request, settings):
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = request.getfixturevalue(f"{request.param}_port")
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 0.5
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SIGNUP_MIN_SECONDS = 0


def test_signup_succeeds_and_says_the_email_may_be_delayed(client, broken_mail):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/accounts/signup/",
            {"username": "newmember", "email": "new@example.com", "password1": PASSWORD,
             "password2": PASSWORD, "accept_terms": "on", "accept_guidelines": "on",
             "confirm_age": "on"},
            follow=True,
        )  # fmt: skip

    assert response.status_code == 200
    assert User.objects.filter(username="newmember").exists()
    assert "may be delayed" in response.content.decode()


def test_password_reset_succeeds_and_says_the_email_may_be_delayed(client, broken_mail):
    make_user(username="patient", email="known@example.com")

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/accounts/password/reset/", {"email": "known@example.com"}, follow=True
        )

    assert response.status_code == 200
    assert "may be delayed" in response.content.decode()


def test_a_failed_notification_email_is_queued_again_later(patient, other_patient, broken_mail,
                                                           settings):  # fmt: skip
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        notification = notify(
            recipient=patient, kind="forum_reply", params={"legacy_text": "A reply"}
        )
    first = DBTaskResult.objects.get()

    with pytest.raises(OSError):
        first.task.call(*first.args_kwargs["args"], **first.args_kwargs["kwargs"])

    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + retry_delay(1) - timedelta(seconds=5)
    notification.refresh_from_db()
    assert notification.emailed_at is None


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its connection
def test_a_task_left_running_by_a_killed_worker_is_picked_up_and_emails_once(patient, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_STALE_AFTER_SECONDS = 60
    notification = notify(recipient=patient, kind="forum_reply", params={"legacy_text": "A reply"})
    # The worker claimed it, then was killed with SIGKILL before finishing.
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=5)
    )

    call_command("requeue_stale_tasks", stdout=StringIO())
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    send_notification_email.call(notification.pk)  # a second run (re-queued twice) skips

    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert [m.to for m in mail.outbox] == [[patient.email]]
    assert Notification.objects.get().emailed_at is not None


def test_a_task_still_within_its_time_is_left_running(patient, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(recipient=patient, kind="forum_reply", params={"legacy_text": "A reply"})
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=timezone.now())

    call_command("requeue_stale_tasks", stdout=StringIO())

    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING
