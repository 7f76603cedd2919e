import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import render_markdown
from videos import embeds, timecodes, uploads
from videos.permissions import can_view_unpublished_videos


class VideoQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Video.Status.PUBLISHED)

    def visible_to(self, user):
        """Editors and moderators also see drafts; everyone else sees published videos."""
        return self if can_view_unpublished_videos(user) else self.published()

    def featured(self):
        return self.filter(is_featured=True).order_by("featured_order", *PUBLISHED_ORDER)

    def for_body_part(self, body_part):
        """Videos related to at least one article about this body part."""
        ids = Video.related_articles.through.objects.filter(article__body_part=body_part)
        return self.filter(pk__in=ids.values("video_id"))


PUBLISHED_ORDER = (F("published_at").desc(nulls_last=True), "pk")


class Video(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Provider(models.TextChoices):
        UPLOAD = "", _("Uploaded file")
        YOUTUBE = embeds.YOUTUBE, "YouTube"
        VIMEO = embeds.VIMEO, "Vimeo"

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(
        _("summary"), help_text=_("What the video shows, in a sentence or two. Markdown.")
    )
    summary_html = models.TextField(editable=False, blank=True)
    source_url = models.CharField(
        _("YouTube or Vimeo link"),
        max_length=300,
        blank=True,
        help_text=format_lazy(
            _("Accepted: {shapes}. Leave empty for an uploaded file."),
            shapes=embeds.ACCEPTED_SHAPES,
        ),
    )
    provider = models.CharField(
        _("provider"), max_length=10, choices=Provider.choices, blank=True, editable=False
    )
    provider_video_id = models.CharField(_("provider's video id"), max_length=20, blank=True,
                                         editable=False)  # fmt: skip
    video_file = models.FileField(
        _("video file"),
        upload_to="videos/files/",
        blank=True,
        validators=[uploads.validate_video_file],
        help_text=_("MP4 or WebM, instead of a link. Up to 500 MB."),
    )
    poster = models.ImageField(
        _("poster"),
        upload_to="videos/posters/",
        blank=True,
        validators=[uploads.validate_poster],
        help_text=_(
            "JPEG, PNG or WebP, 16:9 (e.g. 1280×720). Required for YouTube and Vimeo "
            "videos: we never load the provider's own thumbnail."
        ),
    )
    poster_alt = models.CharField(
        _("poster alt text"), max_length=200, blank=True, help_text=_("What the poster shows.")
    )
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("mm:ss or h:mm:ss")
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("Everything said and shown. Required to publish. Markdown."),
    )
    transcript_html = models.TextField(editable=False, blank=True)
    captions = models.FileField(
        _("captions"),
        upload_to="videos/captions/",
        blank=True,
        validators=[uploads.validate_captions],
        help_text=_("WebVTT captions (.vtt), for uploaded files only."),
    )
    related_articles = models.ManyToManyField(
        "articles.Article", related_name="videos", blank=True, verbose_name=_("related articles")
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )
    featured_order = models.PositiveSmallIntegerField(
        _("featured order"),
        default=0,
        help_text=_("Featured videos are shown lowest number first."),
    )
    is_demo = models.BooleanField(
        _("demo"), default=False, help_text=_("Demo content, not medical advice.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = VideoQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", "featured_order", *PUBLISHED_ORDER]
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        indexes = [
            models.Index(
                fields=["status", "-is_featured", "featured_order", "-published_at"],
                name="video_list_order",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | ~Q(transcript=""),
                name="video_published_needs_transcript",
            ),
            models.CheckConstraint(
                condition=(
                    Q(provider__in=["youtube", "vimeo"])
                    & ~Q(provider_video_id="")
                    & Q(video_file="")
                )
                | (Q(provider="") & Q(provider_video_id="") & ~Q(video_file="")),
                name="video_exactly_one_source",
            ),
            models.CheckConstraint(
                condition=Q(provider="") | ~Q(poster=""), name="video_provider_needs_poster"
            ),
            models.CheckConstraint(
                condition=Q(poster="") | ~Q(poster_alt=""), name="video_poster_needs_alt"
            ),
            models.CheckConstraint(
                condition=Q(captions="") | Q(provider=""), name="video_captions_for_uploads"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.source_url.strip():
            self._sync_source()
        else:
            self.provider, self.provider_video_id = "", ""
        self.summary_html = render_markdown(self.summary)
        self.transcript_html = render_markdown(self.transcript)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("videos:detail", args=[self.slug])

    def clean(self):
        errors = {}
        try:
            self._sync_source()
        except ValidationError as error:
            errors["source_url"] = error.messages
        if self.provider and not self.poster:
            errors["poster"] = _("YouTube and Vimeo videos need a poster image stored here.")
        if self.poster and not self.poster_alt.strip():
            errors["poster_alt"] = _("Describe the poster for people who cannot see it.")
        if self.captions and self.provider:
            errors["captions"] = _("Captions files are for uploaded videos only.")
        if self.status == self.Status.PUBLISHED and not self.transcript.strip():
            errors["transcript"] = _("A transcript is required before a video can be published.")
        if errors:
            raise ValidationError(errors)

    def _sync_source(self) -> None:
        """Derive provider and id from the link; exactly one of link and file is allowed."""
        if self.source_url.strip() and self.video_file:
            raise ValidationError(_("Give a link or upload a file, not both."))
        if not self.source_url.strip():
            if not self.video_file:
                raise ValidationError(_("Paste a YouTube or Vimeo link, or upload a video file."))
            self.source_url, self.provider, self.provider_video_id = "", "", ""
            return
        source = embeds.parse_video_url(self.source_url)
        self.provider, self.provider_video_id = source.provider, source.video_id
        self.source_url = source.canonical_url

    def publish(self) -> None:
        """Publish, refusing (ValidationError) while there is no transcript."""
        if not self.transcript.strip():
            raise ValidationError(
                {"transcript": _("A transcript is required before a video can be published.")}
            )
        self.status = self.Status.PUBLISHED
        self.save()

    def unpublish(self) -> None:
        self.status = self.Status.DRAFT
        self.save()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_uploaded(self) -> bool:
        return not self.provider

    @property
    def provider_name(self) -> str:
        return embeds.PROVIDER_NAMES.get(self.provider, "")

    @property
    def embed_url(self) -> str:
        return embeds.embed_url(self.provider, self.provider_video_id) if self.provider else ""

    @property
    def video_mime_type(self) -> str:
        return uploads.VIDEO_TYPES.get(uploads.extension(self.video_file.name), "")

    @property
    def duration_clock(self) -> str:
        return timecodes.clock(self.duration)

    @property
    def duration_iso(self) -> str:
        return timecodes.iso8601(self.duration)


class Chapter(models.Model):
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="chapters")
    start = models.DurationField(
        _("start"), help_text=_("When the chapter starts: mm:ss or h:mm:ss.")
    )
    title = models.CharField(_("title"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        constraints = [
            models.UniqueConstraint(fields=["video", "start"], name="chapter_unique_start"),
            models.CheckConstraint(
                condition=Q(start__gte=datetime.timedelta(0)), name="chapter_start_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_clock} {self.title}"

    def clean(self):
        if self.start is not None and self.start < datetime.timedelta(0):
            raise ValidationError({"start": _("A chapter cannot start before the video.")})
        duration = self.video.duration if self.video_id else None
        if self.start is not None and duration is not None and self.start >= duration:
            raise ValidationError({"start": _("This is after the end of the video.")})

    @property
    def start_clock(self) -> str:
        return timecodes.clock(self.start)

    @property
    def start_iso(self) -> str:
        return timecodes.iso8601(self.start)

    @property
    def start_seconds(self) -> int:
        return max(int(self.start.total_seconds()), 0)

    @property
    def embed_url(self) -> str:
        """The privacy-domain player at this chapter's start ("" for an uploaded video)."""
        video = self.video
        if not video.provider:
            return ""
        return embeds.embed_url(video.provider, video.provider_video_id, self.start_seconds)

    @property
    def link_url(self) -> str:
        """Without JavaScript: the uploaded file at this time (a media fragment the
        browser's player understands), or the provider's page at this time."""
        video = self.video
        if video.provider:
            return embeds.watch_url(video.provider, video.provider_video_id, self.start_seconds)
        return f"{video.video_file.url}#t={self.start_seconds}"
