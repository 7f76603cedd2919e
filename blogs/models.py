"""Members' blogs: one blog per member, its posts, and comments on the posts.

A post is public when three things hold, checked in one place (`BlogPostQuerySet.published`):
its author chose "published" (not a draft), its publication time has come (scheduled posts
appear by themselves, no cron job), and no moderator hid it nor its author deleted it.

An autosave (what the editor keeps while a new post is typed, before its first Save draft
or Publish) is a draft row with `is_autosave` set: it is never listed or shown as a post,
only offered back in the editor, and `manage.py purge_expired` deletes it after
RETENTION_DAYS["blog_autosaves"] days.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from core.markdown import render_markdown
from core.models import Moderated, Timestamped
from core.moderation import ModeratedQuerySet
from core.roles import is_moderator
from safety.levels import Level

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 50_000


class Blog(Timestamped):
    """Created lazily, the first time a member writes or opens their blog settings."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blog",
        verbose_name=_("owner"),
    )  # fmt: skip
    title = models.CharField(
        _("title"),
        max_length=120,
        blank=True,
        help_text=_("Leave it empty for “(your name)'s blog”."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        ordering = ["owner__username"]
        verbose_name = _("blog")
        verbose_name_plural = _("blogs")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or gettext("%(name)s's blog") % {"name": self.owner.public_name}

    def get_absolute_url(self) -> str:
        return reverse("blogs:blog_detail", args=[self.owner.username])


def _live() -> Q:
    return Q(
        status=Moderated.Status.VISIBLE,
        publication=BlogPost.Publication.PUBLISHED,
        published_at__lte=timezone.now(),
    )


class BlogPostQuerySet(ModeratedQuerySet):
    def published(self):
        """What everyone may see: published, not a draft, and its time has come."""
        return self.filter(_live())

    def published_or_scheduled(self):
        """Public now or at `published_at` by itself: what the site search indexes ahead,
        with that time as the entry's `visible_from`."""
        return self.filter(
            status=Moderated.Status.VISIBLE, publication=BlogPost.Publication.PUBLISHED
        )

    def visible_to(self, user):
        """Authors also see their own drafts, scheduled and hidden posts; moderators see
        hidden posts too. Nobody but the admin sees deleted posts or other people's drafts,
        and nobody sees an autosave as a post."""
        if not user.is_authenticated:
            return self.published()
        mine = Q(author=user) & ~Q(status=BlogPost.Status.DELETED)
        if is_moderator(user):
            mine |= Q(status=BlogPost.Status.HIDDEN)
        return self.filter(_live() | mine).exclude(is_autosave=True)

    def autosaves_of(self, user):
        """The member's autosaves, newest first: only their editor reopens these."""
        return self.filter(author=user, is_autosave=True, status=BlogPost.Status.VISIBLE).order_by(
            "-updated_at"
        )

    def for_listing(self):
        return self.select_related("author", "blog").prefetch_related("tags")

    def newest_first(self):
        return self.order_by("-published_at", "-pk")


class BlogPost(Timestamped, Moderated):
    class Publication(models.TextChoices):
        DRAFT = "draft", _("Draft: only you can see it")
        PUBLISHED = "published", _("Published (at the time below)")

    blog = models.ForeignKey(
        Blog, on_delete=models.CASCADE, related_name="posts", verbose_name=_("blog")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="blog_posts",
        verbose_name=_("author"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    slug = models.SlugField(max_length=200, editable=False)
    body = models.TextField(_("body"), help_text=_("Markdown."), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False, blank=True)
    safety_level = models.CharField(
        _("safety level"), max_length=10, choices=Level.choices, default=Level.NONE,
        editable=False,
        help_text=_("What the safety check found; crisis and emergency show readers a banner."),
    )  # fmt: skip
    cover = models.ImageField(_("cover"), upload_to="blogs/covers/%Y/%m/", blank=True)
    cover_alt = models.CharField(
        _("cover description"), max_length=250, blank=True,
        help_text=_("What the picture shows, for people who cannot see it. Required with a cover."),
    )  # fmt: skip
    tags = TaggableManager(blank=True, related_name="blog_posts")
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blog_posts",
        verbose_name=_("procedure"),
    )
    publication = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    comments_enabled = models.BooleanField(_("allow comments"), default=True)
    comment_count = models.PositiveIntegerField(_("comment count"), default=0, editable=False)
    # The form's one-time token: a double submit (or autosave, then submit) hits the same row.
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    # Kept by autosave, not yet saved by its author: never shown as a post (module docstring).
    is_autosave = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["comment_count", "body_html", "updated_at"])

    objects = BlogPostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")
        indexes = [
            models.Index(fields=["status", "publication", "published_at"], name="blogpost_live"),
            models.Index(fields=["author", "published_at"], name="blogpost_author"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["author", "form_token"], name="blogpost_one_per_token"),
            models.CheckConstraint(
                condition=Q(cover="") | ~Q(cover_alt=""), name="blogpost_cover_has_alt"
            ),
            models.CheckConstraint(
                condition=Q(publication="draft") | Q(published_at__isnull=False),
                name="blogpost_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.slug = slugify(self.title)[:200] or "post"
        if self.publication == self.Publication.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html", "slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("blogs:post_detail", args=[self.author.username, self.pk, self.slug])

    @property
    def is_draft(self) -> bool:
        return self.publication == self.Publication.DRAFT

    @property
    def is_scheduled(self) -> bool:
        return not self.is_draft and self.published_at > timezone.now()

    @property
    def is_live(self) -> bool:
        return self.is_visible and not self.is_draft and not self.is_scheduled

    @property
    def excerpt(self) -> str:
        return Truncator(strip_tags(self.body_html)).words(40)

    def refresh_comment_count(self) -> None:
        """Count the published comments again; call inside the transaction that changed one."""
        self.comment_count = self.comments.visible().count()
        BlogPost.objects.filter(pk=self.pk).update(comment_count=self.comment_count)


class CommentQuerySet(ModeratedQuerySet):
    def visible_to(self, user):
        """A comment is never more visible than its post."""
        return super().visible_to(user).filter(post__in=BlogPost.objects.visible_to(user))


class Comment(Timestamped, Moderated):
    post = models.ForeignKey(
        BlogPost, on_delete=models.CASCADE, related_name="comments", verbose_name=_("post")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="blog_comments",
        verbose_name=_("author"),
    )  # fmt: skip
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies",
        verbose_name=_("in reply to"),
    )  # fmt: skip
    body = models.TextField(_("comment"), max_length=10_000, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    safety_level = models.CharField(
        _("safety level"), max_length=10, choices=Level.choices, default=Level.NONE,
        editable=False,
        help_text=_("What the safety check found; crisis and emergency show readers a banner."),
    )  # fmt: skip
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["body_html", "updated_at"])

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["post", "created_at"], name="comment_post")]
        constraints = [
            models.UniqueConstraint(fields=["author", "form_token"], name="comment_one_per_token"),
        ]

    def __str__(self) -> str:
        return gettext("Comment by %(author)s on “%(post)s”") % {
            "author": self.author,
            "post": self.post,
        }

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"

    def on_status_changed(self) -> None:
        self.post.refresh_comment_count()
