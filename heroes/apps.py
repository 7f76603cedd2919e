from django.apps import AppConfig


class HeroesConfig(AppConfig):
    name = "heroes"
    verbose_name = "Heroes"
    editor_permissions = (
        "heroes.view_hero",
        "heroes.add_hero",
        "heroes.change_hero",
    )
    # Moderators decide nominations (admin actions) and keep the hero policy.
    moderator_permissions = (
        "heroes.view_hero",
        "heroes.view_nomination",
        "heroes.view_heropolicy",
        "heroes.change_heropolicy",
    )
