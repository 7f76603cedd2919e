"""Background work, through the Tasks API (django-tasks now, django.tasks on Django 6)."""

from django.utils import timezone
from django_tasks import task

from accounts.emails import send_member_email
from accounts.models import Notification, User


@task()
def send_notification_email(notification_id: int) -> None:
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at or notification.read_at:
        return
    user = notification.recipient
    if user.email_notifications != User.EmailNotifications.EACH or not user.email:
        return
    send_member_email(
        user=user,
        subject=notification.message,
        template="accounts/email/notification.txt",
        context={"notification": notification},
    )
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@task()
def send_daily_digest(user_id: int) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is None or user.email_notifications != User.EmailNotifications.DIGEST:
        return
    pending = list(
        user.notifications.filter(read_at__isnull=True, emailed_at__isnull=True).order_by(
            "created_at"
        )[:50]
    )
    if not pending or not user.email:
        return
    send_member_email(
        user=user,
        subject=f"{len(pending)} new notification{'s' if len(pending) != 1 else ''}",
        template="accounts/email/digest.txt",
        context={"notifications": pending},
    )
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
