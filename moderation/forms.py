from django import forms

from moderation.models import Report

MEMBER_REASONS = [choice for choice in Report.Reason.choices if choice[0] != Report.Reason.SAFETY]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(choices=MEMBER_REASONS, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Anything a moderator should know? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
