from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles.models import FEEDBACK_COMMENT_MAX_LENGTH, ArticleFeedback, Illustration
from core.forms import FormTokenMixin, StorableTextMixin
from core.images import reencode_image

IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/gif"


class CleanImageField(forms.ImageField):
    """An image validated and re-encoded by core.images (its messages say why a file was
    refused; Django's own ImageField check is replaced by it)."""

    widget = forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES})

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        return None if upload is None else reencode_image(upload)


class IllustrationForm(StorableTextMixin, forms.ModelForm):
    """The admin inline's form: the picture is re-encoded without its metadata."""

    image = CleanImageField(
        label=_("Image"),
        help_text=_(
            "JPEG, PNG, WebP or GIF; up to 5 MB and 4000×4000 pixels. Saved without "
            "its metadata (camera, place)."
        ),
    )

    class Meta:
        model = Illustration
        fields = ["section", "position", "image", "alt_text", "caption"]
        error_messages = {
            "alt_text": {"required": _("Please describe the picture for people who cannot see it.")}
        }


class FeedbackForm(StorableTextMixin, FormTokenMixin, forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label=_("Your answer"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose Yes or No.")},
    )

    class Meta:
        model = ArticleFeedback
        fields = ["helpful", "comment"]
        labels = {"comment": _("What could we do better? (optional)")}
        help_texts = {
            "comment": format_lazy(
                _(
                    "Up to {count} characters. Anonymous: please do not include your name or "
                    "contact details. This is not a way to ask for medical advice."
                ),
                count=FEEDBACK_COMMENT_MAX_LENGTH,
            )
        }
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}
