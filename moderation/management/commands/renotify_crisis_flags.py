"""Alert the moderators again about crisis flags nobody has acknowledged.

Run it every minute (cron, a systemd timer or the platform's scheduler):
    * * * * * cd /srv/portal && .venv/bin/python manage.py renotify_crisis_flags
A flag is alerted again once MODERATION_CRISIS_RENOTIFY_MINUTES (15) have passed since
its last alert, until a moderator acknowledges it.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from core import queueing
from moderation import services, tasks


class Command(BaseCommand):
    help = "Alert the moderators again about unacknowledged crisis flags."

    def handle(self, *args, **options):
        minutes = settings.MODERATION_CRISIS_RENOTIFY_MINUTES
        flags = services.unacknowledged_crisis_flags(older_than=datetime.timedelta(minutes=minutes))
        ids = list(flags.values_list("pk", flat=True))
        for report_id in ids:
            queueing.enqueue(tasks.alert_moderators, report_id)
        self.stdout.write(f"{len(ids)} crisis flag(s) alerted again.")
