"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

# Editors manage videos in the admin (deleting a chapter row is part of editing a
# video's chapters); moderators may look.
EDITOR_PERMISSIONS = (
    "videos.view_video", "videos.add_video", "videos.change_video",
    "videos.view_chapter", "videos.add_chapter", "videos.change_chapter",
    "videos.delete_chapter",
)  # fmt: skip

MODERATOR_PERMISSIONS = ("videos.view_video", "videos.view_chapter")
