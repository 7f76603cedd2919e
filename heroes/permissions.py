"""Who may do what with heroes and nominations: the one place each rule lives."""

from core.roles import is_moderator
from heroes.models import Hero, Nomination
from heroes.nominating import nomination_refusal


def can_nominate(user) -> bool:
    return user.is_authenticated and nomination_refusal(user) == ""


def can_see_nominations_of(user, member) -> bool:
    """A member's own list of nominations (on their profile), for them and moderators."""
    return user.is_authenticated and (user == member or is_moderator(user))


def can_hide_hero(user, hero: Hero) -> bool:
    """Hiding a reported hero page unpublishes it (a surgeon's removal request…)."""
    return is_moderator(user) and hero.is_published


def can_restore_hero(user, hero: Hero) -> bool:
    return is_moderator(user) and not hero.is_published


def can_hide_story(user, story: Nomination) -> bool:
    return is_moderator(user) and not story.is_story_hidden


def can_restore_story(user, story: Nomination) -> bool:
    return is_moderator(user) and story.is_story_hidden


def reportable_heroes(user):
    return Hero.objects.published()


def reportable_stories(user):
    """Stories readers can see: published stories on published hero pages."""
    return Nomination.objects.published_stories().filter(hero__status=Hero.Status.PUBLISHED)
