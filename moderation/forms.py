from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StorableTextMixin
from moderation.models import Report

MEMBER_REASONS = [choice for choice in Report.Reason.choices if choice[0] != Report.Reason.SAFETY]


class ReportForm(StorableTextMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=MEMBER_REASONS, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Anything a moderator should know? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SuspendForm(StorableTextMixin, forms.Form):
    """The presets moderators use everywhere: on the report page, a post card, a profile."""

    length = forms.ChoiceField(
        label=_("Suspend for"),
        choices=[
            ("1", _("1 day")),
            ("7", _("7 days")),
            ("30", _("30 days")),
            ("indefinite", _("Indefinitely (until lifted)")),
        ],  # fmt: skip
        initial="7",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("The member reads this when they next sign in and when they try to post."),
    )


class AcknowledgeForm(StorableTextMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Report.Acknowledgement.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(required=False, max_length=500, label=_("Note (optional)"))
