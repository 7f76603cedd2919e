"""Nominating a hero: the rules a nomination must pass, and submitting it.

The rules live here once and are used by the form (to explain a refusal) and by the
tests; the daily limit is the one posting limiter's (accounts.limits).
"""

import datetime
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import SurgeonVerification, User
from accounts.permissions import posting_refusal
from core import queueing
from heroes.models import Hero, Nomination
from heroes.tasks import send_nomination_receipt
from moderation.services import flag_for_safety
from safety.checks import classify
from safety.classifier import SafetyResult

REPEAT_WINDOW = datetime.timedelta(days=30)


def nomination_refusal(user) -> str:
    """Why this member may not nominate at all right now, or "" if they may."""
    return posting_refusal(user)


def repeat_refusal(user, *, key: str, hero: Hero | None = None, now=None) -> str:
    """A member may nominate the same surgeon at most once in 30 days."""
    now = now or timezone.now()
    earlier = Nomination.objects.filter(
        nominator=user, created_at__gte=now - REPEAT_WINDOW
    ).for_surgeon(key=key, hero=hero)
    if earlier.exists():
        return _(
            "You nominated this surgeon in the last 30 days. Thank you! You can nominate "
            "them again 30 days after your last nomination."
        )
    return ""


def earlier_submission(user, token) -> Nomination | None:
    """The nomination this very form already created (a double click, a reload)."""
    try:
        token = uuid.UUID(str(token))
    except (TypeError, ValueError):
        return None
    return Nomination.objects.filter(nominator=user, form_token=token).first()


def check_story(nomination: Nomination) -> SafetyResult:
    """A story is member text too: a crisis or emergency in it is flagged for moderators."""
    result = classify(nomination.story)
    if result.needs_notice:
        flag_for_safety(target=nomination, level=result.level, note=result.note())
    return result


def submit_nomination(*, nominator, nomination: Nomination) -> Nomination:
    """Save a new nomination (pending) and send the nominator a receipt by email.

    A double submit returns the nomination the first request created; so does a race
    with another pending nomination of the same surgeon (the database refuses a second).
    """
    nomination.nominator = nominator
    nomination.status = Nomination.Status.PENDING
    try:
        with transaction.atomic():
            nomination.save()
            check_story(nomination)
            transaction.on_commit(lambda: _send_receipt(nomination.pk))
    except IntegrityError:
        existing = earlier_submission(nominator, nomination.form_token)
        existing = (
            existing
            or Nomination.objects.pending()
            .filter(nominator=nominator, surgeon_key=nomination.surgeon_key)
            .first()
        )
        if existing is None:
            raise
        return existing
    return nomination


def _send_receipt(nomination_id: int) -> None:
    queueing.enqueue(send_nomination_receipt, nomination_id)


def deep_link_initial(*, hero_slug: str | None, username: str | None) -> dict:
    """What the "nominate this surgeon" links pre-fill: ?hero=<slug> (a hero page) or
    ?member=<username> (a verified surgeon's post: their hero, else the name and specialty
    shown with their badge)."""
    initial = {}
    heroes = Hero.objects.for_public_display()
    if hero_slug:
        hero = heroes.filter(slug=hero_slug).first()
    elif username:
        member = User.objects.filter(username=username, is_verified_surgeon=True).first()
        hero = heroes.filter(account=member).first() if member else None
        if member is not None and hero is None:
            initial.update(_verified_surgeon_details(member))
    else:
        hero = None
    if hero is not None:
        initial["hero"] = hero.pk
    return initial


def _verified_surgeon_details(member) -> dict:
    verification = SurgeonVerification.objects.filter(
        user=member, status=SurgeonVerification.Status.VERIFIED
    ).first()
    if verification is None:
        return {}
    return {"surgeon_name": verification.full_name, "surgeon_specialty": verification.specialty}
