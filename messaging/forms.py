from django import forms
from django.conf import settings

from accounts.forms import LinkLimitMixin
from accounts.models import User
from core.forms import FormTokenMixin, StorableTextMixin

BODY_HELP = "Markdown. Only the people in this conversation can read it."


class MessageForm(LinkLimitMixin, StorableTextMixin, FormTokenMixin, forms.Form):
    body = forms.CharField(
        label="Message", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=BODY_HELP,
    )  # fmt: skip

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\x00", "").strip()
        if not body:
            raise forms.ValidationError("Write something first.")
        return body


class NewConversationForm(MessageForm):
    to = forms.CharField(
        label="To",
        max_length=300,
        help_text="One pseudonym, or several separated by commas.",
    )
    field_order = ["to", "body"]

    def __init__(self, *args, sender, **kwargs):
        kwargs.setdefault("author", sender)
        super().__init__(*args, **kwargs)
        self.sender = sender

    def clean_to(self):
        names = {name.strip() for name in self.cleaned_data["to"].split(",") if name.strip()}
        names.discard(self.sender.username)
        limit = settings.MESSAGING_MAX_RECIPIENTS
        if not names:
            raise forms.ValidationError("Name at least one other member.")
        if len(names) > limit:
            raise forms.ValidationError(f"A conversation can have at most {limit} others.")
        members = list(User.objects.filter(username__in=names, is_active=True, deleted_at=None))
        missing = names - {member.username for member in members}
        if missing:
            raise forms.ValidationError(f"No member is called {', '.join(sorted(missing))}.")
        return members


class ReportMessageForm(StorableTextMixin, forms.Form):
    note = forms.CharField(
        label="What is wrong with this message?", max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Moderators will see this message, and only this one, with your note.",
    )  # fmt: skip
