from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import render_inline_markdown, render_markdown
from core.roles import is_staff_member


def validate_body_part_translations(value) -> None:
    """{"es": {"name": "…", "description": "…"}}: a language we serve, and text only."""
    languages = dict(settings.LANGUAGES)
    if not isinstance(value, dict):
        raise ValidationError(_("Give an object keyed by language code."))
    for language, fields in value.items():
        if language not in languages or not isinstance(fields, dict):
            raise ValidationError(
                _("“%(language)s” is not one of the site's languages with its fields."),
                params={"language": language},
            )
        if set(fields) - {"name", "description"} or not all(
            isinstance(text, str) for text in fields.values()
        ):
            raise ValidationError(_("Only a name and a description, as text."))


class BodyPart(models.Model):
    """The taxonomy every procedure (and so every forum, video and hero) hangs off."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    description = models.CharField(_("description"), max_length=300, blank=True)
    translations = models.JSONField(
        _("translations"), default=dict, blank=True,
        validators=[validate_body_part_translations],
        help_text=_('The name and description in other languages, by language code: '
                    '{"es": {"name": "Rodilla", "description": "…"}}.'),
    )  # fmt: skip

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("body part")
        verbose_name_plural = _("body parts")

    def __str__(self) -> str:
        return self.local_name

    def get_absolute_url(self) -> str:
        return reverse("articles:list") + f"?body_part={self.slug}"

    def _translated(self, field: str) -> str:
        """The field in the reader's language, else as stored (English)."""
        translated = self.translations.get(translation.get_language()) or {}
        return translated.get(field) or getattr(self, field)

    @property
    def local_name(self) -> str:
        return self._translated("name")

    @property
    def local_description(self) -> str:
        return self._translated("description")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def visible_to(self, user):
        """Editors and moderators also see drafts; everyone else sees published articles."""
        return self if is_staff_member(user) else self.published()

    def review_overdue(self, today=None):
        return self.filter(next_review_due_on__lt=today or timezone.localdate())

    def readable_in(self, language: str):
        """What a reader of `language` is offered: the articles written in it, and the
        originals that have no published translation in it yet (shown in their own
        language)."""
        translated = (
            Article.objects.published()
            .filter(language=language)
            .annotate(group=Coalesce("translation_of_id", "pk"))
            .values("group")
        )
        return self.filter(
            Q(language=language) | Q(translation_of__isnull=True) & ~Q(pk__in=translated)
        )

    def for_reader(self, language: str):
        """These articles as a reader of `language` is offered them: each one's version in
        that language when there is one (videos and heroes link to one version)."""
        ids = self.values("pk")
        family = Q(pk__in=ids) | Q(translation_of__in=ids) | Q(translations__in=ids)
        return Article.objects.filter(family).distinct().readable_in(language)

    def with_versions(self, article_ids):
        """These articles and their published versions in the other languages (the original
        and its translations are one group)."""
        ids = list(article_ids)
        groups = Article.objects.filter(pk__in=ids).values(
            group=Coalesce("translation_of_id", "pk")
        )
        versions = self.published().annotate(group=Coalesce("translation_of_id", "pk"))
        return self.filter(Q(pk__in=ids) | Q(pk__in=versions.filter(group__in=groups).values("pk")))


class Section(models.TextChoices):
    """The article's headed sections, in page order: their anchors (#why-done…) make the
    table of contents, and an illustration is placed at the end of one of them."""

    SUMMARY = "what-it-is", _("What it is")
    WHY_DONE = "why-done", _("Why it is done")
    DESCRIPTION = "description", _("Detailed description")
    RECOVERY = "stay-and-recovery", _("Stay and recovery")
    CARE = "care-at-home", _("Caring for yourself at home")
    RESTRICTIONS = "restrictions", _("Activity restrictions")
    RISKS = "risks", _("Risks")
    MEDICINES = "medicines", _("Medicines")


# Markdown source field -> cached sanitised HTML field, rendered on save.
MARKDOWN_FIELDS = ("summary", "why_done", "description", "restrictions", "risks", "medicines",
                   "sources")  # fmt: skip


