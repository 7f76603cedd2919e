from django.core.management.base import BaseCommand

from accounts.models import User
from accounts.tasks import send_daily_digest
from core import queueing


class Command(BaseCommand):
    help = "Queue the daily digest email for every member who chose it (run once a day)."

    def handle(self, *args, **options):
        ids = (
            User.objects.filter(
                email_notifications=User.EmailNotifications.DIGEST,
                is_active=True,
                notifications__read_at__isnull=True,
                notifications__emailed_at__isnull=True,
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        count = 0
        for user_id in ids:
            queueing.enqueue(send_daily_digest, user_id)
            count += 1
        self.stdout.write(f"Queued {count} digest(s).")
