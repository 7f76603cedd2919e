"""Put back in the queue every task a failure left behind. Run it every few minutes (cron, a
systemd timer):

- database queue: tasks "running" longer than TASKS_STALE_AFTER_SECONDS, whose worker died
  mid-task (django-tasks-db has no recovery of its own);
- RQ queue: jobs whose worker died under them (RQ moves them to its failed registry once
  their heartbeat expires);
- either: tasks kept in the database while the queue was unreachable (core.queueing).

The tasks are idempotent: a notification's email records its delivery and a forum post its
fan-out, so one that was in fact done is skipped when the task runs again."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import queueing


class Command(BaseCommand):
    help = "Re-queue tasks left running by a dead worker, or kept while the queue was down."

    def handle(self, *args, **options):
        since = timezone.now() - timedelta(seconds=settings.TASKS_STALE_AFTER_SECONDS)
        stale = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=since)
            .update(status=TaskResultStatus.READY, started_at=None)
        )
        abandoned = queueing.requeue_abandoned_jobs()
        kept = queueing.flush_pending_tasks(limit=10_000)
        self.stdout.write(
            f"Re-queued {_tasks(stale)} left running, {_tasks(abandoned)} abandoned by a dead "
            f"RQ worker and {_tasks(kept)} kept while the queue was down."
        )


def _tasks(count: int) -> str:
    return f"{count} task{'s' if count != 1 else ''}"
