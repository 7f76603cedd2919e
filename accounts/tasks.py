"""Background work, through the Tasks API (django-tasks now, django.tasks on Django 6).

Every email leaves through a task, never inside a request: a slow or refusing mail server
delays an email, it never fails a sign-up or a reply. Sends wait at most EMAIL_TIMEOUT; a
failed send is queued again with a growing delay (where the queue can wait: the database
queue; the immediate in-process backend tries once) and recorded as a failed task, which
admins see under "Task results". A notification's email records its delivery
(`emailed_at`), so a task run twice (a worker killed mid-send, then re-queued by
`requeue_stale_tasks`) sends it once.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext
from django_tasks import task

from accounts.emails import in_language_of, send_member_email
from accounts.models import Notification, User
from core import queueing

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY = timedelta(minutes=1)  # then 4, 16, 64 minutes
MAIL_ERRORS = (OSError, smtplib.SMTPException)  # refused, timed out, rejected


def retry_delay(attempt: int) -> timedelta:
    return FIRST_RETRY * 4 ** (attempt - 1)


def retry_or_give_up(task_, error: Exception, attempt: int, *args, **kwargs) -> None:
    """Queue the next attempt after a delay, then raise, so this attempt shows as failed."""
    backend = task_.get_backend()
    if attempt < MAX_ATTEMPTS and backend.supports_defer:
        later = task_.using(run_after=timezone.now() + retry_delay(attempt))
        queueing.enqueue(later, *args, attempt=attempt + 1, **kwargs)
        logger.warning("%s failed (attempt %s): %s; retrying", task_.name, attempt, error)
    else:
        logger.error("%s failed (attempt %s): %s; giving up", task_.name, attempt, error)
    raise error


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> None:
    try:
        _deliver_notification(notification_id)
    except MAIL_ERRORS as error:
        retry_or_give_up(send_notification_email, error, attempt, notification_id)


def _deliver_notification(notification_id: int) -> None:
    with transaction.atomic():
        # Locked while sending: a second run of the same task (re-queued) skips it.
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient", "actor")
            .filter(pk=notification_id, emailed_at=None, read_at=None)
            .first()
        )
        if notification is None:
            return
        user = notification.recipient
        if user.email_notifications != User.EmailNotifications.EACH or not user.email:
            return
        with in_language_of(user):
            send_member_email(
                user=user,
                subject=notification.message,
                template="accounts/email/notification.txt",
                context={"notification": notification},
            )
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@task()
def send_daily_digest(user_id: int, attempt: int = 1) -> None:
    try:
        _deliver_digest(user_id)
    except MAIL_ERRORS as error:
        retry_or_give_up(send_daily_digest, error, attempt, user_id)


def _deliver_digest(user_id: int) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is None or user.email_notifications != User.EmailNotifications.DIGEST:
        return
    with transaction.atomic():
        pending = list(
            user.notifications.select_for_update(skip_locked=True, of=("self",))
            .select_related("actor")
            .filter(read_at__isnull=True, emailed_at__isnull=True)
            .order_by("created_at")[:50]
        )
        if not pending or not user.email:
            return
        with in_language_of(user):
            send_member_email(
                user=user,
                subject=ngettext(
                    "%(count)d new notification", "%(count)d new notifications", len(pending)
                )
                % {"count": len(pending)},
                template="accounts/email/digest.txt",
                context={"notifications": pending},
            )
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
            emailed_at=timezone.now()
        )


def queue_email(message: EmailMessage) -> None:
    """Send an already rendered email (allauth's confirmations and resets) from a task,
    once the current transaction commits."""
    fields = {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [list(a) for a in getattr(message, "alternatives", [])],
    }
    transaction.on_commit(lambda: queueing.enqueue(send_email, **fields))


@task()
def send_email(*, attempt: int = 1, alternatives: list, content_subtype: str, **fields) -> None:
    message = EmailMultiAlternatives(**fields)
    message.content_subtype = content_subtype
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    try:
        message.send()
    except MAIL_ERRORS as error:
        retry_or_give_up(send_email, error, attempt, alternatives=alternatives,
                          content_subtype=content_subtype, **fields)  # fmt: skip
