"""A member's rights over their data: download it, delete the account.

Apps that store member content add it to the export in their own `exports.py`
(`export(user) -> dict`, found by `core.plugins`), so this module never imports them.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from accounts.models import Block, Notification, PrivateDataAccess, SurgeonVerification, User
from core.plugins import app_modules


def export_user_data(user: User) -> dict:
    """Everything the portal keeps about the member; sentences (notifications) in their
    language, else the page's."""
    with translation.override(user.language or translation.get_language()):
        return _export(user)


def _export(user: User) -> dict:
    data = {
        "account": {
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "bio": user.bio,
            "email_notifications": user.email_notifications,
            "time_zone": user.time_zone,
            "language": user.language,
            "country": user.country,
            "is_verified_surgeon": user.is_verified_surgeon,
            "terms_accepted_at": user.terms_accepted_at,
            "guidelines_accepted_at": user.guidelines_accepted_at,
            "age_confirmed_at": user.age_confirmed_at,
            "roles": list(user.groups.values_list("name", flat=True)),
        },
        "two_factor_methods": list(user.authenticator_set.values("type", "created_at")),
        "surgeon_verification": SurgeonVerification.objects.filter(user=user)
        .values("full_name", "specialty", "practice", "licence_number", "status")
        .first(),
        "blocked_members": list(user.blocks_made.values_list("blocked__username", flat=True)),
        "staff_views_of_your_data": list(
            PrivateDataAccess.objects.filter(owner=user).values("what", "created_at")
        ),
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
        "notifications": [
            {"message": n.message, "url": n.link, "created_at": n.created_at.isoformat()}
            for n in user.notifications.select_related("actor")
        ],
    }
    for module in app_modules("exports"):
        data.update(module.export(user))
    return dict(sorted(data.items()))


def delete_account(user: User, *, erase_text: bool = False) -> None:
    """Close the account and remove the member's personal data, in one transaction.

    Published posts stay (others replied to them) under "deleted member", or with their
    text replaced when `erase_text`. Moderation records (reports, suspensions, the log)
    keep the anonymised account. Each app erases its own rows in its `erasure.py`.
    """
    with transaction.atomic():
        _anonymise(user)
        user.groups.clear()
        user.user_permissions.clear()
        user.emailaddress_set.all().delete()
        user.authenticator_set.all().delete()
        user.notifications.all().delete()
        User.objects.filter(pk=user.pk).update(unread_notifications=0)
        Notification.objects.filter(actor=user).update(actor=None)
        SurgeonVerification.objects.filter(user=user).delete()
        Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
        for module in app_modules("erasure"):
            module.erase(user, erase_text=erase_text)
        _delete_sessions(user)


def _anonymise(user: User) -> None:
    user.username = f"deleted-{user.pk}"
    user.email = ""
    user.first_name = user.last_name = ""
    user.bio = ""
    user.time_zone = ""
    user.language = user.country = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_verified_surgeon = False
    user.password = make_password(None)
    user.deleted_at = timezone.now()
    user.save()


def _delete_sessions(user: User) -> None:
    """Session rows hold no foreign key: find the member's by decoding them, and delete
    through the session engine so a cached copy (cached_db) goes too."""
    engine = import_module(settings.SESSION_ENGINE)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            engine.SessionStore(session.session_key).delete()
