"""Reading the forums: index, forum, thread, permalinks, revisions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from accounts.permissions import can_read_members_only
from core import versions
from core.inputs import query_int, query_slug
from core.roles import is_moderator
from forums import permissions, viewcount
from forums.caching import forum_page_versions, thread_page_versions
from forums.composer import reply_composer
from forums.forms import ReplyForm
from forums.models import POSTS_PER_PAGE, THREADS_PER_PAGE, Forum, Post, Thread
from forums.pagination import page_for
from forums.posting import mark_read
from forums.presenting import prepare_posts, thread_rows_key
from forums.watching import annotate_unread, first_unread_number, read_up_to


def forum_index(request):
    # Visitors get the counters and latest post of what they may read (public_*).
    prefix = "" if can_read_members_only(request.user) else "public_"
    last = f"{prefix}last_post"
    # Only what the table shows: the latest posts' bodies and their authors' accounts stay put.
    forums = list(
        Forum.objects.select_related(f"{last}__thread", f"{last}__author")
        .only(
            "name",
            "slug",
            "description",
            "members_only",
            f"{prefix}thread_count",
            f"{prefix}post_count",
            f"{last}__created_at",
            f"{last}__thread__title",
            f"{last}__author__username",
            f"{last}__author__deleted_at",
        )
        .order_by("position", "name")
    )
    for forum in forums:
        forum.shown_thread_count = getattr(forum, f"{prefix}thread_count")
        forum.shown_post_count = getattr(forum, f"{prefix}post_count")
        forum.shown_last_post = getattr(forum, last)
    return render(request, "forums/forum_index.html", {"forums": forums})


def members_only_gate(request, forum: Forum, thread: Thread | None = None):
    """What a visitor gets instead of a members-only forum or thread: a 403 (the page is
    not for them: search engines drop it, and the page cache stores only 200s, so the gate
    never stands in for the page), with the way in. No post, reply or author name; the
    title only where its author let it show."""
    title = thread.title if thread is not None and thread.title_shown_to_visitors else ""
    # Back here after signing in, by an address that does not spell the title.
    back = (
        reverse("forums:thread_redirect", args=[thread.pk])
        if thread is not None
        else forum.get_absolute_url()
    )
    context = {
        "forum": forum, "thread": thread, "thread_title": title, "next": back, "language_next": back,
    }  # fmt: skip
    return render(request, "forums/members_only.html", context, status=403)


def _for_members(response, members_only: bool):
    """A members-only page is the reader's own: no shared cache keeps it."""
    if members_only:
        patch_cache_control(response, private=True)
    return response


# What a row of a thread list shows (a post's body and an article's are large).
THREAD_ROW_FIELDS = [
    *("title", "slug", "status", "is_pinned", "is_locked", "members_only", "reply_count"),
    "view_count",
    *("last_post_number", "last_post_at", "created_at", "author__username"),
    *("author__deleted_at", "article__title", "last_post__author__username"),
    "last_post__author__deleted_at",
]


def forum_detail(request, slug):
    forum = get_object_or_404(Forum, slug=slug)
    versions.declare(*forum_page_versions(forum))
    if not permissions.can_read_forum(request.user, forum):
        return members_only_gate(request, forum)
    procedures = list(forum.articles.published().only("title", "slug").order_by("title"))
    wanted = query_slug(request, "procedure")
    procedure = next((a for a in procedures if a.slug == wanted), None)
    threads = Thread.objects.visible_to(request.user).filter(forum=forum)
    member = can_read_members_only(request.user)
    listed = forum.thread_count if member else forum.public_thread_count
    if listed != forum.thread_count:
        # Only then: the filter costs the listing its index-only scan.
        threads = threads.listed_for(request.user)
    if procedure is not None:
        threads = threads.filter(article=procedure)
    exact = procedure is not None or is_moderator(request.user)
    page = page_for(request, count=threads.count() if exact else listed, per_page=THREADS_PER_PAGE)
    # Ids first from the listing index, then the rows: deep pages stay as fast as page 1.
    offset = (page.number - 1) * THREADS_PER_PAGE
    # The page's ids come from the listing index alone (an index-only scan, so page 500
    # costs about what page 1 does), then the rows are joined: one query.
    offset = (page.number - 1) * THREADS_PER_PAGE
    ids = threads.in_listing_order().values("pk")[offset : offset + THREADS_PER_PAGE]
    thread_list = list(
        Thread.objects.filter(pk__in=ids)
        .in_listing_order()
        .select_related("author", "article", "last_post__author")
        .only(*THREAD_ROW_FIELDS)
    )
    annotate_unread(request.user, thread_list)
    _mark_members_only(request.user, forum, thread_list)
    context = {
        "forum": forum,
        "threads": thread_list,
        "rows_key": thread_rows_key(thread_list),
        "page_obj": page,
        "procedures": procedures,
        "procedure": procedure,
        "query": f"procedure={procedure.slug}&" if procedure else "",
        "can_start_thread": permissions.can_start_thread(request.user),
        "is_watching": request.user.is_authenticated
        and forum.watches.filter(user=request.user).exists(),
    }
    response = render(request, "forums/forum_detail.html", context)
    return _for_members(response, forum.members_only)


