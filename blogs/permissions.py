"""Who may do what with blogs, posts and comments: the one place these rules live.

Views, templates (through the view's context) and the admin all call these predicates.
Authors edit and delete their own posts and comments; moderators hide and restore, they
never edit. A suspended member keeps reading but cannot write.
"""

from accounts.permissions import can_post
from core.roles import is_moderator


def _is_author(user, obj) -> bool:
    return user.is_authenticated and obj.author_id == user.pk


def can_edit_post(user, post) -> bool:
    """The author, while the post is neither hidden by a moderator nor deleted."""
    return _is_author(user, post) and post.is_visible and can_post(user)


def can_delete_post(user, post) -> bool:
    return _is_author(user, post) and not post.is_deleted


def can_hide_post(user, post) -> bool:
    return is_moderator(user) and post.is_visible


def can_restore_post(user, post) -> bool:
    """Only what a moderator hid: what its author deleted stays deleted."""
    return is_moderator(user) and post.is_hidden


def can_comment(user, post) -> bool:
    return can_post(user) and post.comments_enabled and post.is_live


def can_edit_comment(user, comment) -> bool:
    return _is_author(user, comment) and comment.is_visible and can_post(user)


def can_delete_comment(user, comment) -> bool:
    return _is_author(user, comment) and not comment.is_deleted


def can_hide_comment(user, comment) -> bool:
    return is_moderator(user) and comment.is_visible


def can_restore_comment(user, comment) -> bool:
    return is_moderator(user) and comment.is_hidden


def can_see_comment_body(user, comment) -> bool:
    """Hidden comments keep their place as a placeholder; their author and moderators
    still read them."""
    if comment.is_visible:
        return True
    if comment.is_hidden:
        return is_moderator(user) or _is_author(user, comment)
    return False
