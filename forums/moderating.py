"""Moderator actions only threads have (lock, pin, move, members-only), shared by the
site's buttons and the admin; each writes the moderation log in the same transaction as the
change. Hiding and restoring go through `moderation.services`, like every other kind of
content; `MODERATED` tells moderation the rules for threads and posts (the plug-in style of
`core.plugins`).
"""

from django.db import transaction

from core import versions
from forums import permissions
from forums.caching import audience_names
from forums.models import Forum, Post, Thread
from forums.posting import publish_held, refuse_held
from forums.search import reindex_forum
from moderation.log_text import FROM_REPORT
from moderation.models import ModerationLogEntry
from moderation.services import log_action

Action = ModerationLogEntry.Action


def _set_flag(thread: Thread, field: str, value: bool, *, moderator, action: str, note: str,
              params: dict | None):  # fmt: skip
    with transaction.atomic():
        setattr(thread, field, value)
        thread.save(update_fields=[field])
        log_action(actor=moderator, action=action, target=thread, note=note, params=params)


def lock_thread(*, thread: Thread, moderator, note: str = "", params: dict | None = None):
    _set_flag(thread, "is_locked", True, moderator=moderator, action=Action.LOCK, note=note,
              params=params)  # fmt: skip


def unlock_thread(*, thread: Thread, moderator, note: str = "", params: dict | None = None):
    _set_flag(thread, "is_locked", False, moderator=moderator, action=Action.UNLOCK, note=note,
              params=params)  # fmt: skip


def pin_thread(*, thread: Thread, moderator, note: str = "", params: dict | None = None):
    _set_flag(thread, "is_pinned", True, moderator=moderator, action=Action.PIN, note=note,
              params=params)  # fmt: skip


def unpin_thread(*, thread: Thread, moderator, note: str = "", params: dict | None = None):
    _set_flag(thread, "is_pinned", False, moderator=moderator, action=Action.UNPIN, note=note,
              params=params)  # fmt: skip


def lock_discussion(content: Thread | Post, moderator) -> None:
    """The report page's "lock the thread" (moderation.registry)."""
    thread = content if isinstance(content, Thread) else content.thread
    if not thread.is_locked:
        lock_thread(thread=thread, moderator=moderator, params=FROM_REPORT)


def in_context(content: Thread | Post) -> list[Post]:
    """What a report page shows: a post with the two posts either side; a thread's opening."""
    if isinstance(content, Thread):
        return list(content.posts.select_related("author").order_by("number")[:3])
    around = range(content.number - 2, content.number + 3)
    return list(
        content.thread.posts.filter(number__in=around).select_related("author").order_by("number")
    )


def move_thread(*, thread: Thread, forum: Forum, moderator, note: str = "") -> None:
    if thread.forum_id == forum.pk:
        return
    with transaction.atomic():
        old_forum = thread.forum
        thread.forum = forum
        thread.save(update_fields=["forum"])
        old_forum.recount()
        forum.recount()
        log_action(actor=moderator, action=Action.MOVE, target=thread, note=note,
                   params={"from": str(old_forum), "to": str(forum)})  # fmt: skip


def set_members_only(content: Thread | Post, value: bool) -> Thread | None:
    """The thread `content` belongs to becomes members-only (or public again); returns it,
    or None when it already was. Saving re-indexes it and its replies for search (with
    their new audience), and the visitors' counters of its forum follow."""
    thread = content if isinstance(content, Thread) else content.thread
    thread = Thread.objects.select_for_update().select_related("forum").get(pk=thread.pk)
    if thread.members_only == value:
        return None
    thread.members_only = value
    thread.save(update_fields=["members_only"])
    thread.forum.recount()
    versions.bump(*audience_names(Thread.objects.filter(pk=thread.pk)))
    return thread


def forum_audience_changed(forum: Forum, *, actor, note: str = "", params: dict | None = None):
    """A forum became members-only (or public): the visitors' counters and the search
    index follow, cached pages showing its threads move on, and the log says who did it,
    in the caller's transaction."""
    forum.recount()
    reindex_forum(forum)
    versions.bump(*audience_names(Thread.objects.filter(forum=forum)))
    action = Action.MAKE_MEMBERS_ONLY if forum.members_only else Action.MAKE_PUBLIC
    log_action(actor=actor, action=action, target=forum, note=note, params=params)


def set_forum_members_only(
    *, forum: Forum, value: bool, moderator, note: str = "", params: dict | None = None
) -> bool:
    """False when the forum already had that audience."""
    with transaction.atomic():
        forum = Forum.objects.select_for_update().get(pk=forum.pk)
        if forum.members_only == value:
            return False
        forum.members_only = value
        forum.save(update_fields=["members_only"])
        forum_audience_changed(forum, actor=moderator, note=note, params=params)
    return True


MODERATED = {
    model: {
        "can_hide": permissions.can_hide,
        "can_restore": permissions.can_restore,
        "in_context": in_context,
        "lock": lock_discussion,
        "can_make_members_only": permissions.can_make_members_only,
        "can_make_public": permissions.can_make_public,
        "set_members_only": set_members_only,
    }
    for model in (Thread, Post)
}
# A held thread is reviewed through its opening post (approving it publishes the thread).
MODERATED[Post] |= {"on_approved": publish_held, "on_rejected": refuse_held}
