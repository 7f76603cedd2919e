"""Deciding nominations: approve, reject, mark duplicate. The admin's actions (and any
future view) call these; each decision is one transaction that sets the status and
audit fields, creates or links the hero, notifies the people concerned and writes the
moderation log."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.notifications import notify
from heroes.links import split_honorific
from heroes.models import Hero, Nomination
from moderation.models import ModerationLogEntry
from moderation.services import log_action

Action = ModerationLogEntry.Action


class ReviewError(ValueError):
    """The decision can't be made (already decided, a missing reason…)."""


def approve_nomination(
    *, nomination: Nomination, moderator, hero: Hero | None = None, publish: bool = True
) -> Hero:
    """Approve: link the nominated (or given) hero, or create one from the nomination,
    publish it if asked, and add the nomination's procedure to it."""
    with transaction.atomic():
        nomination = _lock_pending(nomination)
        hero = hero or nomination.hero or _hero_for_new_surgeon(nomination)
        newly_published = publish and not hero.is_published
        if newly_published:
            hero.publish()
        if nomination.procedure_id:
            hero.procedures.add(nomination.procedure_id)
        nomination.hero = hero
        _decide(nomination, Nomination.Status.APPROVED, moderator)
        log_action(actor=moderator, action=Action.APPROVE_NOMINATION, target=nomination,
                   params={"hero": hero.display_name, "published": newly_published})  # fmt: skip
        _tell_nominator(nomination, moderator, _approval(nomination, hero))
        if newly_published and hero.verified_account is not None:
            notify(recipient=hero.verified_account, kind="hero", actor=moderator,
                   url=hero.get_absolute_url())  # fmt: skip
    return hero


def reject_nomination(*, nomination: Nomination, moderator, reason: str) -> Nomination:
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError(_("Give a reason: the nominator will see it."))
    with transaction.atomic():
        nomination = _lock_pending(nomination)
        _decide(nomination, Nomination.Status.REJECTED, moderator, reason=reason)
        log_action(actor=moderator, action=Action.REJECT_NOMINATION, target=nomination,
                   note=reason)  # fmt: skip
        _tell_nominator(
            nomination, moderator,
            {"outcome": "rejected", "name": nomination.nominee_name, "reason": reason},
        )  # fmt: skip
    return nomination


def mark_duplicate(*, nomination: Nomination, moderator, duplicate_of: Nomination) -> Nomination:
    if duplicate_of.pk == nomination.pk:
        raise ReviewError(_("A nomination can't duplicate itself."))
    with transaction.atomic():
        nomination = _lock_pending(nomination)
        nomination.duplicate_of = duplicate_of
        _decide(nomination, Nomination.Status.DUPLICATE, moderator)
        log_action(actor=moderator, action=Action.MARK_NOMINATION_DUPLICATE, target=nomination,
                   params={"duplicate_of": duplicate_of.pk, "duplicate": str(duplicate_of)})  # fmt: skip
        _tell_nominator(
            nomination, moderator, {"outcome": "duplicate", "name": nomination.nominee_name}
        )
    return nomination


def _lock_pending(nomination: Nomination) -> Nomination:
    locked = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("nominator", "hero")
        .get(pk=nomination.pk)
    )
    if not locked.is_pending:
        raise ReviewError(_("Nomination #%(number)s was already decided.") % {"number": locked.pk})
    return locked


def _decide(nomination: Nomination, status: str, moderator, *, reason: str = "") -> None:
    nomination.status = status
    nomination.decided_by = moderator
    nomination.decided_at = timezone.now()
    nomination.decision_reason = reason
    nomination.save(update_fields=["status", "hero", "duplicate_of", "decided_by",
                                   "decided_at", "decision_reason"])  # fmt: skip


def _tell_nominator(nomination: Nomination, moderator, params: dict) -> None:
    notify(recipient=nomination.nominator, kind="nomination", params=params,
           url=_nominations_url(), actor=moderator)  # fmt: skip


def _nominations_url() -> str:
    return reverse("heroes:nomination_list")


def _approval(nomination: Nomination, hero: Hero) -> dict:
    if hero.is_published and nomination.may_publish_story:
        outcome = "approved_with_story"
    elif hero.is_published:
        outcome = "approved"
    else:
        outcome = "approved_awaiting_surgeon"
    return {"outcome": outcome, "name": hero.display_name}


def _hero_for_new_surgeon(nomination: Nomination) -> Hero:
    """The hero with the same (normalised) name, or a new draft made from the nomination."""
    existing = Hero.objects.filter(name_key=nomination.surgeon_key).order_by("pk").first()
    if existing is not None:
        return existing
    honorific, name = split_honorific(nomination.surgeon_name.strip())
    return Hero.objects.create(
        honorific=honorific, name=name, slug=_unique_slug(name),
        specialty=nomination.surgeon_specialty, practice=nomination.surgeon_practice,
        city=nomination.surgeon_city,
        body_part_id=nomination.procedure.body_part_id if nomination.procedure_id else None,
    )  # fmt: skip


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "hero"
    slug, n = base, 1
    while Hero.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
