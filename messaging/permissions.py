"""Who may do what with private messages: one predicate per rule, for views and templates."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.limits import is_new_member
from accounts.permissions import posting_refusal
from core.roles import is_moderator

NEW_MEMBER_REPLY_ONLY = _(
    "New members can answer the messages they receive, but cannot start a conversation yet "
    "(for their first {days} days, or until they have written {posts} forum posts). "
    "It keeps unsolicited messages away from everyone; reply in the forums in the meantime."
)


def start_conversation_refusal(user) -> str:
    """Why `user` may not start a conversation, or "" if they may (replying is separate)."""
    if reason := posting_refusal(user):
        return reason
    if (
        not settings.PORTAL_NEW_MEMBERS_START_CONVERSATIONS
        and not is_moderator(user)
        and is_new_member(user)
    ):
        return NEW_MEMBER_REPLY_ONLY.format(
            days=settings.PORTAL_NEW_MEMBER_DAYS, posts=settings.PORTAL_NEW_MEMBER_POSTS
        )
    return ""


def can_start_conversation(user) -> bool:
    return user.is_authenticated and not start_conversation_refusal(user)
