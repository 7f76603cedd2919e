import time

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.limits import link_refusal
from accounts.models import SurgeonVerification, User
from accounts.permissions import posting_refusal
from accounts.time_zones import available_time_zones, time_zone_choices
from core.forms import StorableTextMixin

LOGIN_MAX_LENGTH = 254
PSEUDONYM_HELP = _(
    "Shown publicly with everything you post: not your real name or email address. "
    "Letters a–z, digits, and . _ - only."
)


STARTED_SALT = "accounts.signup.started"
TOO_FAST = _("That was very quick. Please check the form and send it again.")
# The countries whose crisis lines the portal knows (safety.models.CrisisLine); blank shows
# all the lines for the member's language.
COUNTRIES = [
    ("AR", _("Argentina")),
    ("CO", _("Colombia")),
    ("MX", _("Mexico")),
    ("ES", _("Spain")),
    ("GB", _("United Kingdom")),
    ("US", _("United States")),
]


def _page_link(slug: str, text: str) -> str:
    return format_html('<a href="{}">{}</a>', reverse("site_page", args=[slug]), text)


class SignupForm(StorableTextMixin, AllauthSignupForm):
    """allauth's sign-up form, saying plainly what is public and what stays private.
    It records the member's consent with timestamps, and keeps bots out without any
    third-party CAPTCHA: a honeypot field people never see, and a minimum fill time."""

    accept_terms = forms.BooleanField(required=True)
    accept_guidelines = forms.BooleanField(required=True)
    confirm_age = forms.BooleanField(required=True)
    website = forms.CharField(
        required=False, label=_("Leave this field empty"), max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )  # fmt: skip
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    # Filled in by static/js/portal.js from the browser; the member can change it in Settings.
    time_zone = forms.CharField(
        required=False, max_length=64,
        widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""}),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Pseudonym")
        self.fields["username"].help_text = PSEUDONYM_HELP
        self.fields["email"].help_text = _("Private: never shown to other members.")
        self.fields["accept_terms"].label = format_html(
            _("I accept the {}"), _page_link("terms", _("terms of use"))
        )
        self.fields["accept_guidelines"].label = format_html(
            _("I will follow the {}"), _page_link("guidelines", _("community guidelines"))
        )
        self.fields["confirm_age"].label = _("I am %(age)s or older") % {
            "age": settings.MINIMUM_AGE
        }
        self.fields["started"].initial = signing.dumps(time.time(), salt=STARTED_SALT)

    def clean_time_zone(self) -> str:
        """The browser's guess: one we do not know is dropped (the site's zone is used),
        never an error the person could not see nor fix."""
        value = self.cleaned_data["time_zone"]
        return value if value in available_time_zones() else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(TOO_FAST)  # a bot filled the honeypot; say little
        if _seconds_since(self.data.get("started", "")) < settings.SIGNUP_MIN_SECONDS:
            raise forms.ValidationError(TOO_FAST)
        return cleaned

    def save(self, request):
        user = super().save(request)
        if user is not None:  # None when allauth hides that the email is taken
            now = timezone.now()
            user.terms_accepted_at = user.guidelines_accepted_at = user.age_confirmed_at = now
            user.time_zone = self.cleaned_data.get("time_zone", "")
            # The language they signed up in is theirs: their emails and notifications are
            # written in it before they ever open Settings (they can change it there).
            language = translation.get_language()
            user.language = language if language in dict(settings.LANGUAGES) else ""
            fields = [
                "terms_accepted_at",
                "guidelines_accepted_at",
                "age_confirmed_at",
                "time_zone",
                "language",
            ]
            user.save(update_fields=fields)
        return user


def _seconds_since(started: str) -> float:
    """Seconds since the form was shown; 0 when the token is missing or forged."""
    try:
        return time.time() - float(signing.loads(started, salt=STARTED_SALT, max_age=86400))
    except (signing.BadSignature, TypeError, ValueError):
        return 0.0


class LoginForm(StorableTextMixin, AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Pseudonym or email")
        login.max_length = LOGIN_MAX_LENGTH  # an email address's longest
        login.validators.append(MaxLengthValidator(LOGIN_MAX_LENGTH))


class SettingsForm(StorableTextMixin, forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language"), required=False,
        choices=[("", _("Automatic (from your browser)")), *settings.LANGUAGES],
        help_text=_("The site, your emails and your notifications are in this language."),
    )  # fmt: skip
    country = forms.ChoiceField(
        label=_("Country"), required=False,
        choices=[("", _("Not set: show all crisis lines for my language")), *COUNTRIES],
        help_text=_(
            "Only used to show the crisis lines of your country first. We never guess it "
            "from your internet address."
        ),
    )  # fmt: skip

    class Meta:
        model = User
        fields = ["bio", "email_notifications", "time_zone", "language", "country"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"bio": _("Public. A line or two about you; no contact details, please.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        time_zone = self.fields["time_zone"]
        time_zone.widget = forms.Select(
            choices=[("", _("The site's time zone (UTC)")), *time_zone_choices()],
            # While none is chosen, static/js/portal.js selects the browser's zone.
            attrs={"data-browser-time-zone": ""} if not user.time_zone else {},
        )
        time_zone.help_text = (
            _("Times on the site are shown in this zone.")
            if user.time_zone
            else _(
                "Times on the site are shown in this zone. Until you choose one, your "
                "device's zone is suggested here: save to keep it."
            )
        )
        if refusal := posting_refusal(user):  # the bio is public: no changes while suspended
            self.fields["bio"].disabled = True
            self.fields["bio"].help_text = refusal


class DeleteAccountForm(StorableTextMixin, forms.Form):
    erase_text = forms.BooleanField(
        label=_("Also erase the text of everything I wrote"),
        required=False,
        help_text=_(
            "Your posts, blog posts, comments and messages stay in place, reading "
            '"removed at the author\'s request".'
        ),
    )
    confirm = forms.CharField(label=_("Type your pseudonym to confirm"), max_length=150)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value != self.user.username:
            raise forms.ValidationError(_("That is not your pseudonym."))
        return value


class SurgeonVerificationForm(StorableTextMixin, forms.ModelForm):
    regulator = forms.CharField(
        label=_("Regulator"),
        max_length=200,
        help_text=_(
            "The body you are registered with, e.g. the General Medical Council (UK) or "
            "your state medical board."
        ),
    )

    class Meta:
        model = SurgeonVerification
        fields = ["full_name", "specialty", "practice", "regulator", "licence_number"]
        help_texts = {
            "licence_number": _(
                "Your registration number with it. Seen only by moderators, "
                "to check your registration."
            ),
            "full_name": _("As registered; shown with the verified badge."),
        }


class LinkLimitMixin:
    """A new member's post, comment or message carries at most PORTAL_NEW_MEMBER_MAX_LINKS
    links (accounts.limits.link_refusal): more is a form error, and nothing is saved. The
    view passes `author`; `link_fields` names the fields to count."""

    link_fields = ("body",)

    def __init__(self, *args, author=None, **kwargs):
        self.author = author
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.author is not None:
            for name in self.link_fields:
                if refusal := link_refusal(self.author, cleaned.get(name) or ""):
                    self.add_error(name, refusal)
        return cleaned


class NotificationPreferencesForm(StorableTextMixin, forms.ModelForm):
    """The welcome page's notification step (the same field as in Settings)."""

    class Meta:
        model = User
        fields = ["email_notifications"]
        widgets = {"email_notifications": forms.RadioSelect}
        labels = {"email_notifications": _("Emails about replies, mentions and messages")}
        help_texts = {"email_notifications": _("The bell in the header shows them either way.")}
