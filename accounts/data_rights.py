"""A member's rights over their data: download it, delete the account.

Apps that store member content add it to the export in their own `exports.py`
(`export(user) -> dict`, found by `core.plugins`), so this module never imports them.
"""

from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.plugins import app_modules


def export_user_data(user: User) -> dict:
    data = {
        "account": {
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "bio": user.bio,
            "email_notifications": user.email_notifications,
            "is_verified_surgeon": user.is_verified_surgeon,
        },
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
        "notifications": [
            {"message": n.message, "url": n.url, "created_at": n.created_at.isoformat()}
            for n in user.notifications.all()
        ],
    }
    for module in app_modules("exports"):
        data.update(module.export(user))
    return dict(sorted(data.items()))


def delete_account(user: User) -> None:
    """Anonymise the account; what the member wrote stays, credited to "deleted member"."""
    with transaction.atomic():
        user.username = f"deleted-{user.pk}"
        user.email = ""
        user.first_name = user.last_name = ""
        user.bio = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.password = make_password(None)
        user.deleted_at = timezone.now()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        user.emailaddress_set.all().delete()
        user.authenticator_set.all().delete()
        user.notifications.all().delete()
        _delete_sessions(user)


def _delete_sessions(user: User) -> None:
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
