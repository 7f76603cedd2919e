"""allauth hooks: how sign-up judges a pseudonym, how sign-in is throttled, and its emails
(address confirmation, password reset) leaving through the task queue (accounts.tasks), so a
slow or refusing mail server never fails a sign-up or a reset. Emails name the site
(core.site.site_name(), in the recipient's language) and link to PORTAL_SITE_URL, never to the host the request came in on."""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from accounts import devices
from accounts.models import User
from accounts.tasks import queue_email
from accounts.validators import skeleton, skeleton_expression
from core.languages import localized_url
from core.site import site_name


@dataclass(frozen=True)
class EmailSite:
    """What allauth's email templates call `current_site`: our name and public address
    (without the Sites framework, allauth would use the request's host for both)."""

    name: str
    domain: str


def site_link(path: str) -> str:
    return settings.SITE_URL + path


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        context = {"request": request, "email": email, **context, "site_url": settings.SITE_URL}
        if "signup_url" in context:  # allauth's flows build it from the request's host
            context["signup_url"] = site_link(reverse("account_signup"))
        with translation.override(_recipient_language(context.get("user"))):
            name = site_name()
            context["current_site"] = EmailSite(name, urlsplit(settings.SITE_URL).netloc)
            context["site_name"] = name
            context = {
                key: localized_url(value) if key.endswith("_url") and isinstance(value, str)
                else value
                for key, value in context.items()
            }  # fmt: skip
            queue_email(self.render_mail(template_prefix, email, context))

    def format_email_subject(self, subject: str) -> str:
        return f"[{site_name()}] {subject}"  # called in the recipient's language

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return site_link(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_link(path.replace("UID-KEY", quote(key)))

    def send_account_already_exists_mail(self, email: str) -> None:
        context = {
            "signup_url": site_link(reverse("account_signup")),
            "password_reset_url": site_link(reverse("account_reset_password")),
        }
        self.send_mail("account/email/account_already_exists", email, context)

    def clean_username(self, username: str, shallow: bool = False) -> str:
        username = super().clean_username(username, shallow=shallow)
        if not shallow and looks_like_an_existing_username(username):
            raise ValidationError(
                translation.gettext(
                    "That pseudonym is too close to an existing one. Please choose another."
                ),
                code="lookalike",
            )
        return username

    def pre_authenticate(self, request, **credentials) -> None:
        """A known device skips the account's lock-out (its own limit applies); any other
        attempt meets allauth's limits and ours (accounts/devices.py)."""
        login = _login(credentials)
        self.device = devices.trusted_device(request, account_ids(login))
        if self.device:
            return
        ip = self.get_client_ip(request)
        if devices.untrusted_attempt_refused(request, ip=ip, login=login):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials) -> None:
        devices.count_failure(
            request, device=getattr(self, "device", None), ip=self.get_client_ip(request),
            login=_login(credentials),
        )  # fmt: skip

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        devices.issue_device_cookie(response, user)
        return response


def _recipient_language(user) -> str:
    """The member's language; for an address with no account (or no choice yet), the
    language of the page they asked from."""
    chosen = getattr(user, "language", "") if user is not None else ""
    return chosen or translation.get_language() or settings.LANGUAGE_CODE


def _login(credentials: dict) -> str:
    return credentials.get("email") or credentials.get("username") or ""


def account_ids(login: str) -> set[int]:
    """The accounts a sign-in name may mean (a pseudonym or an email address)."""
    if not login:
        return set()
    matches = User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login))
    return set(matches.values_list("pk", flat=True))


def looks_like_an_existing_username(username: str) -> bool:
    """One query: any member whose name folds to the same skeleton ("Dem0_moderator")."""
    return (
        User.objects.alias(folded=skeleton_expression()).filter(folded=skeleton(username)).exists()
    )
