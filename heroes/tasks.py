"""Emails about nominations, sent through the Tasks API outside the request."""

from django_tasks import task

from accounts.emails import send_member_email
from heroes.models import Nomination


@task()
def send_nomination_receipt(nomination_id: int) -> None:
    nomination = (
        Nomination.objects.select_related("nominator", "hero").filter(pk=nomination_id).first()
    )
    if nomination is None or not nomination.nominator.email:
        return
    send_member_email(
        user=nomination.nominator,
        subject="We received your hero nomination",
        template="heroes/email/nomination_received.txt",
        context={"nomination": nomination},
    )
