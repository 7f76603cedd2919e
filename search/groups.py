"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

EDITOR_PERMISSIONS = (
    "search.view_searchsynonym",
    "search.add_searchsynonym",
    "search.change_searchsynonym",
    "search.delete_searchsynonym",
)
