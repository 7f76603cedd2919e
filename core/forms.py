"""What every member form shares: text that can be stored, shown and put in a feed, and
a one-time token for create forms."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.inputs import unstorable_character


def validate_storable_text(value: str) -> None:
    """Refuse control characters and lone surrogates: PostgreSQL cannot store NUL, UTF-8
    cannot encode a surrogate, and XML feeds cannot carry control characters."""
    if not isinstance(value, str):
        return
    character = unstorable_character(value.replace("\x00", ""))  # NUL: Django's own check
    if character is not None:
        raise ValidationError(
            _(
                "This text contains a character that cannot be saved (U+%(code)04X, an "
                "invisible control character or a broken one). Please remove it and try again."
            ),
            code="unstorable",
            params={"code": ord(character)},
        )


class StorableTextMixin:
    """Put first in every member form's bases: each text field refuses what cannot be
    stored (Django's own check refuses NUL; this adds the other control characters and
    lone surrogates). tests/core/test_member_forms.py checks that every form has it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(validate_storable_text)


class ModerationNoteForm(StorableTextMixin, forms.Form):
    """The optional reason a moderator gives when hiding, restoring, locking…"""

    note = forms.CharField(label=_("Reason (optional)"), required=False, max_length=500)


def moderation_note(request) -> str:
    """The reason posted with a moderator's button, or "" when there is none (or no valid one)."""
    form = ModerationNoteForm(request.POST)
    return form.cleaned_data["note"] if form.is_valid() else ""


class FormTokenMixin(forms.Form):
    """A one-time token per form: a double submit reaches the same row, not a second one.
    The model keeps the token with a unique (author, form_token) constraint."""

    form_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        self.fields["form_token"].initial = getattr(instance, "form_token", None) or uuid.uuid4()
