"""Who may do what in the forums: one predicate per action, used by views, templates, admin."""

from django.utils.translation import gettext as _

from accounts.permissions import can_read_members_only, posting_refusal
from core.roles import is_moderator
from forums.models import Forum, Post, Thread


def reply_refusal(user, thread: Thread) -> str:
    """Why `user` may not reply to `thread`, or "" if they may."""
    refusal = posting_refusal(user)
    if refusal:
        return refusal
    if thread.is_locked and not is_moderator(user):
        return _("This thread is locked: it no longer takes replies.")
    if thread.is_held and not is_moderator(user):
        return _("This thread is waiting for a moderator: replies open once it is published.")
    if not thread.is_visible and not is_moderator(user):
        return _("This thread is hidden: it no longer takes replies.")
    return ""


def start_thread_refusal(user) -> str:
    return posting_refusal(user)


def can_reply(user, thread: Thread) -> bool:
    return (
        user.is_authenticated
        and not posting_refusal(user)
        and (is_moderator(user) or (not thread.is_locked and thread.is_visible))
    )


def can_start_thread(user) -> bool:
    return user.is_authenticated and not posting_refusal(user)


def can_edit_post(user, post: Post) -> bool:
    if not user.is_authenticated:
        return False
    if is_moderator(user):
        return True
    return (
        user.pk == post.author_id
        and post.is_visible
        and not post.thread.is_locked
        and not posting_refusal(user)
    )


def can_delete_post(user, post: Post) -> bool:
    return user.is_authenticated and user.pk == post.author_id and not post.is_deleted


def can_react(user, post: Post) -> bool:
    return (
        user.is_authenticated
        and post.is_visible
        and user.pk != post.author_id
        and not posting_refusal(user)
    )


def can_quote(user, post: Post) -> bool:
    return user.is_authenticated and post.is_visible and not post.thread.is_locked


def can_report(user, post: Post) -> bool:
    return user.is_authenticated and post.is_visible and user.pk != post.author_id


def can_message_author(user, post: Post) -> bool:
    """The post card's "Message" link (the messaging app decides whether it is delivered)."""
    return user.is_authenticated and user.pk != post.author_id and not post.author.deleted_at


def can_hide(user, content: Thread | Post) -> bool:
    return is_moderator(user) and content.is_visible


def can_restore(user, content: Thread | Post) -> bool:
    """Only what a moderator hid: what its author deleted stays deleted."""
    return is_moderator(user) and content.is_hidden


def can_suspend_members(user) -> bool:
    return is_moderator(user)


def can_view_history(user, post: Post) -> bool:
    return is_moderator(user)


def can_read_post_body(user, post: Post) -> bool:
    """Hidden posts keep their place as a placeholder; the text is for its author and mods."""
    if post.is_visible:
        return True
    if post.is_hidden or post.is_held:
        return user.is_authenticated and (user.pk == post.author_id or is_moderator(user))
    return is_moderator(user)


def can_read_thread(user, thread: Thread) -> bool:
    """Whether `user` may read the thread's posts (and the images in them): its moderation
    state first (a hidden or held thread is for its author and moderators, a deleted one for
    moderators: `visible_to`), then its audience (a members-only thread is for signed-in
    members)."""
    if thread.is_hidden or thread.is_held:
        allowed = user.is_authenticated and (user.pk == thread.author_id or is_moderator(user))
    elif thread.is_deleted:
        allowed = is_moderator(user)
    else:
        allowed = True
    return allowed and (not thread.is_members_only or can_read_members_only(user))


def can_read_forum(user, forum: Forum) -> bool:
    return not forum.members_only or can_read_members_only(user)


def can_make_members_only(user, content: Thread | Post) -> bool:
    """The crisis action: a moderator takes a public thread (or a reported post's) out of
    public view, keeping it for members."""
    thread = content if isinstance(content, Thread) else content.thread
    return is_moderator(user) and not thread.is_members_only


def can_make_public(user, content: Thread | Post) -> bool:
    """Back to public: only a thread made members-only on its own (not by its forum)."""
    thread = content if isinstance(content, Thread) else content.thread
    return is_moderator(user) and thread.members_only and not thread.forum.members_only


def can_mark_clinician_answer(user, post: Post) -> bool:
    """A verified surgeon's visible reply may be marked (or unmarked) "clinician answer" by
    the thread's author or a moderator (whose marking is logged)."""
    if not user.is_authenticated or post.number == 1 or not post.is_visible:
        return False
    if not post.author.is_verified_surgeon or post.author.deleted_at:
        return False
    return is_moderator(user) or (
        user.pk == post.thread.author_id and user.pk != post.author_id and not posting_refusal(user)
    )
