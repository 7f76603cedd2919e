"""Forums, threads, posts, reactions, watching, unread state and recovery records.

Counters that every list shows (threads, posts, replies, last post) live on the rows and
are kept in step by `forums.posting` (new posts) and `on_status_changed` (moderation),
inside the same transaction as the change.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.mentions import member_links
from accounts.permissions import can_read_members_only
from core.markdown import render_markdown
from core.models import Moderated, Timestamped
from core.moderation import ModeratedQuerySet
from core.roles import is_moderator
from forums.badges import describe_day
from safety.levels import URGENT, Level

POSTS_PER_PAGE = 20
THREADS_PER_PAGE = 30
BODY_MAX_LENGTH = 20_000
# Paths under /forums/ that are not forums.
RESERVED_SLUGS = {"thread", "post", "recovery", "check", "watching", "latest", "draft", "preview"}


def validate_forum_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved; choose another slug."))


class Forum(models.Model):
    """A category of threads, optionally tied to a body part and procedure articles."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(max_length=120, unique=True, validators=[validate_forum_slug])
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    body_part = models.ForeignKey(
        "articles.BodyPart", null=True, blank=True, on_delete=models.SET_NULL, related_name="forums"
    )
    articles = models.ManyToManyField("articles.Article", blank=True, related_name="forums")
    thread_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_(
            "Only signed-in members can read this forum: visitors, search engines and "
            "the public search see neither its threads nor their titles."
        ),
    )
    # What visitors are shown: the counters above without the members-only threads.
    public_thread_count = models.PositiveIntegerField(default=0, editable=False)
    public_post_count = models.PositiveIntegerField(default=0, editable=False)
    public_last_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:forum_detail", args=[self.slug])

    def recount(self) -> None:
        """Recompute the counters from the threads (after moderation or a move). Visitors'
        (public_*): the threads their list shows (a members-only thread whose title its
        author let show is listed), the posts and latest post of the threads they may read."""
        threads = Thread.objects.filter(forum=self).visible()
        readable = threads.none() if self.members_only else threads.filter(members_only=False)
        listed = readable | threads.filter(members_only=True, title_public=True)
        self.thread_count = threads.count()
        self.public_thread_count = 0 if self.members_only else listed.count()
        for prefix, shown in (("", threads), ("public_", readable)):
            posts = Post.objects.visible().filter(thread__in=shown)
            setattr(self, f"{prefix}post_count", posts.count())
            latest = shown.exclude(last_post=None).order_by("-last_post_at").first()
            setattr(self, f"{prefix}last_post_id", latest.last_post_id if latest else None)
        self.save(update_fields=[
            "thread_count", "post_count", "last_post",
            "public_thread_count", "public_post_count", "public_last_post",
        ])  # fmt: skip


class ThreadQuerySet(ModeratedQuerySet):
    def in_listing_order(self):
        return self.order_by("-is_pinned", "-last_post_at", "-pk")

    def public(self):
        """Threads everyone may read: neither members-only nor in a members-only forum."""
        return self.filter(members_only=False, forum__members_only=False)

    def listed_for(self, user):
        """A thread list's rows: what `user` may read, and for visitors also the
        members-only threads of a public forum whose author let the title show."""
        if can_read_members_only(user):
            return self
        return self.filter(Q(members_only=False) | Q(title_public=True), forum__members_only=False)


