"""How a hero reads as a site-search document.
Only published heroes are indexed, with the text of the hero page itself (saving a hero
re-indexes it; members' stories are left out, so no nomination decision can leave the
index stale)."""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from heroes.models import Hero
from search.indexing import Source


def public_heroes() -> QuerySet:
    return Hero.objects.published().select_related("body_part")


def hero_document(hero: Hero) -> dict:
    parts = [hero.specialty, hero.place, hero.featured_title, strip_tags(hero.bio_html)]
    return {
        "title": hero.display_name,
        "other_names": hero.name,
        "body": " ".join(part for part in parts if part).strip(),
        "url": hero.get_absolute_url(),
        "body_part_slug": hero.body_part.slug if hero.body_part_id else "",
        "visible_from": hero.published_at or timezone.now(),
    }


SOURCES = [
    Source(
        "hero", _("Heroes"), Hero, public_heroes, hero_document, item_label=_("Hero"), position=40
    )
]
