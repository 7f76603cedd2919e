"""Safety alerts, through the Tasks API: every on-duty moderator (all moderators when none
is on duty) gets a bell notification and an email at once."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from accounts import notifications
from accounts.emails import in_language_of
from accounts.models import User
from core.site import site_name
from moderation.models import OnDuty, Report


def moderators():
    """Active accounts holding the moderation permission (directly, by group, or superuser)."""
    permission = Permission.objects.filter(
        codename="moderate_content", content_type__app_label="moderation"
    ).first()
    holds = Q(is_superuser=True)
    if permission is not None:
        holds |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    return User.objects.filter(holds, is_active=True, deleted_at=None).distinct()


def alert_recipients():
    on_duty = moderators().filter(pk__in=OnDuty.objects.values("moderator"))
    return on_duty if on_duty.exists() else moderators()


@task()
def alert_moderators(report_id: int) -> None:
    report = Report.objects.filter(pk=report_id, status=Report.Status.OPEN).first()
    if report is None:
        return
    url = reverse("admin:moderation_report_change", args=[report.pk])
    for moderator in alert_recipients():
        notifications.add(
            recipient=moderator, kind="safety_flag", params={"level": report.level}, url=url
        )
        if moderator.email:
            _email_alert(moderator, report, url)
    Report.objects.filter(pk=report.pk).update(alerted_at=timezone.now())


def _email_alert(moderator: User, report: Report, url: str) -> None:
    """The alert in the moderator's own language."""
    with in_language_of(moderator):
        level = report.get_level_display()
        subject = _("[%(site)s] %(level)s flag") % {"site": site_name(), "level": level}
        body = "\n\n".join(
            [
                _("%(level)s: a member may need help now. Open the flag.") % {"level": level},
                f"{settings.SITE_URL}{url}",
                _("You get this because you moderate the %(site)s community.")
                % {"site": site_name()},
            ]
        )
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[moderator.email])
