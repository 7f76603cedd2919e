"""Form pieces every app's create forms share."""

import uuid

from django import forms


class FormTokenMixin(forms.Form):
    """A one-time token per form: a double submit reaches the same row, not a second one.
    The model keeps the token with a unique (author, form_token) constraint."""

    form_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        self.fields["form_token"].initial = getattr(instance, "form_token", None) or uuid.uuid4()
