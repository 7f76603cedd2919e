"""What the forum's long lists show, prepared in Python in a fixed number of queries.

Thread lists and thread pages are the forum's hot pages: their rows are read as values
(or with only the columns shown), and names, links and dates are made once here, so the
templates only look keys up (see `Row`)."""

from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from accounts.blocking import blocked_ids
from accounts.models import User
from forums import permissions
from forums.links import member_url, post_url, thread_url
from forums.models import Post, Reaction
from moderation.links import moderation_url
from safety.levels import URGENT

MODERATOR_IDS_KEY = "forums:moderator-ids"
MODERATOR_IDS_SECONDS = 300


def moderator_ids(user_ids) -> set[int]:
    """Which of these members are moderators (for the badge). The set of all moderators is
    small and changes rarely: it is kept in the shared cache for a few minutes."""
    everyone = cache.get(MODERATOR_IDS_KEY)
    if everyone is None:
        everyone = _all_moderator_ids()
        cache.set(MODERATOR_IDS_KEY, everyone, MODERATOR_IDS_SECONDS)
    return everyone & set(user_ids)


def _all_moderator_ids() -> set[int]:
    perm = Q(
        codename="moderate_content",
        content_type__app_label="moderation",
    )
    group_perm = Q(**{f"groups__permissions__{k}": v for k, v in perm.children})
    user_perm = Q(**{f"user_permissions__{k}": v for k, v in perm.children})
    return set(
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | group_perm | user_perm)
        .values_list("pk", flat=True)
        .distinct()
    )


# Dates on long lists: the `date` filter looks up the active language and its formats for
# every call; the portal is English-only, so these format directly, in the site's time zone.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def time_html(value, prefix: str = "", tz=None) -> str:
    """<time datetime="2018-07-16T…">Jul 16, 2018</time> in the site's time zone (pass `tz`
    when formatting a whole list: looking it up is a third of the cost)."""
    if not value:
        return ""
    local = timezone.localtime(value, tz)
    # Both parts are made from the datetime alone (digits, "-", ":", "+", "T", month names):
    # there is nothing to escape, and format_html's escaping was most of this function's cost.
    return mark_safe(
        f'{conditional_escape(prefix)}<time datetime="{local.isoformat()}">'
        f"{MONTHS[local.month - 1]} {local.day}, {local.year}</time>"
    )


def public_name(username: str, deleted_at) -> str:
    """`User.public_name` for a row read as values (no User instance)."""
    return "deleted member" if deleted_at else username


