from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField
from taggit.models import Tag

from accounts.forms import LinkLimitMixin
from articles.models import Article
from blogs.models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, Blog, BlogPost, Comment
from core.forms import FormTokenMixin, StorableTextMixin
from core.images import reencode_image
from safety.contacts import contact_details as find_contact_details

MAX_TAGS = 8
MAX_TAG_LENGTH = 50
IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/gif"
CONFIRM_FIELD = "confirm_public"


def preview_attrs(target: str) -> dict:
    """The live preview: htmx posts the textarea's form to the composers' one preview URL
    (portal.composer.preview) as you type."""
    return {
        "rows": 12,
        "hx-post": reverse_lazy("preview"),
        "hx-trigger": "load, input delay:700ms",
        "hx-target": f"#{target}",
        "hx-include": "closest form",
        "hx-swap": "innerHTML",
        "hx-sync": "this:replace",
    }


class CoverImageField(forms.FileField):
    """An uploaded cover, validated and re-encoded by core.images (never Django's
    ImageField check, whose one message hides why a file was refused)."""

    widget = forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES})

    def to_python(self, data):
        upload = super().to_python(data)
        return None if upload is None else reencode_image(upload)


class ContactDetailsCheckMixin:
    """Before publishing text that holds an email or phone number, ask once: it will be
    public. The confirm box appears only when there is something to confirm."""

    def add_contact_check(self, text: str) -> None:
        # Longer text is refused by its field; the check never reads more than that.
        self.contact_details = find_contact_details(
            (text or "")[: TITLE_MAX_LENGTH + BODY_MAX_LENGTH]
        )
        if self.contact_details:
            self.fields[CONFIRM_FIELD] = forms.BooleanField(
                required=False,
                label=_("Publish it anyway: I know these details will be public"),
            )

    def clean_contact_details(self, cleaned_data: dict) -> None:
        if self.contact_details and not cleaned_data.get(CONFIRM_FIELD):
            shown = ", ".join(self.contact_details[:3])
            self.add_error(
                None,
                gettext(
                    "This will be public: it contains contact details (%(details)s). Remove "
                    "personal details, or tick the box to publish them anyway."
                )
                % {"details": shown},
            )


class BlogPostForm(
    LinkLimitMixin, StorableTextMixin, ContactDetailsCheckMixin, FormTokenMixin, forms.ModelForm
):
    cover = CoverImageField(
        label=_("Cover"), required=False,
        help_text=_("JPEG, PNG, WebP or GIF; up to 5 MB and 4000×4000 pixels. Saved without "
                    "its metadata (camera, place)."),
    )  # fmt: skip
    tags = TagField(
        label=_("Tags"),
        required=False,
        max_length=MAX_TAGS * (MAX_TAG_LENGTH + 2),
        help_text=format_lazy(
            _("Up to {count}, separated by commas, e.g. knee, physio, week 2."), count=MAX_TAGS
        ),
    )
    published_at = forms.DateTimeField(
        label=_("Publication time"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Empty: now. A future time schedules the post; it appears by itself then."),
    )

    class Meta:
        model = BlogPost
        fields = ["title", "body", "cover", "cover_alt", "tags", "article", "publication",
                  "published_at", "comments_enabled"]  # fmt: skip
        widgets = {"body": forms.Textarea(attrs=preview_attrs("post-preview"))}
        help_texts = {
            "body": _("Markdown: **bold**, *italic*, lists with -, links. The preview follows."),
            "article": _("Link your post to the procedure it is about, if any."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = Article.objects.published().only("title", "slug")
        self.fields["article"].empty_label = gettext("None")
        # Chosen by the button pressed ("Save draft" or "Publish"), never preselected.
        self.fields["publication"].required = False
        zone = timezone.get_current_timezone_name().replace("_", " ")
        self.fields["published_at"].label = gettext("Publication time (%(zone)s)") % {"zone": zone}
        if self.is_bound and self.data.get("publication") == BlogPost.Publication.PUBLISHED:
            self.add_contact_check(f"{self.data.get('title', '')}\n{self.data.get('body', '')}")
        else:
            self.contact_details = []

    def clean_publication(self) -> str:
        """No button named (Enter pressed in a browser that sends none, a script): a new
        post stays a draft and an existing one keeps its state; never an accidental
        publication."""
        return self.cleaned_data.get("publication") or self.instance.publication

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                ngettext(
                    "Please use at most %(count)d tag.", "Please use at most %(count)d tags.",
                    MAX_TAGS,
                ) % {"count": MAX_TAGS}
            )  # fmt: skip
        if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
            raise forms.ValidationError(
                gettext("A tag can have at most %(count)d characters.") % {"count": MAX_TAG_LENGTH}
            )
        for tag in tags:
            if not Tag().slugify(tag):  # its address (/blogs/tag/<slug>/) would be empty
                raise forms.ValidationError(
                    gettext("“%(tag)s” cannot be a tag: a tag needs at least one letter or digit.")
                    % {"tag": tag}
                )
        return tags

    def clean(self):
        cleaned_data = super().clean()
        cover = cleaned_data.get("cover")
        has_cover = cover if cover is not None else self.instance.cover
        if has_cover and not cleaned_data.get("cover_alt", "").strip():
            self.add_error(
                "cover_alt", gettext("Please describe the picture for people who cannot see it.")
            )
        self.clean_contact_details(cleaned_data)
        self._default_publication_time(cleaned_data)
        return cleaned_data

    def _default_publication_time(self, cleaned_data: dict) -> None:
        """Publishing with no time: keep the first publication's time, or now."""
        publishing = cleaned_data.get("publication") == BlogPost.Publication.PUBLISHED
        current = self.instance.published_at
        if current and cleaned_data.get("published_at") == current.replace(second=0, microsecond=0):
            cleaned_data["published_at"] = current  # the form shows minutes only
        if publishing and not cleaned_data.get("published_at"):
            was_published = self.instance.pk and not self.instance.is_draft
            cleaned_data["published_at"] = (
                self.instance.published_at if was_published else timezone.now()
            )


class CommentForm(
    LinkLimitMixin, StorableTextMixin, ContactDetailsCheckMixin, FormTokenMixin, forms.ModelForm
):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"body": _("Markdown. Be kind; this is public.")}

    # The composer's toolbar and image upload (templates/includes/composer.html).
    composer = {"images": True, "audience": "everyone"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_contact_check(self.data.get("body", "") if self.is_bound else "")

    def clean(self):
        cleaned_data = super().clean()
        self.clean_contact_details(cleaned_data)
        return cleaned_data


class BlogSettingsForm(StorableTextMixin, forms.ModelForm):
    class Meta:
        model = Blog
        fields = ["title", "description"]
        help_texts = {"description": _("A line about your blog, shown under its title.")}


class PreviewForm(StorableTextMixin, forms.Form):
    """What the live preview reads: the post as typed so far."""

    body = forms.CharField(required=False, strip=False, max_length=BODY_MAX_LENGTH)


class AutosaveForm(StorableTextMixin, forms.Form):
    """What autosave keeps: the draft's title and body, under the form's one-time token."""

    form_token = forms.UUIDField(required=False)
    title = forms.CharField(required=False, max_length=TITLE_MAX_LENGTH)
    body = forms.CharField(required=False, strip=False, max_length=BODY_MAX_LENGTH)
