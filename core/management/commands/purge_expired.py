from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from core.plugins import app_modules


class Command(BaseCommand):
    help = (
        "Delete what is past its retention period (settings.RETENTION_DAYS): old "
        "notifications, read states, resolved reports and safety flags, logs, expired "
        "sessions. Each app says what in its retention.py. Run daily; safe to re-run."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        deleted: dict[str, int] = {}
        with transaction.atomic():
            for module in app_modules("retention"):
                deleted.update(module.purge(now))
        summary = ", ".join(f"{name}: {count}" for name, count in sorted(deleted.items()))
        self.stdout.write(f"Purged expired records. {summary}")
