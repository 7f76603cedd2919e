"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

EDITOR_PERMISSIONS = (
    "heroes.view_hero",
    "heroes.add_hero",
    "heroes.change_hero",
)

# Moderators decide nominations (admin actions) and keep the hero policy.
MODERATOR_PERMISSIONS = (
    "heroes.view_hero",
    "heroes.view_nomination",
    "heroes.view_heropolicy",
    "heroes.change_heropolicy",
)
