"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

EDITOR_PERMISSIONS = (
    "core.view_sitepage",
    "core.add_sitepage",
    "core.change_sitepage",
)
