"""Moderator actions on threads and posts, shared by the site's buttons and the admin.

Hide and restore go through the `Moderated` methods, which log themselves; the others
write the moderation log here, in the same transaction as the change.
"""

from django.db import transaction

from forums.models import Forum, Post, Thread
from moderation.services import log_action


def hide_post(*, post: Post, moderator, note: str = "") -> None:
    if not post.is_hidden:
        post.hide(by=moderator, note=note)


def restore_post(*, post: Post, moderator, note: str = "") -> None:
    if not post.is_published:
        post.restore(by=moderator, note=note)


def hide_thread(*, thread: Thread, moderator, note: str = "") -> None:
    if not thread.is_hidden:
        thread.hide(by=moderator, note=note)


def restore_thread(*, thread: Thread, moderator, note: str = "") -> None:
    if not thread.is_published:
        thread.restore(by=moderator, note=note)


def _set_flag(thread: Thread, field: str, value: bool, *, moderator, action: str, note: str):
    with transaction.atomic():
        setattr(thread, field, value)
        thread.save(update_fields=[field])
        log_action(actor=moderator, action=action, target=thread, note=note)


def lock_thread(*, thread: Thread, moderator, note: str = "") -> None:
    _set_flag(thread, "is_locked", True, moderator=moderator, action="lock", note=note)


def unlock_thread(*, thread: Thread, moderator, note: str = "") -> None:
    _set_flag(thread, "is_locked", False, moderator=moderator, action="unlock", note=note)


def pin_thread(*, thread: Thread, moderator, note: str = "") -> None:
    _set_flag(thread, "is_pinned", True, moderator=moderator, action="pin", note=note)


def unpin_thread(*, thread: Thread, moderator, note: str = "") -> None:
    _set_flag(thread, "is_pinned", False, moderator=moderator, action="unpin", note=note)


def move_thread(*, thread: Thread, forum: Forum, moderator, note: str = "") -> None:
    if thread.forum_id == forum.pk:
        return
    with transaction.atomic():
        old_forum = thread.forum
        thread.forum = forum
        thread.save(update_fields=["forum"])
        old_forum.recount()
        forum.recount()
        note = f"Moved from {old_forum} to {forum}. {note}".strip()
        log_action(actor=moderator, action="move", target=thread, note=note)
