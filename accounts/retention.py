"""Retention of accounts' records (core.expiry; `manage.py purge_expired`)."""

from django.contrib.sessions.models import Session
from django.db import transaction

from accounts.models import Notification, PrivateDataAccess, User
from accounts.notifications import recount
from core.expiry import cutoff


def purge(now) -> dict[str, int]:
    expired = Notification.objects.filter(created_at__lt=cutoff("notifications", now))
    unread_by = set(expired.filter(read_at__isnull=True).values_list("recipient_id", flat=True))
    with transaction.atomic():
        notifications, _ = expired.delete()
        recount(User.objects.filter(pk__in=unread_by))
    accesses, _ = PrivateDataAccess.objects.filter(created_at__lt=cutoff("logs", now)).delete()
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    return {
        "notifications": notifications,
        "private data access log": accesses,
        "expired sessions": sessions,
    }
