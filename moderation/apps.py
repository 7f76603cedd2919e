from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"
    moderator_permissions = (
        "moderation.moderate_content",
        "moderation.view_report",
        "moderation.view_moderationlogentry",
        "moderation.view_suspension",
        "moderation.add_suspension",
    )