class Thread(Timestamped, Moderated):
    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(max_length=160, allow_unicode=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_threads"
    )
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_threads",
        verbose_name=_("procedure"),
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_(
            "Only signed-in members can read it (a forum that is members-only makes "
            "all its threads so)."
        ),
    )
    title_public = models.BooleanField(
        _("show the title to visitors"),
        default=False,
        help_text=_(
            "For a members-only thread in a public forum: visitors see the title "
            "(never the posts or who wrote them)."
        ),
    )
    reply_count = models.PositiveIntegerField(default=0, editable=False)
    view_count = models.PositiveIntegerField(default=0, editable=False)
    last_post_number = models.PositiveIntegerField(
        default=0, editable=False, help_text=_("Number of the newest post, hidden ones included.")
    )
    last_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    last_post_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-last_post_at", "-pk"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(
                fields=["forum", "status", "-is_pinned", "-last_post_at", "-id"],
                name="thread_listing",
            ),
            models.Index(fields=["status", "-last_post_at"], name="thread_latest"),
            models.Index(fields=["article", "status", "-last_post_at"], name="thread_procedure"),
            # "Discuss this procedure": a linked forum's latest threads, pinned or not.
            models.Index(fields=["forum", "status", "-last_post_at"], name="thread_forum_latest"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:160] or "thread"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forums:thread_detail", args=[self.pk, self.slug])

    @property
    def is_members_only(self) -> bool:
        return self.members_only or self.forum.members_only

    @property
    def title_shown_to_visitors(self) -> bool:
        if self.forum.members_only:
            return False
        return not self.members_only or self.title_public

    @property
    def page_count(self) -> int:
        return max(1, -(-self.last_post_number // POSTS_PER_PAGE))

    def recount(self) -> None:
        """Recompute reply count and last post from the published posts."""
        published = self.posts.visible()
        latest = published.order_by("-number").first()
        self.reply_count = published.filter(number__gt=1).count()
        self.last_post = latest
        self.last_post_at = latest.created_at if latest else self.created_at
        self.save(update_fields=["reply_count", "last_post", "last_post_at"])

    def on_status_changed(self) -> None:
        self.forum.recount()


class PostQuerySet(ModeratedQuerySet):
    def on_thread_page_for(self, user):
        """Every post keeps its place (hidden and deleted ones as placeholders), except
        posts held for review: only their author and the moderators know they exist."""
        if is_moderator(user):
            return self
        if user.is_authenticated:
            return self.exclude(Q(status=self.model.Status.HELD) & ~Q(author=user))
        return self.exclude(status=self.model.Status.HELD)

    def with_authors(self):
        """Posts as a thread page shows them: the author's card, not the whole account."""
        return self.select_related("author").only(
            "thread", "number", "status", "created_at", "updated_at", "edited_at", "body_html",
            "helpful_count", "support_count", "safety_level", "is_clinician_answer",
            "recovery_article", "recovery_procedure", "recovery_day", "recovery_sentence",
            "author__username", "author__deleted_at", "author__is_verified_surgeon",
            "author__verified_name",
            "author__date_joined", "author__post_count", "author__is_active",
        )  # fmt: skip


class Post(Timestamped, Moderated):
    # No index of its own: the unique (thread, number) index serves thread lookups.
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_posts"
    )
    number = models.PositiveIntegerField(
        editable=False, help_text=_("Place in the thread, from 1; hidden posts keep theirs.")
    )
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    helpful_count = models.PositiveIntegerField(default=0, editable=False)
    support_count = models.PositiveIntegerField(default=0, editable=False)
    # The recovery badge ("Day 5 after ACL reconstruction"), worked out when the post is
    # written and rendered in the reader's language (forums.recovery.badge_text): the
    # procedure (its article, and its title then, shown when the article is gone) and the day.
    recovery_article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )  # fmt: skip
    recovery_procedure = models.CharField(max_length=200, blank=True, editable=False)
    recovery_day = models.IntegerField(
        null=True, blank=True, editable=False,
        help_text=_("Days after the surgery when the post was written (negative: before it)."),
    )  # fmt: skip
    # A badge stored as an English sentence before badges were data, which could not be read
    # back as procedure and day: shown as it was written.
    recovery_sentence = models.CharField(max_length=120, blank=True, editable=False)
    safety_level = models.CharField(
        max_length=10, choices=Level.choices, default=Level.NONE, editable=False,
        help_text=_("What the safety check found; crisis and emergency show readers a banner."),
    )  # fmt: skip
    # The form's one-time token (core.forms.FormTokenMixin): a double submit of a reply or a
    # new thread reaches this post instead of adding another. A thread's is its first post's.
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    is_clinician_answer = models.BooleanField(
        default=False, editable=False,
        help_text=_(
            "A verified surgeon's reply the thread's author or a moderator marked; "
            "shown under the first post."
        ),
    )  # fmt: skip
    # When its watchers and mentioned members were notified (forums.posting's background
    # fan-out): a re-queued run of that task finds it done.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(
        excluded_fields=[
            "helpful_count",
            "support_count",
            "updated_at",
            "body_html",
            "form_token",
            "is_clinician_answer",
            "notified_at",
        ]  # fmt: skip
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["thread", "number"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="post_number_in_thread"),
            models.UniqueConstraint(fields=["author", "form_token"], name="post_one_per_token"),
        ]
        indexes = [models.Index(fields=["author", "status", "-created_at"], name="post_by_author")]

    def __str__(self) -> str:
        return gettext("#%(number)s in thread %(thread)s: %(start)s") % {
            "number": self.number,
            "thread": self.thread_id,
            "start": self.body[:60],
        }

    def save(self, *args, **kwargs):
        # Mentions are linked here, once, like the rest of the Markdown; a rename or an
        # erasure renders the posts that link the member again (forums.mentions).
        self.body_html = render_markdown(self.body, member_links=member_links)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forums:post_permalink", args=[self.pk])

    @property
    def page_number(self) -> int:
        return (self.number - 1) // POSTS_PER_PAGE + 1

    @property
    def recovery_badge(self) -> str:
        """ "Day 5 after ACL reconstruction" in the active language; "" without a badge. The
        procedure is named in the reader's language where `forums.recovery` found it so."""
        if self.recovery_day is None:
            return self.recovery_sentence
        procedure = getattr(self, "recovery_procedure_shown", None) or self.recovery_procedure
        return describe_day(self.recovery_day, procedure)

    @property
    def shows_safety_banner(self) -> bool:
        """Crisis and emergency posts show readers a banner to the "Need help now?" page."""
        return self.safety_level in URGENT

    def on_status_changed(self) -> None:
        thread = Thread.objects.select_for_update().get(pk=self.thread_id)
        thread.recount()
        thread.forum.recount()


