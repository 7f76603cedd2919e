"""Which named versions (core.versions) hero writes bump: a hero bumps itself, the home
page's featured hero and the heroes section of every article page (editors' writes, rare);
a nomination bumps the hero whose published stories it may join."""

from heroes.models import Hero, Nomination


def hero_names(hero: Hero, **signal) -> list[str]:
    return [f"hero:{hero.pk}", "featured-hero", "article-sections"]


def nomination_names(nomination: Nomination, **signal) -> list[str]:
    return [f"hero:{nomination.hero_id}"] if nomination.hero_id else []


def hero_page_versions(hero: Hero) -> list[str]:
    """What a hero page shows: the hero, its stories and procedures, member names, and the
    verified surgeon's recent forum posts."""
    names = [f"hero:{hero.pk}", "articles", "members"]
    if hero.account_id:
        names.append(f"member-posts:{hero.account_id}")
    return names


BUMPS = {
    Hero: hero_names,
    Hero.procedures.through: lambda instance, **signal: (
        ["article-sections"] + ([f"hero:{instance.pk}"] if isinstance(instance, Hero) else [])
    ),
    Nomination: nomination_names,
}