class Article(models.Model):
    """A procedure article in one language. A translation points to the original
    (`translation_of`); the original and its translations are one group, at most one
    article per language. Slugs are unique across languages, so an address names one
    article: a translation has its own slug (osteotomia-de-rodilla)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
        db_index=True,
    )  # fmt: skip
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="translations",
        limit_choices_to={"translation_of__isnull": True},
        help_text=_("For a translation: the original article. Empty for an original."),
    )
    body_part = models.ForeignKey(
        BodyPart, verbose_name=_("body part"), on_delete=models.PROTECT, related_name="articles"
    )
    other_names = models.TextField(
        _("also known as"), blank=True, help_text=_("One name per line, e.g. bone realignment.")
    )
    specialist = models.CharField(
        _("performed by"), max_length=200, blank=True, help_text=_("e.g. Orthopedic surgeon")
    )
    summary = models.TextField(_("summary"), help_text=_("What it is. Markdown."))
    why_done = models.TextField(_("why it is done"), blank=True, help_text=_("Markdown."))
    description = models.TextField(_("detailed description"), blank=True, help_text=_("Markdown."))
    hospital_stay_min_days = models.PositiveSmallIntegerField(
        _("hospital stay, fewest days"), null=True, blank=True
    )
    hospital_stay_max_days = models.PositiveSmallIntegerField(
        _("hospital stay, most days"), null=True, blank=True
    )
    home_recovery_min_weeks = models.PositiveSmallIntegerField(
        _("recovery at home, fewest weeks"), null=True, blank=True
    )
    home_recovery_max_weeks = models.PositiveSmallIntegerField(
        _("recovery at home, most weeks"), null=True, blank=True
    )
    home_recovery_note = models.CharField(
        _("recovery at home, note"), max_length=200, blank=True,
        help_text=_('e.g. "depending on surgery"'),
    )  # fmt: skip
    restrictions = models.TextField(
        _("activity restrictions"), blank=True, help_text=_("Markdown.")
    )
    restriction_min_months = models.PositiveSmallIntegerField(
        _("restrictions, fewest months"), null=True, blank=True
    )
    restriction_max_months = models.PositiveSmallIntegerField(
        _("restrictions, most months"), null=True, blank=True
    )
    risks = models.TextField(_("risks"), blank=True, help_text=_("Markdown."))
    medicines = models.TextField(_("medicines"), blank=True, help_text=_("Markdown."))
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("Markdown: references, one per line.")
    )
    summary_html = models.TextField(editable=False, blank=True)
    why_done_html = models.TextField(editable=False, blank=True)
    description_html = models.TextField(editable=False, blank=True)
    restrictions_html = models.TextField(editable=False, blank=True)
    risks_html = models.TextField(editable=False, blank=True)
    medicines_html = models.TextField(editable=False, blank=True)
    sources_html = models.TextField(editable=False, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text=_("A verified surgeon's account, or fill in the name below."),
    )
    reviewer_name = models.CharField(_("name of the reviewer"), max_length=200, blank=True)
    reviewer_credentials = models.CharField(
        _("the reviewer's credentials"), max_length=200, blank=True
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    next_review_due_on = models.DateField(
        _("next review due on"), null=True, blank=True, db_index=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )
    is_demo = models.BooleanField(
        _("demo"), default=False, help_text=_("Demo content, not medical advice.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["status", "title"], name="article_status_title")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hospital_stay_max_days__gte=models.F("hospital_stay_min_days"))
                | Q(hospital_stay_max_days__isnull=True)
                | Q(hospital_stay_min_days__isnull=True),
                name="hospital_stay_range",
            ),
            models.CheckConstraint(
                condition=Q(home_recovery_max_weeks__gte=models.F("home_recovery_min_weeks"))
                | Q(home_recovery_max_weeks__isnull=True)
                | Q(home_recovery_min_weeks__isnull=True),
                name="home_recovery_range",
            ),
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="article_one_translation_per_language"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        for name in MARKDOWN_FIELDS:
            setattr(self, f"{name}_html", render_markdown(getattr(self, name)))
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The article's page in the language of the page that links to it."""
        return reverse("articles:detail", args=[self.slug])

    def canonical_url(self) -> str:
        """The article's page in its own language (hreflang, sitemap, "Leer en español")."""
        with translation.override(self.language):
            return self.get_absolute_url()

    def clean(self):
        original = self.translation_of
        if original is None:
            return
        if original.translation_of_id is not None:
            raise ValidationError(
                {"translation_of": _("Choose the original article, not one of its translations.")}
            )
        if original.language == self.language:
            raise ValidationError(
                {"translation_of": _("A translation is in another language than its original.")}
            )

    @property
    def group_id(self) -> int:
        """The original's id: the same for an article and all its translations."""
        return self.translation_of_id or self.pk

    def family(self) -> "ArticleQuerySet":
        """The original and its translations, this article included."""
        return Article.objects.filter(Q(pk=self.group_id) | Q(translation_of_id=self.group_id))

    def published_translations(self) -> dict[str, "Article"]:
        """language -> the published article of this group in it, this one included."""
        family = self.family().published().only("slug", "language", "title", "translation_of")
        return {article.language: article for article in family}

    def translation_in(self, language: str) -> "Article | None":
        if language == self.language:
            return self
        return self.published_translations().get(language)

    def publish(self) -> None:
        self.status = self.Status.PUBLISHED
        self.save()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def other_names_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.splitlines() if name.strip()]

    @property
    def is_review_overdue(self) -> bool:
        return bool(self.next_review_due_on and self.next_review_due_on < timezone.localdate())

    @property
    def reviewer_display(self) -> str:
        if self.reviewer_id and not self.reviewer_name:
            return self.reviewer.public_name
        credentials = f", {self.reviewer_credentials}" if self.reviewer_credentials else ""
        return f"{self.reviewer_name}{credentials}" if self.reviewer_name else ""

    def sections(self) -> list[tuple[str, str]]:
        """The (anchor, heading) pairs of the sections this article has, in page order:
        the table of contents. The article body template shows the same ones."""
        present = {
            Section.SUMMARY: True,
            Section.WHY_DONE: bool(self.why_done_html),
            Section.DESCRIPTION: bool(self.description_html),
            Section.RECOVERY: True,
            Section.CARE: bool(self.care_instructions.all()),
            Section.RESTRICTIONS: bool(self.restrictions_html),
            Section.RISKS: bool(self.risks_html),
            Section.MEDICINES: bool(self.medicines_html),
        }
        return [(section.value, section.label) for section in Section if present[section]]

    @property
    def has_timeline(self) -> bool:
        return any(
            value is not None
            for value in (
                self.hospital_stay_max_days,
                self.home_recovery_max_weeks,
                self.restriction_max_months,
            )
        )


