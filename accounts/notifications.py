"""Notifications: on the site (the bell) and by email, sent outside the request.

Apps call `notify(...)`; emails go through the Tasks API (`accounts.tasks`), so the same
code runs in-process by default and on a queue's workers in production.
"""

from django.db import transaction
from django.utils import timezone

from accounts.blocking import has_blocked
from accounts.models import Notification, User
from accounts.tasks import send_notification_email


def notify(*, recipient: User, kind: str, message: str, url: str = "", actor=None):
    """Record a notification and, if the member wants each one by email, queue the email."""
    if recipient.deleted_at or not recipient.is_active or recipient == actor:
        return None
    if has_blocked(recipient, actor):
        return None  # the recipient blocked the actor: no mentions, replies or messages
    notification = Notification.objects.create(
        recipient=recipient, actor=actor, kind=kind, message=message[:300], url=url
    )
    if recipient.email_notifications == User.EmailNotifications.EACH and recipient.email:
        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(user, ids=None) -> int:
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
