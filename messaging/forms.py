from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.forms import LinkLimitMixin
from accounts.models import User
from core.forms import FormTokenMixin, StorableTextMixin

BODY_HELP = _("Markdown. Only the people in this conversation can read it.")


class MessageForm(LinkLimitMixin, StorableTextMixin, FormTokenMixin, forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=BODY_HELP,
    )  # fmt: skip

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\x00", "").strip()
        if not body:
            raise forms.ValidationError(_("Write something first."))
        return body


class NewConversationForm(MessageForm):
    to = forms.CharField(
        label=_("To"),
        max_length=300,
        help_text=_("One pseudonym, or several separated by commas."),
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
            raise forms.ValidationError(_("Name at least one other member."))
        if len(names) > limit:
            raise forms.ValidationError(
                ngettext(
                    "A conversation can have at most %(limit)d other member.",
                    "A conversation can have at most %(limit)d others.",
                    limit,
                )
                % {"limit": limit}
            )
        members = list(User.objects.filter(username__in=names, is_active=True, deleted_at=None))
        missing = names - {member.username for member in members}
        if missing:
            raise forms.ValidationError(
                _("No member is called %(names)s.") % {"names": ", ".join(sorted(missing))}
            )
        return members


class ReportMessageForm(StorableTextMixin, forms.Form):
    note = forms.CharField(
        label=_("What is wrong with this message?"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Moderators will see this message, and only this one, with your note."),
    )  # fmt: skip
