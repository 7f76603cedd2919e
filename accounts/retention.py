"""Retention of accounts' records (core.expiry; `manage.py purge_expired`)."""

from django.contrib.sessions.models import Session

from accounts.models import Notification, PrivateDataAccess
from core.expiry import cutoff


def purge(now) -> dict[str, int]:
    notifications, _ = Notification.objects.filter(
        created_at__lt=cutoff("notifications", now)
    ).delete()
    accesses, _ = PrivateDataAccess.objects.filter(created_at__lt=cutoff("logs", now)).delete()
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    return {
        "notifications": notifications,
        "private data access log": accesses,
        "expired sessions": sessions,
    }
