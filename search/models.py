"""The search index: one row per publicly visible item, the synonyms editors keep, and the
vocabulary "did you mean" suggests from."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from search.languages import DEFAULT as DEFAULT_LANGUAGE


class SearchEntryManager(models.Manager):
    def get_queryset(self):
        # The vector is the database's own business (the trigger writes it, queries read it
        # in SQL); loading it into Python would only cost time.
        return super().get_queryset().defer("search_vector")


class Audience(models.TextChoices):
    """Who may find an entry: everyone, or signed-in members (members-only forum threads)."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members")


class SearchEntry(models.Model):
    """One searchable, published item: an article, thread, post, blog post, video, hero.

    Rows exist only for content its audience may see (scheduled items carry `visible_from`;
    members-only threads have the members' audience), so search can never leak drafts,
    hidden posts or pending nominations, and a visitor's search reads only public rows. The content apps are
    indexed through `search.indexing`, from each app's `search.py`. On PostgreSQL
    `search_vector` holds the weighted document (titles A, other names B, bodies C), kept
    current by a trigger in the same transaction as the write, with a GIN index (migration
    portal 0003), stemmed in the entry's `language` (`search.languages`); on SQLite the
    column stays empty and search matches the text fields.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=300)
    other_names = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    body_part_slug = models.CharField(max_length=50, blank=True, db_index=True)
    visible_from = models.DateTimeField(default=timezone.now, db_index=True)
    audience = models.CharField(
        max_length=10, choices=Audience.choices, default=Audience.PUBLIC, db_index=True
    )
    # A code of settings.LANGUAGES (no choices: a new language needs no migration here).
    language = models.CharField(max_length=8, default=DEFAULT_LANGUAGE)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SearchEntryManager()

    class Meta:
        db_table = "portal_searchentry"  # the tables predate the search app
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        ordering = ["-visible_from"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_entry_per_item")
        ]
        indexes = [
            # The reader's language first: its most recent matches are ranked first.
            models.Index(fields=["language", "-visible_from"], name="searchentry_language_recent")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchSynonym(models.Model):
    """Medical synonyms and abbreviations that should find each other (TKR ↔ total knee
    replacement; LCA ↔ ligamento cruzado anterior), per language: a search expands the
    words with the synonyms of each entry's language. Editors extend the list in the admin."""

    term = models.CharField(_("term"), max_length=100, help_text=_("For example, TKR"))
    synonyms = models.TextField(
        _("synonyms"), help_text=_("One per line, for example total knee replacement")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=DEFAULT_LANGUAGE
    )
    history = HistoricalRecords(table_name="portal_historicalsearchsynonym")

    class Meta:
        db_table = "portal_searchsynonym"
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["term", "language"], name="one_synonym_per_language")
        ]

    def __str__(self) -> str:
        return self.term

    @property
    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


class SearchWord(models.Model):
    """The vocabulary of titles and other names, for "did you mean …" (pg_trgm on PostgreSQL),
    per audience: a word only members-only titles use is never suggested to visitors."""

    word = models.CharField(max_length=60)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.PUBLIC)

    class Meta:
        db_table = "portal_searchword"
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        ordering = ["word"]
        constraints = [
            models.UniqueConstraint(fields=["word", "audience"], name="one_word_per_audience")
        ]

    def __str__(self) -> str:
        return self.word