def _mark_members_only(user, forum: Forum, threads) -> None:
    """Badge the members-only rows; a visitor sees their titles (where shown) but not who
    wrote in them (`hides_authors`)."""
    visitor = not can_read_members_only(user)
    for thread in threads:
        thread.members_only_badge = thread.members_only and not forum.members_only
        thread.hides_authors = visitor and (thread.members_only or forum.members_only)


# The thread's own row, and of its forum, procedure and author only what the page shows (an
# article's body is large; reading it cost a fifth of the page).
THREAD_PAGE_FIELDS = [
    *(field.name for field in Thread._meta.concrete_fields),
    *("forum__name", "forum__slug", "forum__members_only", "article__title", "article__slug"),
    *("author__username", "author__deleted_at"),
]


def clinician_answers(thread: Thread, posts: list[Post], page) -> list[Post]:
    """The verified surgeons' replies marked "clinician answer", shown under the first post
    (only while their author is still a verified surgeon). Most threads fit on one page: then
    the answers are among the posts already read, and no query is needed."""
    if page.number != 1:
        return []
    if not page.has_next():
        return [
            post
            for post in posts
            if post.is_clinician_answer and post.is_visible and post.author.is_verified_surgeon
        ]
    return list(
        thread.posts.visible()
        .filter(is_clinician_answer=True, author__is_verified_surgeon=True)
        .select_related("author")
        .order_by("number")
    )


def thread_redirect(request, pk):
    thread = get_object_or_404(
        Thread.objects.visible_to(request.user).select_related("forum"), pk=pk
    )
    if not permissions.can_read_thread(request.user, thread):
        return members_only_gate(request, thread.forum, thread)  # the address holds the title
    return redirect(thread)


def _canonical(thread: Thread, request):
    query = request.GET.urlencode()
    return redirect(thread.get_absolute_url() + (f"?{query}" if query else ""), permanent=True)


def thread_detail(request, pk, slug):
    user = request.user
    thread = get_object_or_404(
        Thread.objects.visible_to(user)
        .select_related("forum", "article", "author")
        .only(*THREAD_PAGE_FIELDS),
        pk=pk,
    )
    if not permissions.can_read_thread(user, thread):
        return members_only_gate(request, thread.forum, thread)
    if slug != thread.slug:
        return _canonical(thread, request)
    last_read = read_up_to(user, thread)
    if query_int(request, "page") is None:
        unread = first_unread_number(thread, last_read)
        if unread is not None:
            post = (
                thread.posts.on_thread_page_for(user)
                .filter(number__gte=unread)
                .order_by("number")
                .only("pk", "number")
                .first()
            )
            if post is not None:
                return redirect(
                    f"{thread.get_absolute_url()}?page={post.page_number}#post-{post.pk}"
                )
    page = page_for(request, count=thread.last_post_number, per_page=POSTS_PER_PAGE)
    first = (page.number - 1) * POSTS_PER_PAGE
    posts = list(
        thread.posts.filter(number__gt=first, number__lte=first + POSTS_PER_PAGE)
        .on_thread_page_for(user)
        .with_authors()
        .order_by("number")[:POSTS_PER_PAGE]
    )
    shown = versions.depends_on(*thread_page_versions(thread, posts))
    viewcount.count_view(thread.pk)
    if posts and user.is_authenticated and (last_read or 0) < posts[-1].number:
        mark_read(user, thread, posts[-1].number)
    prepare_posts(user, thread, posts, shown)
    reply_form = composer = None
    if permissions.can_reply(user, thread):
        composer = reply_composer(user, thread)
        draft = composer["draft"]
        reply_form = ReplyForm(thread=thread, initial={"body": draft.body} if draft else {})
    context = {
        "thread": thread,
        "forum": thread.forum,
        "posts": posts,
        "page_obj": page,
        "reply_form": reply_form,
        "composer": composer,
        "clinician_answers": clinician_answers(thread, posts, page),
        "clinician_markable": {
            post.pk for post in posts if permissions.can_mark_clinician_answer(user, post)
        },
        "reply_refusal": permissions.reply_refusal(user, thread) if user.is_authenticated else "",
        "is_moderator": is_moderator(user),
        "can_hide_thread": permissions.can_hide(user, thread),
        "can_restore_thread": permissions.can_restore(user, thread),
        "is_watching": user.is_authenticated and thread.watches.filter(user=user).exists(),
        "members_only": thread.is_members_only,
        "can_make_members_only": permissions.can_make_members_only(user, thread),
        "can_make_public": permissions.can_make_public(user, thread),
    }
    response = render(request, "forums/thread_detail.html", context)
    return _for_members(response, thread.is_members_only)


def post_permalink(request, pk):
    """A post's stable address: the right page of its thread, scrolled to the post."""
    post = get_object_or_404(
        Post.objects.select_related("thread__forum").filter(
            thread__in=Thread.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    if not permissions.can_read_thread(request.user, post.thread):
        return members_only_gate(request, post.thread.forum, post.thread)
    return redirect(f"{post.thread.get_absolute_url()}?page={post.page_number}#post-{post.pk}")


def post_history(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread", "author"), pk=pk)
    if not permissions.can_view_history(request.user, post):
        raise PermissionDenied(_("Only moderators can read a post's revisions."))
    revisions = post.history.select_related("history_user").order_by("-history_date")
    return render(request, "forums/post_history.html", {"post": post, "revisions": revisions})
