"""Who may do what with accounts, and whether a member may post at all."""

from django.utils.translation import gettext

from accounts.suspension import suspension_notice
from core.roles import is_moderator


def posting_refusal(user) -> str:
    """Why this user may not post right now, or "" if they may."""
    if not user.is_authenticated:
        return gettext("Please sign in to post.")
    if user.deleted_at or not user.is_active:
        return gettext("This account is closed.")
    return suspension_notice(user)


def can_post(user) -> bool:
    return posting_refusal(user) == ""


def can_view_private_profile_fields(viewer, member) -> bool:
    return viewer.is_authenticated and (viewer == member or is_moderator(viewer))


def can_see_member_emails(user) -> bool:
    """Moderators (who answer members about their accounts) and founders; not editors."""
    return user.is_superuser or is_moderator(user)


def can_suspend(user, member) -> bool:
    """Moderators suspend members (not other moderators, not themselves)."""
    return is_moderator(user) and user != member and not is_moderator(member)


def can_read_members_only(user) -> bool:
    """Members-only spaces are for signed-in members with an open account (a suspension
    stops posting, not reading)."""
    return bool(user.is_authenticated and user.is_active and not user.deleted_at)
