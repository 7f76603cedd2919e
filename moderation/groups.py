"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

MODERATOR_PERMISSIONS = (
    "moderation.moderate_content",
    "moderation.view_report",
    "moderation.view_moderationlogentry",
    "moderation.view_suspension",
    "moderation.add_suspension",
)
