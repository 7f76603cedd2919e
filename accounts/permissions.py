"""Who may do what with accounts, and whether a member may post at all."""

from django.utils import timezone
from django.utils.formats import date_format

from core.roles import is_moderator


def posting_refusal(user) -> str:
    """Why this user may not post right now, or "" if they may."""
    if not user.is_authenticated:
        return "Please sign in to post."
    if user.deleted_at or not user.is_active:
        return "This account is closed."
    if user.is_suspended:
        until = date_format(timezone.localtime(user.suspended_until), "DATETIME_FORMAT")
        reason = user.suspension_reason or "No reason was given."
        return f"Your account is suspended until {until}. Reason: {reason}"
    return ""


def can_post(user) -> bool:
    return posting_refusal(user) == ""


def can_view_private_profile_fields(viewer, member) -> bool:
    return viewer.is_authenticated and (viewer == member or is_moderator(viewer))


def can_see_member_emails(user) -> bool:
    """Moderators (who answer members about their accounts) and founders; not editors."""
    return user.is_superuser or is_moderator(user)
