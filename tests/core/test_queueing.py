"""No background task is lost (core.queueing): while the RQ queue (Redis) is down a committed
write keeps its tasks in the database and answers as usual; they are queued again once it
is back; a job whose worker died is put back; and a task run twice does its work once."""

import datetime
import uuid
from io import StringIO

import django_rq
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from redis import Redis
from rq.job_lifecycle import record_job_failure
from rq.registry import FailedJobRegistry

from accounts.models import Notification, User
from accounts.tasks import send_daily_digest
from core import queueing
from core.models import PendingTask
from forums.models import Post, ThreadWatch
from forums.posting import notify_about_post, reply
from tests.factories import make_user
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/6"  # this suite's own Redis database
CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens: every enqueue is refused at once
RQ = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def go_down(settings) -> None:
    settings.TASKS = RQ
    settings.RQ_QUEUES = {"default": {"URL": CLOSED_PORT}}


@pytest.fixture
def queue_down(settings):
    go_down(settings)


@pytest.fixture
def rq_queue(settings):
    settings.TASKS = RQ
    settings.RQ_QUEUES = {"default": {"URL": REDIS}}
    Redis.from_url(REDIS).flushdb()
    yield django_rq.get_queue("default")
    Redis.from_url(REDIS).flushdb()


def _watched_thread():
    watcher = make_user(username="watcher", email_notifications=User.EmailNotifications.EACH)
    thread = make_thread(title="Week two after ACL reconstruction")
    ThreadWatch.objects.create(user=watcher, thread=thread)
    return thread, watcher


def _reply(client, author, thread, on_commit, body="Stairs are easier today."):
    client.force_login(author)
    with on_commit(execute=True):
        return client.post(
            reverse("forums:post_create", args=[thread.pk]),
            {"body": body, "form_token": str(uuid.uuid4())},
        )


def test_a_reply_written_while_the_queue_is_down_is_saved_and_its_fan_out_kept(
    client, patient, settings, django_capture_on_commit_callbacks
):
    thread, _watcher = _watched_thread()
    go_down(settings)

    response = _reply(client, patient, thread, django_capture_on_commit_callbacks)

    assert response.status_code == 302  # not a 500 for a reply that committed
    post = Post.objects.get(thread=thread, author=patient)
    kept = PendingTask.objects.get()
    assert kept.task_path == "forums.posting.notify_about_post"
    assert kept.args == [post.pk, False]
    assert "ConnectionError" in kept.error


