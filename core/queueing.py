"""The one way to queue background work (django-tasks' Tasks API), so that no task a
committed write asked for is lost, whichever backend runs the queue:

- `enqueue(task, ...)`: when the queue itself is down (TASKS_BACKEND=rq while Redis is
  unreachable), the task is kept in the database (`PendingTask`) instead of failing the
  request whose write already committed.
- `flush_pending_tasks()`: queues the kept tasks again, each exactly once into the queue.
  The next task queued after an outage starts it in the background (`flush_pending`);
  `manage.py requeue_stale_tasks` (cron) does it too, for a site that writes nothing.
- `requeue_abandoned_jobs()`: with RQ, a job whose worker was killed mid-run is moved to
  the failed registry once its heartbeat expires, and one whose work horse was killed is
  failed by its worker at once; either is put back in the queue. The tasks
  are idempotent (an email records its delivery, a fan-out its completion), so delivery
  is at least once and a repeat is skipped.
"""

import contextlib
import logging

import django_rq
from django.core.cache import cache
from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks import task, task_backends
from django_tasks_rq import Job as RQJob
from django_tasks_rq import RQBackend
from redis.exceptions import RedisError
from rq.registry import FailedJobRegistry, StartedJobRegistry

from core.models import PendingTask

logger = logging.getLogger(__name__)

FLUSH_BATCH = 200
FLUSH_STARTED_KEY = "queueing:flush-started"
FLUSH_DEDUPE_SECONDS = 10  # one flush task per this many seconds, whoever asks


def enqueue(task_, *args, **kwargs):
    """Queue the task, or keep it in the database while the queue is unreachable.
    Returns the TaskResult, or None when it was kept."""
    try:
        result = task_.enqueue(*args, **kwargs)
    except RedisError as error:
        keep(task_, args, kwargs, error)
        return None
    _flush_soon_if_any_kept(task_)
    return result


def keep(task_, args, kwargs, error: Exception) -> None:
    PendingTask.objects.create(
        task_path=task_.module_path, args=list(args), kwargs=kwargs,
        run_after=task_.run_after, error=f"{type(error).__name__}: {error}"[:2000],
    )  # fmt: skip
    logger.warning("%s kept in the database, the queue is down: %s", task_.module_path, error)


def _flush_soon_if_any_kept(task_) -> None:
    # Only a queue outside the database can refuse; then one EXISTS on a table that is
    # empty but for an outage.
    if not isinstance(task_.get_backend(), RQBackend) or not PendingTask.objects.exists():
        return
    if cache.add(FLUSH_STARTED_KEY, 1, FLUSH_DEDUPE_SECONDS):
        with contextlib.suppress(RedisError):  # down again: the next enqueue or the cron
            flush_pending.enqueue()


def flush_pending_tasks(limit: int = FLUSH_BATCH) -> int:
    """Queue the kept tasks again, oldest first; stops at the first refusal (the queue is
    still down). Concurrent flushes skip each other's rows, so each is queued once."""
    queued = 0
    while queued < limit:
        with transaction.atomic():
            row = PendingTask.objects.select_for_update(skip_locked=True).order_by("pk").first()
            if row is None:
                break
            try:
                _task_of(row).enqueue(*row.args, **row.kwargs)
            except RedisError as error:
                logger.warning("The queue is still down (%s); %s waits", error, row.task_path)
                break
            row.delete()
        queued += 1
    return queued


def _task_of(row: PendingTask):
    task_ = import_string(row.task_path)
    return task_.using(run_after=row.run_after) if row.run_after else task_


@task()
def flush_pending() -> None:
    flush_pending_tasks()


def requeue_abandoned_jobs() -> int:
    """RQ only: put back in the queue the jobs whose worker died under them. Their
    heartbeat must have expired first (about 90 s after the kill), so a job that is only
    slow is never run twice at once."""
    if not isinstance(task_backends["default"], RQBackend):
        return 0
    queue = django_rq.get_queue("default", job_class=RQJob)
    try:
        started = StartedJobRegistry(queue=queue)
        expired = started.get_expired_job_ids()
        started.cleanup()  # expired heartbeats → the failed registry
        failed = FailedJobRegistry(queue=queue)
        jobs = queue.job_class.fetch_many(failed.get_job_ids(), connection=queue.connection)
        abandoned = [job for job in jobs if job is not None and _was_abandoned(job)]
        for job in abandoned:
            failed.requeue(job)
        unstarted = _never_started(queue, expired)
        for job in unstarted:
            queue.enqueue_job(job)
    except RedisError as error:
        logger.warning("The queue is down (%s): abandoned jobs wait for the next run", error)
        return 0
    return len(abandoned) + len(unstarted)


def _never_started(queue, expired_ids) -> list:
    """A worker killed between taking a job and marking it started leaves it "queued" in no
    list at all: RQ's cleanup drops it from the started registry without failing it."""
    waiting = set(queue.get_job_ids())
    jobs = queue.job_class.fetch_many(expired_ids, connection=queue.connection)
    return [
        job for job in jobs
        if job is not None and job.get_status() == "queued" and job.id not in waiting
    ]  # fmt: skip


# Why RQ failed a job whose process died under it: the whole worker (its heartbeat expired),
# or the work horse alone (the out-of-memory killer), seen by its worker.
ABANDONED = ("AbandonedJobError", "Work-horse terminated unexpectedly")


def _was_abandoned(job) -> bool:
    result = job.latest_result()
    return result is not None and any(why in (result.exc_string or "") for why in ABANDONED)
