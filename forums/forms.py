from django import forms
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.forms import LinkLimitMixin
from articles.models import Article
from core.forms import FormTokenMixin, StorableTextMixin
from forums.models import BODY_MAX_LENGTH, Forum, Post, RecoveryRecord, Thread
from safety.contacts import contact_details

CONTACT_PROMPT = _(
    "This will be public — remove personal details? We found what looks like contact "
    "details (%(found)s). Anyone can read forum posts. Remove them, or tick the box below "
    "to post anyway."
)


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your message"))
        kwargs.setdefault("help_text", _("Markdown works: **bold**, *italic*, > quote, lists."))
        super().__init__(
            widget=forms.Textarea(attrs={"rows": 8}),
            max_length=BODY_MAX_LENGTH,
            strip=True,
            **kwargs,
        )


class ContactCheckMixin:
    """Emails and phone numbers prompt a confirmation before the post goes public."""

    def _setup_contact_check(self, check_url: str):
        self.fields["publish_anyway"] = forms.BooleanField(
            required=False,
            label=_("Post it anyway: I know these details will be public"),
            widget=forms.HiddenInput,
        )
        body = self.fields["body"]
        body.widget.attrs.update(
            {
                "hx-post": check_url,
                "hx-trigger": "input changed delay:800ms",
                "hx-target": "#post-check",
                "hx-swap": "innerHTML",
                "aria-describedby": "post-check",
            }
        )
        typed = self.data.get(self.add_prefix("body"), "") if self.data else ""
        if len(typed) <= BODY_MAX_LENGTH and contact_details(typed):
            self.fields["publish_anyway"].widget = forms.CheckboxInput()

    def clean(self):
        cleaned = super().clean()
        found = contact_details(cleaned.get("body", ""))
        if found and not cleaned.get("publish_anyway"):
            raise forms.ValidationError(CONTACT_PROMPT % {"found": ", ".join(found[:3])})
        return cleaned


class ReplyForm(
    LinkLimitMixin, StorableTextMixin, ContactCheckMixin, FormTokenMixin, forms.ModelForm
):
    body = BodyField()

    class Meta:
        model = Post
        fields = ["body"]

    def __init__(self, *args, thread: Thread, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_contact_check(reverse("forums:post_check") + f"?thread={thread.pk}")


class ThreadForm(
    LinkLimitMixin, StorableTextMixin, ContactCheckMixin, FormTokenMixin, forms.ModelForm
):
    body = BodyField(label=_("Your first post"))

    class Meta:
        model = Thread
        fields = ["title", "article", "body", "members_only", "title_public"]
        labels = {
            "title": _("Title"),
            "article": _("Procedure (optional)"),
            "members_only": _("Members only"),
            "title_public": _("Show the title to visitors"),
        }
        help_texts = {
            "article": _("Which procedure is this about? Others can find it by it."),
            "members_only": _(
                "Only signed-in members can read this thread: visitors, search "
                "engines and the public search do not see it."
            ),
            "title_public": _(
                "For a members-only thread: visitors see the title (never the "
                "posts or who wrote them). Leave it unticked if the title is personal."
            ),
        }

    def __init__(self, *args, forum: Forum, **kwargs):
        super().__init__(*args, **kwargs)
        articles = Article.objects.published().filter(forums=forum)
        if forum.body_part_id:
            articles = (
                Article.objects.published().filter(body_part_id=forum.body_part_id) | articles
            )
        readable = articles.readable_in(get_language())  # the reader's version of each
        self.fields["article"].queryset = readable.distinct().order_by("title")
        self.fields["article"].empty_label = _("Not about one procedure")
        if forum.members_only:  # every thread here is members-only, its title too
            del self.fields["members_only"], self.fields["title_public"]
        self._setup_contact_check(reverse("forums:post_check") + f"?forum={forum.pk}")


class PostEditForm(LinkLimitMixin, StorableTextMixin, ContactCheckMixin, forms.ModelForm):
    body = BodyField()

    class Meta:
        model = Post
        fields = ["body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        check_url = reverse("forums:post_check") + f"?thread={self.instance.thread_id}"
        self._setup_contact_check(check_url)


class MoveThreadForm(StorableTextMixin, forms.Form):
    forum = forms.ModelChoiceField(queryset=Forum.objects.all(), label=_("Move to forum"))
    note = forms.CharField(label=_("Reason (optional)"), required=False, max_length=300)


class CheckForm(StorableTextMixin, forms.Form):
    """What the live check reads: the message as typed so far."""

    body = forms.CharField(required=False, strip=False, max_length=BODY_MAX_LENGTH)


class RecoveryRecordForm(StorableTextMixin, forms.ModelForm):
    class Meta:
        model = RecoveryRecord
        fields = ["article", "surgery_date", "is_public"]
        labels = {"article": _("Procedure"), "surgery_date": _("Date of surgery")}
        widgets = {"surgery_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["article"].queryset = (
            Article.objects.published().readable_in(get_language()).order_by("title")
        )

    def clean(self):
        cleaned = super().clean()
        exists = RecoveryRecord.objects.filter(
            user=self.user,
            article=cleaned.get("article"),
            surgery_date=cleaned.get("surgery_date"),
        ).exists()
        if exists:
            raise forms.ValidationError(_("You have already recorded this surgery."))
        return cleaned
