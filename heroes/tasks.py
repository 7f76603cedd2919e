"""Emails about nominations, sent through the Tasks API outside the request."""

from django.utils.translation import gettext_lazy as _
from django_tasks import task

from accounts.emails import send_member_email
from accounts.tasks import MAIL_ERRORS, retry_or_give_up
from heroes.models import Nomination


@task()
def send_nomination_receipt(nomination_id: int, attempt: int = 1) -> None:
    try:
        _send_receipt(nomination_id)
    except MAIL_ERRORS as error:
        retry_or_give_up(send_nomination_receipt, error, attempt, nomination_id)


def _send_receipt(nomination_id: int) -> None:
    nomination = (
        Nomination.objects.select_related("nominator", "hero").filter(pk=nomination_id).first()
    )
    if nomination is None or not nomination.nominator.email:
        return
    send_member_email(
        user=nomination.nominator,
        subject=_("We received your hero nomination"),
        template="heroes/email/nomination_received.txt",
        context={"nomination": nomination},
    )
