from django.apps import AppConfig


class HeroesConfig(AppConfig):
    name = "heroes"
    verbose_name = "Heroes"
    editor_permissions = (
        "heroes.view_hero",
        "heroes.add_hero",
        "heroes.change_hero",
    )
    moderator_permissions = (
        "heroes.view_hero",
        "heroes.change_hero",
        "heroes.view_nomination",
        "heroes.change_nomination",
        "heroes.view_heropolicy",
        "heroes.change_heropolicy",
    )

    def ready(self):
        from accounts.data_rights import register_exporter
        from heroes.exports import export_nominations

        register_exporter("hero_nominations", export_nominations)
