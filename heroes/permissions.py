"""Who may do what with heroes and nominations: the one place each rule lives."""

from core.roles import is_moderator, is_staff_member
from heroes.models import Hero, Nomination
from heroes.nominating import nomination_refusal


def can_view_hero(user, hero: Hero) -> bool:
    return hero.is_published or is_staff_member(user)


def can_nominate(user) -> bool:
    return user.is_authenticated and nomination_refusal(user) == ""


def can_view_nomination(user, nomination: Nomination) -> bool:
    """Pre-moderated: only the nominator and moderators, whatever the status."""
    return user.is_authenticated and (user == nomination.nominator or is_moderator(user))


def can_review_nominations(user) -> bool:
    return is_moderator(user)


def can_see_nominations_of(user, member) -> bool:
    """A member's own list of nominations (on their profile), for them and moderators."""
    return user.is_authenticated and (user == member or is_moderator(user))
