"""Abstract bases every app shares, and the editable site pages (privacy, terms…)."""

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from portal.markdown import render_markdown
from portal.signals import content_moderated


class Timestamped(models.Model):
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Moderated(models.Model):
    """Member content that moderators can hide and restore, and authors can soft-delete.

    State changes go through the verb methods, which set the audit fields together and
    tell the moderation log (via the `content_moderated` signal).
    """

    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        HIDDEN = "hidden", "Hidden by a moderator"
        DELETED = "deleted", "Deleted by its author"

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)
    moderation_note = models.TextField(blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_hidden(self) -> bool:
        return self.status == self.Status.HIDDEN

    @property
    def is_deleted(self) -> bool:
        return self.status == self.Status.DELETED

    def hide(self, *, by, note: str = "") -> None:
        self._change_status(self.Status.HIDDEN, action="hide", by=by, note=note)

    def restore(self, *, by, note: str = "") -> None:
        self._change_status(self.Status.PUBLISHED, action="restore", by=by, note=note)

    def delete_by_author(self, *, by) -> None:
        """Soft delete: the row stays, shown as 'deleted by its author'."""
        self._change_status(self.Status.DELETED, action="delete", by=by, note="")

    def _change_status(self, status: str, *, action: str, by, note: str) -> None:
        with transaction.atomic():
            self.status = status
            self.moderated_by = by
            self.moderated_at = timezone.now()
            self.moderation_note = note
            self.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note"])
            self.on_status_changed()
            content_moderated.send(
                sender=type(self), instance=self, action=action, actor=by, note=note
            )

    def on_status_changed(self) -> None:
        """Hook for models that keep counters (a thread's reply count) in step."""


class SitePage(models.Model):
    """Pages editors maintain in the admin: privacy, terms, medical disclaimer, policies."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("site_page", args=[self.slug])


class SearchEntry(models.Model):
    """One searchable, publicly visible item: an article, thread, post, blog post, video, hero.

    Rows exist only for content everyone may see (scheduled items carry `visible_from`), so
    search can never leak drafts, hidden posts or pending nominations. The content apps are
    indexed through `portal.search_sources`. On PostgreSQL the migration adds a weighted
    `search_vector` column (titles A, other names B, bodies C) kept current by a trigger in
    the same transaction as the write, with a GIN index; SQLite has no such column.
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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "search entries"
        ordering = ["-visible_from"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_entry_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchSynonym(models.Model):
    """Medical synonyms and abbreviations that should find each other (TKR ↔ total knee
    replacement). Editors extend the list in the admin."""

    term = models.CharField(max_length=100, unique=True, help_text="e.g. TKR")
    synonyms = models.TextField(help_text="One per line, e.g. total knee replacement")
    history = HistoricalRecords()

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    @property
    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


class SearchWord(models.Model):
    """The vocabulary of titles and other names, for "did you mean …" (pg_trgm on PostgreSQL)."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word
