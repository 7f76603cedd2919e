from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"
    moderator_permissions = (
        "moderation.moderate_content",
        "moderation.view_report",
        "moderation.change_report",
        "moderation.view_moderationlogentry",
        "moderation.view_suspension",
        "moderation.add_suspension",
        "moderation.change_suspension",
    )
