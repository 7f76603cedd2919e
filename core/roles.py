"""Role predicates: the only place that knows how each role is stored.

`is_moderator` and `is_editor` grant staff powers (on the site and in the back office), so
they also require two-factor authentication when DJANGO_ADMIN_REQUIRE_MFA is on: a staff
member without it holds the role (`has_moderator_role`, for badges) but has no powers.

A member's permissions and two-factor state are read once and kept in the shared cache under
their role versions (`roles:<id>`, `roles`: core.versions), which a change to their groups,
permissions, flags or authenticators, or to a group's permissions, bumps (accounts.caching):
a page that checks a role costs no query.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from core import versions

ROLE_SECONDS = 3600


def role_facts(user) -> dict:
    """{"permissions": frozenset, "mfa": bool} of a signed-in member, remembered on the user
    object for the request."""
    facts = getattr(user, "_role_facts", None)
    if facts is None:
        facts = versions.cached(
            f"roles:{user.pk}",
            [f"roles:{user.pk}", "roles"],
            lambda: {
                "permissions": frozenset(user.get_all_permissions()),
                "mfa": bool(is_mfa_enabled(user)),
            },
            timeout=ROLE_SECONDS,
            shown=False,
        )
        user._role_facts = facts
    return facts


def _has_perm(user, permission: str) -> bool:
    """`user.has_perm` (the model backend: active superusers hold every permission), cached."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or permission in role_facts(user)["permissions"]


def passes_staff_mfa(user) -> bool:
    """True unless staff must use two-factor authentication and this user has not set it up."""
    if not settings.ADMIN_REQUIRE_MFA:
        return True
    return bool(user.is_authenticated and role_facts(user)["mfa"])


def has_staff_permission(user, permission: str) -> bool:
    """The one check behind every staff power: the permission, then two-factor auth."""
    return _has_perm(user, permission) and passes_staff_mfa(user)


def has_moderator_role(user) -> bool:
    return _has_perm(user, "moderation.moderate_content")


def has_editor_role(user) -> bool:
    return _has_perm(user, "articles.add_article")


def is_moderator(user) -> bool:
    return has_staff_permission(user, "moderation.moderate_content")


def is_editor(user) -> bool:
    return has_staff_permission(user, "articles.add_article")


def is_verified_surgeon(user) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_verified_surgeon", False))


def is_staff_member(user) -> bool:
    """Editors and moderators: may see drafts and unpublished content."""
    return is_moderator(user) or is_editor(user)