def default_version(versions) -> Article:
    """Of an article's versions, the one for readers of no language we have (hreflang
    x-default): the one in the default language, else the original, else any."""
    versions = list(versions)
    for article in versions:
        if article.language == settings.LANGUAGE_CODE:
            return article
    originals = [article for article in versions if article.translation_of_id is None]
    return (originals or versions)[0]


class OrderedArticleItem(models.Model):
    """One line of an ordered list inside an article, edited inline in the admin."""

    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("text"), max_length=500, help_text=_("Markdown, one line."))
    text_html = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.text_html = render_inline_markdown(self.text)
        super().save(*args, **kwargs)


class CareInstruction(OrderedArticleItem):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="care_instructions")
    history = HistoricalRecords()

    class Meta(OrderedArticleItem.Meta):
        verbose_name = _("care instruction")
        verbose_name_plural = _("care instructions")


class WarningSignQuerySet(models.QuerySet):
    def for_articles(self, article_ids):
        """The signs a post about these procedure articles is checked for: theirs and those
        of their versions in the other languages, as every language's phrases check every
        text (a Spanish speaker writes on a thread about the English original)."""
        articles = Article.objects.with_versions(article_ids).values("pk")
        return self.filter(article__in=articles).exclude(keywords="")


class WarningSign(OrderedArticleItem):
    """A "see your doctor if" sign; forum posts that mention it get the safety prompt."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="warning_signs")
    keywords = models.CharField(
        _("keywords"),
        max_length=300,
        blank=True,
        help_text=_(
            "Comma-separated words that, in a member's post, suggest this sign "
            "(e.g. fever, temperature)."
        ),
    )
    history = HistoricalRecords()

    objects = WarningSignQuerySet.as_manager()

    class Meta(OrderedArticleItem.Meta):
        verbose_name = _("warning sign")
        verbose_name_plural = _("warning signs")

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip().lower() for word in self.keywords.split(",") if word.strip()]


class Illustration(models.Model):
    """A picture in the article, shown at the end of the section the editor chooses. The
    file is re-encoded without metadata on upload (articles.forms.IllustrationForm)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="illustrations")
    section = models.CharField(
        _("section"), max_length=20, choices=Section.choices, default=Section.SUMMARY,
        help_text=_("Shown at the end of this section of the article."),
    )  # fmt: skip
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order among the pictures of the same section.")
    )
    image = models.ImageField(
        _("image"),
        upload_to="articles/illustrations/%Y/%m/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt_text = models.CharField(
        _("description"), max_length=250,
        help_text=_("What the picture shows, for people who cannot see it (read aloud)."),
    )  # fmt: skip
    caption = models.CharField(
        _("caption"), max_length=300, blank=True, help_text=_("Shown under the picture.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("illustration")
        verbose_name_plural = _("illustrations")
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="illustration_has_alt"),
        ]

    def __str__(self) -> str:
        return self.alt_text


FEEDBACK_COMMENT_MAX_LENGTH = 1000


class ArticleFeedback(models.Model):
    """One reader's answer to "Was this page helpful?". Anonymous: no account, no IP kept.
    The form's one-time token makes a double submit one row."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(
        _("comment"),
        blank=True,
        max_length=FEEDBACK_COMMENT_MAX_LENGTH,
        validators=[MaxLengthValidator(FEEDBACK_COMMENT_MAX_LENGTH)],
    )
    form_token = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField(
        _("sent at"), default=timezone.now, editable=False, db_index=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")

    def __str__(self) -> str:
        answer = _("Helpful") if self.helpful else _("Not helpful")
        return f"{answer}: {self.article}"
