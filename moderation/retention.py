"""Retention of moderation records (core.expiry; `manage.py purge_expired`).
Open reports and flags are never purged, however old."""

from django.db.models import Q

from core.expiry import cutoff
from moderation.models import ModerationLogEntry, Report


def purge(now) -> dict[str, int]:
    before = cutoff("resolved_reports", now)
    closed = Report.objects.exclude(status=Report.Status.OPEN).filter(
        Q(handled_at__lt=before) | Q(handled_at=None, created_at__lt=before)
    )
    reports, _ = closed.delete()
    log, _ = ModerationLogEntry.objects.filter(created_at__lt=cutoff("logs", now)).delete()
    return {"closed reports and safety flags": reports, "moderation log": log}
