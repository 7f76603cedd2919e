"""Heroes on other apps' pages: the home sidebar, article pages and member profiles.
Each tag runs its own fixed number of queries and renders its own partial."""

from django import template

from heroes.models import Hero, Nomination
from heroes.permissions import can_see_nominations_of

register = template.Library()


@register.inclusion_tag("heroes/includes/featured_hero.html")
def featured_hero():
    """The home page's Heroes section, in the seed's style."""
    return {"hero": Hero.objects.for_public_display().first()}


@register.inclusion_tag("heroes/includes/article_heroes.html")
def heroes_for_article(article, limit=3):
    heroes = list(Hero.objects.for_article(article)[:limit]) if article else []
    return {"heroes": heroes, "article": article}


@register.inclusion_tag("heroes/includes/member_heroes.html", takes_context=True)
def member_hero_activity(context, member):
    """On a profile: the hero page of a surgeon's account, and (for the member themself
    and moderators) a link to their nominations."""
    user = context.get("user")
    show_nominations = user is not None and can_see_nominations_of(user, member)
    nominations = Nomination.objects.filter(nominator=member).count() if show_nominations else 0
    return {
        "heroes": list(Hero.objects.published().filter(account=member)[:3]),
        "nomination_count": nominations,
        "show_nominations": show_nominations and user == member,
    }
