"""Put back in the queue every task "running" longer than TASKS_STALE_AFTER_SECONDS: its
worker died mid-task (django-tasks-db has no recovery of its own). Run it every few
minutes (cron, a systemd timer). The tasks are idempotent: a notification's email records
its delivery, so one that was in fact sent is skipped when the task runs again."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Re-queue database tasks left running by a worker that died."

    def handle(self, *args, **options):
        since = timezone.now() - timedelta(seconds=settings.TASKS_STALE_AFTER_SECONDS)
        count = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=since)
            .update(status=TaskResultStatus.READY, started_at=None)
        )
        self.stdout.write(f"Re-queued {count} stale task{'s' if count != 1 else ''}.")
