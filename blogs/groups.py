"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

# Members' tags (taggit's model): moderators and editors rename, merge and delete them.
TAG_PERMISSIONS = ("taggit.view_tag", "taggit.change_tag", "taggit.delete_tag")


# Moderators read, hide and restore (admin actions); nobody edits members' words. Both
# roles look after the tags (rename, merge, delete).
MODERATOR_PERMISSIONS = (
    "blogs.view_blog",
    "blogs.view_blogpost",
    "blogs.view_comment",
    *TAG_PERMISSIONS,
)

EDITOR_PERMISSIONS = TAG_PERMISSIONS
