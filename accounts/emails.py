"""Email to members: every message names the site and carries a one-click unsubscribe link
(RFC 8058) whose signed token opens the unsubscribe page."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from core.site import site_name

UNSUBSCRIBE_SALT = "accounts.unsubscribe"  # a token signed for unsubscribing does nothing else
UNSUBSCRIBE_MAX_AGE = timezone.timedelta(days=60)


def in_language_of(user: User):
    """Render what the member reads (an email, its links) in their language: links reversed
    inside point to /es/… for a Spanish member."""
    return translation.override(user.language or settings.LANGUAGE_CODE)


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_for_unsubscribe_token(token: str):
    """The member the link was made for; None if it was forged. An expired link (older than
    UNSUBSCRIBE_MAX_AGE) raises signing.SignatureExpired."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.SignatureExpired:
        raise
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk).first()


def unsubscribe_path(user: User) -> str:
    return reverse("accounts:unsubscribe", args=[unsubscribe_token(user)])


def _unsubscribe_url(user: User) -> str:
    return settings.SITE_URL + unsubscribe_path(user)


def send_member_email(*, user: User, subject: str, template: str, context: dict) -> None:
    """Every email we send a member carries a one-click unsubscribe link (RFC 8058), and is
    written in their language (a lazy subject is worded in it here)."""
    with in_language_of(user):
        unsubscribe_url = _unsubscribe_url(user)
        body = render_to_string(
            template,
            {
                **context,
                "user": user,
                "site_name": site_name(),
                "site_url": settings.SITE_URL,
                "unsubscribe_url": unsubscribe_url,
            },
        )
        subject_line = f"[{site_name()}] {subject}"
    message = EmailMessage(
        subject=subject_line,
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
