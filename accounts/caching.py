"""Which named versions (core.versions) account writes bump: a member's public profile
(name, bio, badge, deletion) bumps `member:<id>` and `members`; a sign-in, a password or an
email setting bumps nothing; notifications, blocks and access logs show on no cached page.
Group and permission changes bump the role versions `core.roles` caches flags under."""

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from accounts.models import (
    PUBLIC_PROFILE_FIELDS,
    ROLE_FIELDS,
    Block,
    Notification,
    PrivateDataAccess,
    SurgeonVerification,
    User,
)


def member_names(user: User, *, created=False, update_fields=None, **signal) -> list[str]:
    loaded = getattr(user, "loaded_public_profile", None)
    now = user.public_profile()
    user.loaded_public_profile = now
    if created:
        return []  # a new member shows nowhere yet
    changed = {name for name in now if loaded is None or loaded.get(name) != now[name]}
    if update_fields is not None:
        changed &= set(update_fields)
    names = []
    if changed & set(PUBLIC_PROFILE_FIELDS):
        names += [f"member:{user.pk}", "members"]
    if changed & set(ROLE_FIELDS):
        names.append(f"roles:{user.pk}")
    return names


def member_roles(instance, *, reverse=False, pk_set=None, **signal) -> list[str]:
    """user.groups / user.user_permissions changed (or, reversed, a group's members)."""
    if isinstance(instance, User):
        return [f"roles:{instance.pk}"]
    return [f"roles:{pk}" for pk in pk_set or ()] or ["roles"]


BUMPS = {
    User: member_names,
    User.groups.through: member_roles,
    User.user_permissions.through: member_roles,
    Group.permissions.through: lambda instance, **signal: ["roles"],
    Group: lambda group, **signal: ["roles"],
    Authenticator: lambda authenticator, **signal: [f"roles:{authenticator.user_id}"],
}
QUIET = {Notification, Block, PrivateDataAccess, SurgeonVerification}
