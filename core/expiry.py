"""Retention periods. Each app's `retention.py` has `purge(now) -> dict[str, int]` (what it
deleted), keeping each kind of record for `settings.RETENTION_DAYS[kind]` days.
`manage.py purge_expired` runs them all, daily."""

from datetime import datetime, timedelta

from django.conf import settings


def cutoff(kind: str, now: datetime) -> datetime:
    return now - timedelta(days=settings.RETENTION_DAYS[kind])
