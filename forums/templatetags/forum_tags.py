"""Forum sections shown on other apps' pages; each runs a fixed number of queries.

They show public threads only, to every reader: they sit on pages anyone reads (the home
page, an article, a profile) and are the same for all, so a members-only title, excerpt or
post never reaches a visitor through them (members find those in the forums and search)."""

from django import template
from django.db.models import Q

from forums import links, permissions
from forums.models import Forum, Post, RecoveryRecord, Thread
from forums.presenting import time_html

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


def _article_forum(article):
    return (
        Forum.objects.filter(members_only=False)
        .filter(Q(articles=article) | Q(body_part_id=article.body_part_id))
        .order_by("position", "name")
        .first()
    )


@register.inclusion_tag("forums/includes/discuss_procedure.html", takes_context=True)
def discuss_procedure(context, article, count: int = 5):
    """ "Discuss this procedure" on an article: its latest threads and a link to start one."""
    forum_ids = Forum.objects.filter(articles=article).values("pk")
    threads = (
        Thread.objects.visible()
        .public()
        .filter(Q(article=article) | Q(forum__in=forum_ids))
        .select_related("author", "last_post__author")
        .order_by("-last_post_at")[:count]
    )
    user = context.get("user")
    return {
        "article": article,
        "threads": list(threads),
        "forum": _article_forum(article),
        "can_start_thread": user is not None and permissions.can_start_thread(user),
        "user": user,
    }


@register.inclusion_tag("forums/includes/member_posts.html")
def member_recent_posts(member, count: int = 5, heading: str = "Recent forum posts"):
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


@register.filter
def member_url(member) -> str:
    """A member's profile link, without a URL-resolver walk per row."""
    return links.member_url(member.username)


# Dates on long lists: see forums.presenting.time_html (the `date` filter looks up the
# active language and its formats for every call).


@register.simple_tag
def time_tag(value, prefix: str = ""):
    """<time datetime="2018-07-16T…">Jul 16, 2018</time>, converting the time zone once."""
    return time_html(value, prefix)
