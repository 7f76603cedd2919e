"""The safety rules as data: phrases per level and language, the crisis lines per language
and country, and who reviewed each language's safety wording.

Editors change them in the admin, with history; saving a phrase runs the labelled corpus
first (safety.admin). The wording members see in a crisis (lines, reasons) is data per
language, not interface text: it is never in the translation catalogue."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from safety.rules import PhraseError, parse


class SafetyPhraseQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class SafetyPhrase(models.Model):
    class Level(models.TextChoices):
        CRISIS = "crisis", _("Crisis (suicide, self-harm, overdose intent)")
        EMERGENCY = "emergency", _("Emergency (call the emergency number now)")
        ADVICE = "advice", _("Advice (matches inside it do not count)")
        IDIOM = "idiom", _("Idiom (not meant literally; matches inside it do not count)")

    level = models.CharField(
        pgettext_lazy("safety", "level"), max_length=10, choices=Level.choices, db_index=True
    )
    language = models.CharField(
        pgettext_lazy("safety", "language"),
        max_length=10,
        default="en",
        help_text=_("Language code, e.g. en."),
    )
    phrase = models.CharField(
        pgettext_lazy("safety", "phrase"),
        max_length=500,
        help_text=_(
            "Words matched on their stems. a|b: either word; pain*: any word starting "
            "so; * or *N: up to 3 (or N, at most 10) words between; $ last: the clause ends; "
            "A && B: both anywhere in the text. Accents do not matter; in Spanish, a pronoun "
            "joined to a verb is a word of its own (write matar me for matarme)."
        ),
    )
    reason = models.CharField(
        pgettext_lazy("safety", "reason"),
        max_length=300,
        blank=True,
        help_text=_(
            "Emergency phrases: why this is an emergency, shown to the member "
            "(e.g. chest pain after surgery can be a blood clot in the lung)."
        ),
    )
    is_active = models.BooleanField(pgettext_lazy("safety", "active"), default=True)
    updated_at = models.DateTimeField(pgettext_lazy("safety", "updated"), auto_now=True)
    history = HistoricalRecords()

    objects = SafetyPhraseQuerySet.as_manager()

    class Meta:
        verbose_name = _("safety phrase")
        verbose_name_plural = _("safety phrases")
        ordering = ["language", "level", "phrase"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "level", "phrase"], name="safety_phrase_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display().split(' (')[0]}: {self.phrase}"

    def clean(self):
        try:
            parse(self.phrase, self.language)
        except PhraseError as error:
            raise ValidationError({"phrase": str(error)}) from error
        if self.level == self.Level.EMERGENCY and not self.reason.strip():
            raise ValidationError({"reason": _("Say why this is an emergency: members see it.")})


class CrisisLine(models.Model):
    """A line people can call or text in a crisis, shown on the crisis notice and page to
    readers of its language (safety.lines picks them by the reader's country)."""

    country = models.CharField(
        pgettext_lazy("safety", "country"),
        max_length=80,
        blank=True,
        help_text=_('Where it answers, as readers of its language name it, e.g. "United States".'),
    )
    countries = models.CharField(
        _("country codes"),
        max_length=80,
        blank=True,
        help_text=_(
            "Where it answers, as ISO codes separated by commas, e.g. GB, IE. Readers in one "
            "of these countries see it first; empty: everywhere."
        ),
    )
    language = models.CharField(
        pgettext_lazy("safety", "language"),
        max_length=10,
        default="en",
        help_text=_("Language code, e.g. en."),
    )
    name = models.CharField(pgettext_lazy("safety", "name"), max_length=120)
    phone = models.CharField(
        pgettext_lazy("safety", "phone"),
        max_length=40,
        blank=True,
        help_text=_("To call, as people dial it."),
    )
    text = models.CharField(
        pgettext_lazy("safety", "text"),
        max_length=80,
        blank=True,
        help_text=_('What to text, e.g. "988" or "SHOUT to 85258".'),
    )
    hours = models.CharField(
        pgettext_lazy("safety", "hours"),
        max_length=120,
        blank=True,
        help_text=_('e.g. "24 hours, every day".'),
    )
    url = models.URLField(pgettext_lazy("safety", "website"), blank=True)
    note = models.CharField(pgettext_lazy("safety", "note"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(pgettext_lazy("safety", "position"), default=0)
    is_active = models.BooleanField(pgettext_lazy("safety", "active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("crisis line")
        verbose_name_plural = _("crisis lines")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})" if self.country else self.name

    @property
    def tel(self) -> str:
        """The number for a tel: link (digits and a leading +)."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")

    @property
    def country_codes(self) -> frozenset:
        return frozenset(code.strip().upper() for code in self.countries.split(",") if code.strip())


class SafetyReview(models.Model):
    """Who reviewed a language's safety wording (the crisis page, crisis lines, notices and
    phrases), like an article's reviewer: shown on that language's crisis page."""

    language = models.CharField(
        pgettext_lazy("safety", "language"),
        max_length=10,
        unique=True,
        help_text=_("Language code, e.g. es."),
    )
    reviewer_name = models.CharField(_("reviewer name"), max_length=200)
    reviewer_credentials = models.CharField(
        _("reviewer credentials"), max_length=200, blank=True
    )  # fmt: skip
    last_reviewed_on = models.DateField(_("last reviewed on"))
    next_review_due_on = models.DateField(_("next review due on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("safety review")
        verbose_name_plural = _("safety reviews")
        ordering = ["language"]

    def __str__(self) -> str:
        return f"{self.language}: {self.reviewer_display} ({self.last_reviewed_on})"

    @property
    def reviewer_display(self) -> str:
        credentials = f", {self.reviewer_credentials}" if self.reviewer_credentials else ""
        return f"{self.reviewer_name}{credentials}"

    @property
    def is_overdue(self) -> bool:
        return bool(self.next_review_due_on and self.next_review_due_on < timezone.localdate())
