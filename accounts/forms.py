from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from accounts.models import SurgeonVerification, User

PSEUDONYM_HELP = "Shown publicly with everything you post: not your real name or email address."


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, saying plainly what is public and what stays private."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Pseudonym"
        self.fields["username"].help_text = PSEUDONYM_HELP
        self.fields["email"].help_text = "Private: never shown to other members."


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Pseudonym or email"


class SettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["bio", "email_notifications"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"bio": "Public. A line or two about you; no contact details, please."}


class DeleteAccountForm(forms.Form):
    erase_text = forms.BooleanField(
        label="Also erase the text of everything I wrote",
        required=False,
        help_text="Your posts, blog posts, comments and messages stay in place, reading "
        '"removed at the author\'s request".',
    )
    confirm = forms.CharField(label="Type your pseudonym to confirm")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value != self.user.username:
            raise forms.ValidationError("That is not your pseudonym.")
        return value


class SurgeonVerificationForm(forms.ModelForm):
    class Meta:
        model = SurgeonVerification
        fields = ["full_name", "specialty", "practice", "licence_number"]
        help_texts = {
            "licence_number": "Seen only by moderators, to check your registration.",
            "full_name": "As registered; shown with the verified badge.",
        }
