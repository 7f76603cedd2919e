"""Role predicates: the only place that knows how each role is stored.

`is_moderator` and `is_editor` grant staff powers (on the site and in the back office), so
they also require two-factor authentication when DJANGO_ADMIN_REQUIRE_MFA is on: a staff
member without it holds the role (`has_moderator_role`, for badges) but has no powers.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings


def passes_staff_mfa(user) -> bool:
    """True unless staff must use two-factor authentication and this user has not set it up.
    Remembered on the user object for the request."""
    if not settings.ADMIN_REQUIRE_MFA:
        return True
    if not hasattr(user, "_passes_staff_mfa"):
        user._passes_staff_mfa = bool(user.is_authenticated and is_mfa_enabled(user))
    return user._passes_staff_mfa


def has_staff_permission(user, permission: str) -> bool:
    """The one check behind every staff power: the permission, then two-factor auth."""
    return bool(user.is_authenticated and user.has_perm(permission) and passes_staff_mfa(user))


def has_moderator_role(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("moderation.moderate_content"))


def has_editor_role(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("articles.add_article"))


def is_moderator(user) -> bool:
    return has_staff_permission(user, "moderation.moderate_content")


def is_editor(user) -> bool:
    return has_staff_permission(user, "articles.add_article")


def is_verified_surgeon(user) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_verified_surgeon", False))


def is_staff_member(user) -> bool:
    """Editors and moderators: may see drafts and unpublished content."""
    return is_moderator(user) or is_editor(user)
