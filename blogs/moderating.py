"""Blog posts and comments in the one moderation mechanism (read by moderation.registry)."""

from blogs import permissions
from blogs.models import BlogPost, Comment

MODERATED = {
    BlogPost: {"can_hide": permissions.can_hide_post, "can_restore": permissions.can_restore_post},
    Comment: {
        "can_hide": permissions.can_hide_comment,
        "can_restore": permissions.can_restore_comment,
    },
}
