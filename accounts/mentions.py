"""@mentions: which names in a text are members, for linking them (core.markdown) and
notifying them (forums.posting)."""

from django.urls import reverse

from accounts.models import User

MAX_LINKED_MENTIONS = 50


def member_links(names) -> dict[str, tuple[int, str]]:
    """{username: (id, profile URL)} for the names that are current members: never a
    deleted or deactivated account, never a name nobody has."""
    names = list(names)[:MAX_LINKED_MENTIONS]
    if not names:
        return {}
    members = User.objects.filter(username__in=names, is_active=True, deleted_at=None)
    return {
        username: (pk, reverse("accounts:profile", args=[username]))
        for pk, username in members.values_list("pk", "username")
    }
