"""The safety rules as data: phrases per level and language, and the crisis lines.

Editors change them in the admin, with history; saving a phrase runs the labelled corpus
first (safety.admin)."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from safety.rules import PhraseError, parse


class SafetyPhraseQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class SafetyPhrase(models.Model):
    class Level(models.TextChoices):
        CRISIS = "crisis", "Crisis (suicide, self-harm, overdose intent)"
        EMERGENCY = "emergency", "Emergency (call the emergency number now)"
        ADVICE = "advice", "Advice (matches inside it do not count)"
        IDIOM = "idiom", "Idiom (not meant literally; matches inside it do not count)"

    level = models.CharField(max_length=10, choices=Level.choices, db_index=True)
    language = models.CharField(max_length=10, default="en", help_text="Language code, e.g. en.")
    phrase = models.CharField(
        max_length=500,
        help_text="Words matched on their stems. a|b: either word; pain*: any word starting "
        "so; * or *N: up to 3 (or N, at most 10) words between; $ last: the clause ends; "
        "A && B: both anywhere in the text.",
    )
    reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Emergency phrases: why this is an emergency, shown to the member "
        "(e.g. chest pain after surgery can be a blood clot in the lung).",
    )
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = SafetyPhraseQuerySet.as_manager()

    class Meta:
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
            parse(self.phrase)
        except PhraseError as error:
            raise ValidationError({"phrase": str(error)}) from error
        if self.level == self.Level.EMERGENCY and not self.reason.strip():
            raise ValidationError({"reason": "Say why this is an emergency: members see it."})


class CrisisLine(models.Model):
    """A line people can call or text in a crisis, shown on the crisis notice and page."""

    country = models.CharField(
        max_length=80, blank=True, help_text='Where it answers, e.g. "United States"; empty: '
        "everywhere."
    )  # fmt: skip
    language = models.CharField(max_length=10, default="en", help_text="Language code, e.g. en.")
    name = models.CharField(max_length=120)
    phone = models.CharField(max_length=40, blank=True, help_text="To call, as people dial it.")
    text = models.CharField(
        max_length=80, blank=True, help_text='What to text, e.g. "988" or "SHOUT to 85258".'
    )
    hours = models.CharField(max_length=120, blank=True, help_text='e.g. "24 hours, every day".')
    url = models.URLField(blank=True)
    note = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})" if self.country else self.name

    @property
    def tel(self) -> str:
        """The number for a tel: link (digits and a leading +)."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")
