"""Notifications: on the site (the bell) and by email, sent outside the request.

Apps call `notify(...)`; emails go through the Tasks API (`accounts.tasks`), so the same
code runs in-process by default and on a queue's workers in production.

A notification stores a kind and its parameters (a title, a forum's name, an outcome), not a
sentence: `render` writes the sentence in the active language, so the bell's page, the
export and the emails (rendered under the recipient's language) speak the reader's language.
The acting member's name comes from `actor` when it is read, so an account deleted since
shows as "deleted member". Rows written before this (migration 0007) keep their English
sentence in `params["legacy_text"]` and render it as stored.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from accounts.blocking import has_blocked
from accounts.models import Notification, User
from accounts.notification_text import (  # noqa: F401 (the registry, for callers' use)
    LEGACY_TEXT,
    SENTENCES,
    render,
)
from accounts.tasks import send_notification_email
from core import queueing
from core.languages import localized_url

MAX_PARAM_LENGTH = 300


def _stored(params: dict | None) -> dict:
    return {
        key: value[:MAX_PARAM_LENGTH] if isinstance(value, str) else value
        for key, value in (params or {}).items()
    }


def notify(*, recipient: User, kind: str, params: dict | None = None, url: str = "", actor=None):
    """Record a notification and, if the member wants each one by email, queue the email."""
    notifications = notify_many(recipients=[recipient], kind=kind, params=params, url=url,
                                actor=actor)  # fmt: skip
    return notifications[0] if notifications else None


def notify_many(*, recipients, kind: str, params: dict | None = None, url: str = "",
                actor=None) -> list:  # fmt: skip
    """The same notification for many members in one insert; the emails (for members who
    want each one) are queued once the transaction commits, one task each."""
    members = [
        member for member in recipients
        if not member.deleted_at and member.is_active and member != actor
        and not has_blocked(member, actor)  # no mentions, replies or messages from them
    ]  # fmt: skip
    params = _stored(params)
    url = localized_url(url, settings.LANGUAGE_CODE)  # whatever the actor's language
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            Notification(recipient=member, actor=actor, kind=kind, params=params, url=url)
            for member in members
        )
        _count_new([member.pk for member in members])
    emailed = [
        notification.pk for notification, member in zip(notifications, members, strict=True)
        if member.email_notifications == User.EmailNotifications.EACH and member.email
    ]  # fmt: skip
    if emailed:
        transaction.on_commit(lambda: _enqueue_emails(emailed))
    return notifications


def queue_unsent_emails(*, url: str, created_from, created_to) -> None:
    """Queue again the emails of the notifications about `url` created in that span that
    were never sent: for a background task run again after its worker died between
    writing the notifications and queueing their emails. The email task itself skips a
    member who wants no email each time, and one already sent."""
    unsent = Notification.objects.filter(
        created_at__range=(created_from, created_to),
        url=localized_url(url, settings.LANGUAGE_CODE),
        emailed_at=None,
        read_at=None,
    )
    ids = list(unsent.values_list("pk", flat=True))
    if ids:
        transaction.on_commit(lambda: _enqueue_emails(ids))


def _enqueue_emails(notification_ids: list[int]) -> None:
    for notification_id in notification_ids:
        queueing.enqueue(send_notification_email, notification_id)


def add(*, recipient: User, **fields) -> Notification:
    """One notification, as it is (no email, no block check): for staff alerts."""
    with transaction.atomic():
        notification = Notification.objects.create(recipient=recipient, **fields)
        _count_new([recipient.pk])
    return notification


# The unread count is stored on the member (the bell on every page costs no query) and moves
# in the transaction that adds or reads notifications: one UPDATE for all the recipients.


def _count_new(recipient_ids: list[int]) -> None:
    if recipient_ids:
        User.objects.filter(pk__in=recipient_ids).update(
            unread_notifications=F("unread_notifications") + 1
        )


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return user.unread_notifications


def mark_read(user, ids=None) -> int:
    with transaction.atomic():
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
        if ids is not None:
            unread = unread.filter(pk__in=ids)
        read = unread.update(read_at=timezone.now())
        if read:
            User.objects.filter(pk=user.pk).update(
                unread_notifications=Greatest(F("unread_notifications") - read, Value(0))
            )
            user.unread_notifications = max(0, user.unread_notifications - read)
    return read


def recount(users) -> int:
    """Count the unread notifications of these members again (after deleting some)."""
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return users.update(unread_notifications=Coalesce(Subquery(unread), Value(0)))
