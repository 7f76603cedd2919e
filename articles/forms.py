from django import forms

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
        help_text="JPEG, PNG, WebP or GIF; up to 5 MB and 4000×4000 pixels. Saved without "
        "its metadata (camera, place)."
    )

    class Meta:
        model = Illustration
        fields = ["section", "position", "image", "alt_text", "caption"]
        error_messages = {
            "alt_text": {"required": "Please describe the picture for people who cannot see it."}
        }


class FeedbackForm(StorableTextMixin, FormTokenMixin, forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label="Your answer",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose Yes or No."},
    )

    class Meta:
        model = ArticleFeedback
        fields = ["helpful", "comment"]
        labels = {"comment": "What could we do better? (optional)"}
        help_texts = {
            "comment": f"Up to {FEEDBACK_COMMENT_MAX_LENGTH} characters. Anonymous: please "
            "do not include your name or contact details. This is not a way to ask for "
            "medical advice."
        }
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}