class Reaction(models.Model):
    class Kind(models.TextChoices):
        HELPFUL = "helpful", _("Helpful")
        SUPPORT = "support", _("Sending support")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reactions"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_per_kind")
        ]

    def __str__(self) -> str:
        return gettext("%(member)s: %(kind)s, post %(post)s") % {
            "member": self.user,
            "kind": self.get_kind_display(),
            "post": self.post_id,
        }

    @staticmethod
    def counter_field(kind: str) -> str:
        return {"helpful": "helpful_count", "support": "support_count"}[kind]


class ThreadWatch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watched_threads"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thread watch")
        verbose_name_plural = _("thread watches")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="one_watch_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.thread}"


class ForumWatch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watched_forums"
    )
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("forum watch")
        verbose_name_plural = _("forum watches")
        constraints = [
            models.UniqueConstraint(fields=["user", "forum"], name="one_watch_per_forum")
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.forum}"


class ThreadReadState(models.Model):
    """How far a member has read a thread, for unread marks and opening at the first unread."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_read_states"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_states")
    last_read_number = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("read state")
        verbose_name_plural = _("read states")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="one_read_state_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.thread_id} to #{self.last_read_number}"


class RecoveryRecordQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class RecoveryRecord(models.Model):
    """A member's procedure and surgery date: the source of "Day 5 after ..." badges."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_records"
    )
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.PROTECT,
        related_name="recovery_records",
        verbose_name=_("procedure"),
    )
    surgery_date = models.DateField(_("date of surgery"))
    is_public = models.BooleanField(
        _("show on my posts and profile"),
        default=False,
        help_text=_(
            "When ticked, your posts carry a badge such as “Day 5 after ACL "
            "reconstruction” and your profile lists this procedure."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = RecoveryRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-surgery_date"]
        verbose_name = _("recovery record")
        verbose_name_plural = _("recovery records")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article", "surgery_date"], name="one_record_per_surgery"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} on {self.surgery_date}"
