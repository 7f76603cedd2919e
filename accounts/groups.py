"""The Editors and Moderators groups, filled with their exact permissions.

Each app lists what its editors and moderators may do in its own `groups.py`
(`EDITOR_PERMISSIONS`, `MODERATOR_PERMISSIONS`: "app_label.codename" strings, found by
`core.plugins`), so this module never imports the content apps. The groups are synced after every migrate, once
Django has created the permissions (a post_migrate handler, not a data migration).
"""

from django.contrib.auth.models import Group, Permission

from core.plugins import app_modules

EDITORS = "Editors"
MODERATORS = "Moderators"
ROLE_GROUPS = {"editor": EDITORS, "moderator": MODERATORS}

# Verifying is an admin action (the "moderate" permission): no change form needed.
MODERATOR_PERMISSIONS = ("accounts.view_user", "accounts.view_surgeonverification")

EDITOR_PERMISSIONS = ("accounts.view_user",)


def wanted_permissions() -> dict[str, set[str]]:
    wanted = {EDITORS: set(), MODERATORS: set()}
    for module in app_modules("groups"):
        wanted[EDITORS].update(getattr(module, "EDITOR_PERMISSIONS", ()))
        wanted[MODERATORS].update(getattr(module, "MODERATOR_PERMISSIONS", ()))
    return wanted


def _permissions(names: set[str]) -> list[Permission]:
    found = []
    for name in sorted(names):
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def sync_role_groups(**kwargs) -> None:
    for group_name, names in wanted_permissions().items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.set(_permissions(names))


def assign_role(user, role: str) -> None:
    """Put a user in the Editors or Moderators group; both need staff to open the admin."""
    group = Group.objects.get(name=ROLE_GROUPS[role])
    user.groups.add(group)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
