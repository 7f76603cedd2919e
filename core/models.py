"""Abstract bases every app shares, and the editable site pages (privacy, terms…)."""

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import render_markdown


class Timestamped(models.Model):
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Moderated(models.Model):
    """Member content that moderators can hide and restore, and authors can soft-delete.

    "Visible" is the moderation state only; whether something is published (a blog draft,
    a scheduled post) is each app's own editorial notion. The verbs change the state and
    its audit fields together; `moderation.services` calls them and writes the log.
    """

    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by a moderator")
        DELETED = "deleted", _("Deleted by its author")
        # A new member's first posts wait for a moderator (accounts.limits.is_held_for_review).
        HELD = "held", _("Held for review")

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.VISIBLE, db_index=True
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
    def is_visible(self) -> bool:
        return self.status == self.Status.VISIBLE

    @property
    def is_hidden(self) -> bool:
        return self.status == self.Status.HIDDEN

    @property
    def is_deleted(self) -> bool:
        return self.status == self.Status.DELETED

    @property
    def is_held(self) -> bool:
        return self.status == self.Status.HELD

    def hide(self, *, by, note: str = "") -> None:
        self._change_status(self.Status.HIDDEN, by=by, note=note)

    def restore(self, *, by, note: str = "") -> None:
        self._change_status(self.Status.VISIBLE, by=by, note=note)

    def approve(self, *, by, note: str = "") -> None:
        """Publish what was held for review."""
        self._change_status(self.Status.VISIBLE, by=by, note=note)

    def reject(self, *, by, note: str = "") -> None:
        """Held content a moderator refused: hidden, with the reason its author reads."""
        self._change_status(self.Status.HIDDEN, by=by, note=note)

    def delete_by_author(self, *, by) -> None:
        """Soft delete: the row stays, shown as 'deleted by its author'."""
        self._change_status(self.Status.DELETED, by=by, note="")

    def _change_status(self, status: str, *, by, note: str) -> None:
        with transaction.atomic():
            self.status = status
            self.moderated_by = by
            self.moderated_at = timezone.now()
            self.moderation_note = note
            self.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note"])
            self.on_status_changed()

    def on_status_changed(self) -> None:
        """Hook for models that keep counters (a thread's reply count) in step."""


class SitePageQuerySet(models.QuerySet):
    def for_language(self, slug: str, language: str) -> "SitePage | None":
        """The page in `language`, else in the default language (English), else None."""
        pages = {page.language: page for page in self.filter(slug=slug)}
        return pages.get(language) or pages.get(settings.LANGUAGE_CODE)


class SitePage(models.Model):
    """Pages editors maintain in the admin: privacy, terms, medical disclaimer, policies.
    One row per language of a page (same slug); a language without its row shows the
    English one (portal.views.site_page)."""

    slug = models.SlugField(_("slug"))
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_default=settings.LANGUAGE_CODE,  # rows written by older data migrations
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        db_default=False,
        help_text=_("Demo content, not the site's own text."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(table_name="portal_historicalsitepage")

    objects = SitePageQuerySet.as_manager()

    class Meta:
        db_table = "portal_sitepage"  # the table predates the shared layer
        ordering = ["title"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        constraints = [
            models.UniqueConstraint(fields=["slug", "language"], name="one_site_page_per_language")
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("site_page", args=[self.slug])


def member_image_path(image: "MemberImage", filename: str) -> str:
    # Never served by the public /media/ view (portal.views.media_file refuses this prefix):
    # an image follows the reading rules of what it is posted in (portal.views.member_image).
    return f"{MEMBER_IMAGE_PREFIX}{image.key.hex}.jpg"


MEMBER_IMAGE_PREFIX = "member-images/"


class MemberImage(models.Model):
    """An image a member uploaded from a composer (a forum post, a blog comment), stored
    re-encoded without metadata (core.images). Private to its owner until it is posted:
    then `scope` names what it was posted in ("forums.thread:12", "blogs.post:3") and the
    image is shown to whoever may read that."""

    key = models.UUIDField(unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="images"
    )
    file = models.FileField(upload_to=member_image_path, max_length=200)
    alt_text = models.CharField(max_length=300)
    scope = models.CharField(max_length=60, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="image_by_owner")]

    def __str__(self) -> str:
        return f"{self.key.hex} by {self.owner_id}"

    def get_absolute_url(self) -> str:
        return reverse("member_image", args=[self.key.hex])


class Draft(models.Model):
    """What a member was writing in a composer, saved as they type and offered again when
    they come back; deleted when they post it or discard it. `key` names the composer
    ("forums.thread:12" for a reply, "forums.forum:3" for a new thread)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    key = models.CharField(max_length=60)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_draft_per_composer")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.key}"


class PendingTask(models.Model):
    """A background task the queue refused (TASKS_BACKEND=rq while Redis is unreachable),
    kept in the database until `core.queueing.flush_pending_tasks` queues it again: the
    write that asked for it has committed, so its email or fan-out must not be lost."""

    task_path = models.CharField(_("task"), max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    run_after = models.DateTimeField(_("run after"), null=True, blank=True)
    error = models.TextField(_("why it could not be queued"), blank=True)
    created_at = models.DateTimeField(_("kept at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("task waiting for the queue")
        verbose_name_plural = _("tasks waiting for the queue")

    def __str__(self) -> str:
        return self.task_path
