"""Forum sections shown on other apps' pages; each runs a fixed number of queries.

They show public threads only, to every reader: they sit on pages anyone reads (the home
page, an article, a profile) and are the same for all, so a members-only title, excerpt or
post never reaches a visitor through them (members find those in the forums and search)."""

from itertools import chain

from django import template
from django.db import connections
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from forums import permissions
from forums.models import Forum, Post, RecoveryRecord, Thread

register = template.Library()


@register.inclusion_tag("forums/includes/latest_threads.html")
def latest_threads(count: int = 5):
    """The home page's sidebar: latest threads with an excerpt of their latest reply."""
    threads = (
        Thread.objects.visible()
        .public()
        .select_related("author", "last_post__author")
        .order_by("-last_post_at")[:count]
    )
    return {"threads": list(threads)}


def _article_forums(article, family_ids: list[int]) -> list[Forum]:
    """The forums an article's section draws on, in display order: those it or one of its
    translations is linked to (`linked`), and those of its body part (the first one is where
    "start a thread" goes)."""
    linked = Forum.articles.through.objects.filter(forum=OuterRef("pk"), article_id__in=family_ids)
    return list(
        Forum.objects.filter(members_only=False)
        .filter(Q(Exists(linked)) | Q(body_part_id=article.body_part_id))
        .annotate(linked=Exists(linked))
        .only("name", "slug")
        .order_by("position", "name")
    )


def latest_thread_reads(sources, count: int) -> list:
    """For each source (a Thread queryset served by an index ending in `last_post_at`), its
    `count` most recently active visible threads: a read that stops at the limit."""
    return [
        threads.visible().order_by("-last_post_at").values_list("last_post_at", "pk")[:count]
        for threads in sources
    ]


def latest_thread_ids(sources, count: int) -> list[int]:
    """The ids of the `count` most recently active visible threads among `sources`."""
    parts = latest_thread_reads(sources, count)
    if connections[parts[0].db].features.supports_slicing_ordering_in_compound:
        rows = parts[0].union(*parts[1:], all=True)  # one statement (PostgreSQL)
    else:  # SQLite cannot LIMIT inside a UNION: one query per source
        rows = chain.from_iterable(parts)
    return [pk for _, pk in sorted(set(rows), reverse=True)[:count]]


@register.inclusion_tag("forums/includes/discuss_procedure.html", takes_context=True)
def discuss_procedure(context, article, count: int = 5):
    """ "Discuss this procedure" on an article: the latest threads about it or in the forums
    it is linked to, and a link to start one."""
    family_ids = context.get("article_family_ids") or list(  # it and its translations
        article.family().values_list("pk", flat=True)
    )
    forums = _article_forums(article, family_ids)
    public = Thread.objects.public()
    sources = [public.filter(article_id=pk) for pk in family_ids]
    sources += [public.filter(forum=forum) for forum in forums if forum.linked]
    ids = latest_thread_ids(sources, count)
    threads = (
        Thread.objects.filter(pk__in=ids).select_related("author").order_by("-last_post_at", "-pk")
        if ids
        else []
    )
    user = context.get("user")
    return {
        "article": article,
        "threads": list(threads),
        "forum": forums[0] if forums else None,
        "can_start_thread": user is not None and permissions.can_start_thread(user),
        "user": user,
    }


@register.inclusion_tag("forums/includes/member_posts.html")
def member_recent_posts(member, count: int = 5, heading: str = _("Recent forum posts")):
    """A member's latest public posts (the heroes page shows a surgeon's answers).
    `heading=""` leaves out the section's own heading, for a page that has one."""
    posts = (
        Post.objects.visible()
        .filter(author=member, thread__status=Thread.Status.VISIBLE)
        .filter(thread__members_only=False, thread__forum__members_only=False)
        .select_related("thread")
        .order_by("-created_at")[:count]
    )
    return {"posts": list(posts), "member": member, "heading": heading}


@register.inclusion_tag("forums/includes/recovery_records.html", takes_context=True)
def member_recovery(context, member):
    """Public procedures of a member on their profile; the member sees a link to manage."""
    user = context.get("user")
    own = user is not None and user.is_authenticated and user.pk == member.pk
    records = RecoveryRecord.objects.filter(user=member).select_related("article")
    if not own:
        records = records.public()
    return {"records": list(records), "own": own}