class Row(dict):
    """A list item as a template shows it. A dict, because the template engine tries a key
    lookup first (on an object every lookup costs a caught TypeError, then getattr);
    attributes work too, for Python callers and tests."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


class PostCard(Row):
    """What a thread page shows of one post; `instance` is the Post (for the report link).
    `author_has_badges` spares most posts the include of accounts/includes/badges.html,
    whose badges all come from `is_verified_surgeon` (keep the two in step)."""

    __slots__ = ()

    def __init__(self, post: Post, *, user, moderators: set[int], mine: set[str], tz,
                 suspend_url: str = "", blocked: frozenset[int] = frozenset()):  # fmt: skip
        author = post.author
        joined = timezone.localtime(author.date_joined, tz)
        count = author.post_count
        super().__init__(
            instance=post, pk=post.pk, number=post.number, is_visible=post.is_visible,
            is_hidden=post.is_hidden, is_deleted=post.is_deleted, is_held=post.is_held,
            from_blocked=post.author_id in blocked, body_html=post.body_html,
            edited_at=post.edited_at, helpful_count=post.helpful_count,
            support_count=post.support_count, recovery_badge=post.recovery_badge,
            safety_banner=post.safety_level in URGENT,
            author_id=post.author_id, url=post_url(post.pk),
            posted=time_html(post.created_at, tz=tz), author_name=author.public_name,
            author_url="" if author.deleted_at else member_url(author.username),
            author=author, author_has_badges=author.is_verified_surgeon,
            author_is_moderator=post.author_id in moderators,
            author_card=f"Joined {MONTHS[joined.month - 1]} {joined.year} · "
            f"{count} post{'' if count == 1 else 's'}",
            can_read=permissions.can_read_post_body(user, post),
            can_edit=permissions.can_edit_post(user, post),
            can_delete=permissions.can_delete_post(user, post),
            can_react=permissions.can_react(user, post), my_reactions=mine,
            suspend_url=suspend_url if post.author_id not in moderators else "",
            hide_url=moderation_url("hide", post) if permissions.can_hide(user, post) else "",
            restore_url=moderation_url("restore", post)
            if permissions.can_restore(user, post) else "",
        )  # fmt: skip


def post_cards(user, posts: list[Post]) -> list[PostCard]:
    """The posts of a thread page with what `user` may do to each, in a fixed number of
    queries (their reactions, and the moderators among the authors, usually cached)."""
    moderators = moderator_ids(post.author_id for post in posts)
    mine: dict[int, set[str]] = {}
    if user.is_authenticated and posts:
        for post_id, kind in Reaction.objects.filter(user=user, post__in=posts).values_list(
            "post_id", "kind"
        ):
            mine.setdefault(post_id, set()).add(kind)
    tz = timezone.get_current_timezone()
    may_suspend = permissions.can_suspend_members(user)
    blocked = frozenset(blocked_ids(user))
    return [
        PostCard(
            post,
            user=user,
            moderators=moderators,
            mine=mine.get(post.pk, set()),
            tz=tz,
            suspend_url=suspend_member_url(post.author_id) if may_suspend else "",
            blocked=blocked,
        )  # fmt: skip
        for post in posts
    ]


def suspend_member_url(member_id: int) -> str:
    return reverse("admin:moderation_suspend_member", args=[member_id])


# A forum page lists 30 threads: building 120 model instances (thread, author, last post,
# its author) and resolving their attributes in the template was over half of the page's
# cost. The rows are read as plain values instead, with the links and times made once here.
ROW_FIELDS = (
    "pk", "title", "slug", "status", "is_pinned", "is_locked", "reply_count", "view_count",
    "last_post_number", "last_post_at", "created_at", "author__username", "author__deleted_at",
    "article__title", "last_post_id", "last_post__author__username",
    "last_post__author__deleted_at",
)  # fmt: skip


class ThreadRow(Row):
    """What a row of a thread list shows; `unread`/`is_new` are set by annotate_unread."""

    __slots__ = ()

    def __init__(self, values, tz):
        (
            pk, title, slug, status, is_pinned, is_locked, reply_count, view_count,
            last_post_number, last_post_at, created_at, author, author_deleted_at,
            article_title, last_post_id, last_author, last_author_deleted_at,
        ) = values  # fmt: skip
        super().__init__(
            pk=pk, title=title, url=thread_url(pk, slug), is_hidden=status == "hidden",
            is_held=status == "held",
            is_pinned=is_pinned,
            is_locked=is_locked, reply_count=reply_count, view_count=view_count,
            last_post_number=last_post_number, created_at=created_at,
            author_name=public_name(author, author_deleted_at), article_title=article_title,
            unread=False, is_new=False, last_post_url="", last_author_name="",
            last_post_time="",
        )  # fmt: skip
        if last_post_id is not None:
            self["last_post_url"] = post_url(last_post_id)
            self["last_author_name"] = public_name(last_author, last_author_deleted_at)
            self["last_post_time"] = time_html(last_post_at, tz=tz)


def thread_rows(threads) -> list[ThreadRow]:
    """The rows of a thread list (a Thread queryset, already ordered), in one query."""
    tz = timezone.get_current_timezone()
    return [ThreadRow(values, tz) for values in threads.values_list(*ROW_FIELDS)]