def test_kept_tasks_run_once_the_queue_is_back(
    client, patient, settings, django_capture_on_commit_callbacks
):
    thread, watcher = _watched_thread()
    go_down(settings)
    _reply(client, patient, thread, django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(recipient=watcher).exists()

    settings.TASKS = IMMEDIATE  # the queue is back
    with django_capture_on_commit_callbacks(execute=True):
        moved = queueing.flush_pending_tasks()

    assert moved == 1 and not PendingTask.objects.exists()
    assert Notification.objects.filter(recipient=watcher, kind="forum_reply").count() == 1
    assert [m.to for m in mail.outbox].count([watcher.email]) == 1
    assert queueing.flush_pending_tasks() == 0  # nothing is queued twice


def test_a_flush_while_the_queue_is_still_down_keeps_every_task(queue_down, caplog):
    queueing.enqueue(send_daily_digest, 1)
    queueing.enqueue(send_daily_digest, 2)

    assert queueing.flush_pending_tasks() == 0

    assert [row.args for row in PendingTask.objects.all()] == [[1], [2]]
    assert "still down" in caplog.text


def test_a_delayed_task_keeps_its_time(queue_down, settings):
    later = timezone.now() + datetime.timedelta(minutes=4)
    queueing.enqueue(send_daily_digest.using(run_after=later), 7, attempt=2)

    row = PendingTask.objects.get()
    assert row.run_after == later and row.kwargs == {"attempt": 2}

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queueing.flush_pending_tasks()
    queued = send_daily_digest.get_backend().results
    assert [(r.args, r.kwargs, r.task.run_after) for r in queued] == [([7], {"attempt": 2}, later)]


def test_the_first_task_queued_after_an_outage_starts_a_flush(rq_queue):
    PendingTask.objects.create(task_path="accounts.tasks.send_daily_digest", args=[1])

    queueing.enqueue(send_daily_digest, 2)
    queueing.enqueue(send_daily_digest, 3)  # a second one within seconds: no second flush

    functions = [job.func_name for job in rq_queue.get_jobs()]
    assert functions == [
        "accounts.tasks.send_daily_digest",
        "core.queueing.flush_pending",
        "accounts.tasks.send_daily_digest",
    ]


def test_no_flush_is_queued_when_nothing_was_kept(rq_queue):
    queueing.enqueue(send_daily_digest, 2)

    assert [job.func_name for job in rq_queue.get_jobs()] == ["accounts.tasks.send_daily_digest"]


def test_a_job_whose_worker_died_is_queued_again_and_a_failed_one_is_not(rq_queue):
    abandoned = queueing.enqueue(send_daily_digest, 1)
    horse_killed = queueing.enqueue(send_daily_digest, 2)
    crashed = queueing.enqueue(send_daily_digest, 3)
    for result, why in [
        (abandoned, "Moved to FailedJobRegistry, due to AbandonedJobError, at now"),
        (horse_killed, "Work-horse terminated unexpectedly; waitpid returned 9 (signal 9); "),
        (crashed, "Traceback: ValueError: bad data"),
    ]:
        job = rq_queue.fetch_job(result.id)
        rq_queue.remove(job)
        with rq_queue.connection.pipeline() as pipeline:
            record_job_failure(job, why, pipeline)
            pipeline.execute()

    assert queueing.requeue_abandoned_jobs() == 2

    assert sorted(rq_queue.get_job_ids()) == sorted([abandoned.id, horse_killed.id])
    assert FailedJobRegistry(queue=rq_queue).get_job_ids() == [crashed.id]


def test_a_job_whose_worker_died_before_starting_it_is_queued_again(rq_queue):
    taken = queueing.enqueue(send_daily_digest, 1)
    waiting = queueing.enqueue(send_daily_digest, 2)
    job = rq_queue.fetch_job(taken.id)
    rq_queue.remove(job)  # taken by a worker that died before marking it started
    registry = rq_queue.started_job_registry
    rq_queue.connection.zadd(registry.key, {f"{job.id}:dead-execution": 1})  # long expired

    assert queueing.requeue_abandoned_jobs() == 1

    assert rq_queue.get_job_ids() == [waiting.id, taken.id]
    assert registry.get_job_ids() == []


@pytest.mark.absence_only("other backends have no registry of abandoned jobs to read")
def test_abandoned_jobs_are_only_an_rq_matter(settings):
    settings.TASKS = IMMEDIATE

    assert queueing.requeue_abandoned_jobs() == 0


def test_a_fan_out_run_twice_notifies_each_watcher_once(patient, settings):
    thread, watcher = _watched_thread()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    post = reply(thread=thread, author=patient, body="Stairs are easier today.")
    assert post.notified_at is None  # its fan-out is queued, not run

    notify_about_post.call(post.pk, False)
    notify_about_post.call(post.pk, False)  # its job re-queued after a worker died

    assert Notification.objects.filter(recipient=watcher, kind="forum_reply").count() == 1
    assert Post.objects.get(pk=post.pk).notified_at is not None


def test_a_fan_out_killed_before_queueing_its_emails_queues_them_when_run_again(
    patient, settings, django_capture_on_commit_callbacks
):
    thread, watcher = _watched_thread()
    post = reply(thread=thread, author=patient, body="Stairs are easier today.")
    notify_about_post.call(post.pk, False)  # committed; its worker died before the emails
    assert mail.outbox == []

    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        notify_about_post.call(post.pk, False)  # its job re-queued
    with django_capture_on_commit_callbacks(execute=True):
        notify_about_post.call(post.pk, False)  # and once more: the email is not repeated

    notified = Notification.objects.filter(kind="forum_reply")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(n.recipient.email for n in notified)
    assert [m.to for m in mail.outbox].count([watcher.email]) == 1


def test_the_cron_command_moves_kept_tasks(queue_down, settings, patient):
    queueing.enqueue(send_daily_digest, patient.pk)
    settings.TASKS = IMMEDIATE

    out = call_command_output("requeue_stale_tasks")

    assert "1 task kept while the queue was down" in out
    assert not PendingTask.objects.exists()


def test_healthz_is_degraded_while_tasks_wait(client, queue_down):
    assert client.get("/healthz").json()["status"] == "ok"  # positive control
    queueing.enqueue(send_daily_digest, 1)

    health = client.get("/healthz")

    assert health.status_code == 200
    assert health.json()["status"] == "degraded" and health.json()["tasks_waiting"] == 1


def call_command_output(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
