"""How threads and replies read as site-search documents.

A thread's document is its title and opening post; each reply is a document of its own
(the thread's title shows with it, weighted low, so one busy thread does not crowd the
results). Only posts in published threads are indexed; hiding, deleting or moving a
thread re-indexes its replies. Members declare no language for what they write: a thread
and a reply are indexed in their author's language setting (`search.languages`)."""

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from forums.models import Post, Thread
from search.indexing import Source, index_queryset, rebuild_vocabulary
from search.languages import language_of_author
from search.models import Audience

# Saves that touch only these fields change nothing search shows (counters, last post).
THREAD_SEARCH_FIELDS = {"title", "slug", "status", "forum", "article", "members_only"}
POST_SEARCH_FIELDS = {"body", "body_html", "status"}


def _body_part_slug(thread: Thread) -> str:
    if thread.article_id:
        return thread.article.body_part.slug
    return thread.forum.body_part.slug if thread.forum.body_part_id else ""


def public_threads() -> QuerySet:
    opening = Post.objects.filter(thread=OuterRef("pk"), number=1).values("body_html")[:1]
    return (
        Thread.objects.visible()
        .select_related("forum__body_part", "article__body_part", "author")
        .annotate(opening_html=Subquery(opening))
    )


def thread_document(thread: Thread) -> dict:
    return {
        "title": thread.title,
        "other_names": "",
        "body": strip_tags(thread.opening_html or "").strip(),
        "url": thread.get_absolute_url(),
        "body_part_slug": _body_part_slug(thread),
        "visible_from": thread.created_at,
    }


def public_replies() -> QuerySet:
    return (
        Post.objects.visible()
        .filter(number__gt=1, thread__status=Thread.Status.VISIBLE)
        .select_related("thread__forum__body_part", "thread__article__body_part", "author")
    )


def reply_document(post: Post) -> dict:
    return {
        "title": post.thread.title,
        "other_names": "",
        "body": strip_tags(post.body_html).strip(),
        "url": post.get_absolute_url(),
        "body_part_slug": _body_part_slug(post.thread),
        "visible_from": post.created_at,
    }


def thread_audience(thread: Thread) -> str:
    return Audience.MEMBERS if thread.is_members_only else Audience.PUBLIC


def reply_audience(post: Post) -> str:
    return thread_audience(post.thread)


def written_in(row: Thread | Post) -> str:
    return language_of_author(row.author)


def replies_of(thread: Thread) -> QuerySet:
    return Post.objects.filter(thread=thread, number__gt=1)


def _opening_post_thread(post: Post) -> Thread | None:
    """The opening post is its thread's text."""
    return post.thread if post.number == 1 else None


REPLIES = Source(
    "post", _("Forum replies"), Post, public_replies, reply_document, item_label=_("Forum reply"),
    position=60, fields=frozenset(POST_SEARCH_FIELDS), audience=reply_audience,
    language=written_in, member_written=True,
)  # fmt: skip
THREADS = Source(
    "thread", _("Forum threads"), Thread, public_threads, thread_document,
    item_label=_("Forum thread"), position=50,
    dependents=lambda thread: [(REPLIES, replies_of(thread))],
    fields=frozenset(THREAD_SEARCH_FIELDS), parts=((Post, _opening_post_thread),),
    audience=thread_audience, language=written_in, member_written=True,
)  # fmt: skip
SOURCES = [THREADS, REPLIES]


def reindex_forum(forum) -> None:
    """A forum became members-only or public: its threads and replies change audience."""
    index_queryset(THREADS, Thread.objects.filter(forum=forum))
    index_queryset(REPLIES, Post.objects.filter(thread__forum=forum, number__gt=1))
    rebuild_vocabulary()  # the titles' words leave (or join) the visitors' "did you mean"
