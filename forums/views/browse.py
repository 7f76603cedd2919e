"""Reading the forums: index, forum, thread, permalinks, revisions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from core import versions
from core.composing import draft_for
from core.inputs import query_int, query_slug
from core.roles import is_moderator
from forums import permissions, viewcount
from forums.caching import forum_page_versions, thread_page_versions
from forums.composer import reply_composer
from forums.forms import ReplyForm
from forums.models import POSTS_PER_PAGE, THREADS_PER_PAGE, Forum, Post, Reaction, Thread
from forums.pagination import page_for
from forums.posting import mark_read, reply_draft_key
from forums.presenting import post_cards, thread_rows
from forums.watching import annotate_unread, first_unread_number
from moderation.links import moderation_url


def forum_index(request):
    # Only what the table shows: the latest posts' bodies and their authors' accounts stay put.
    forums = (
        Forum.objects.select_related("last_post__thread", "last_post__author")
        .only(
            "name",
            "slug",
            "description",
            "thread_count",
            "post_count",
            "last_post__created_at",
            "last_post__thread__title",
            "last_post__author__username",
            "last_post__author__deleted_at",
        )
        .order_by("position", "name")
    )
    return render(request, "forums/forum_index.html", {"forums": forums})


def forum_detail(request, slug):
    forum = get_object_or_404(Forum, slug=slug)
    versions.depends_on(*forum_page_versions(forum))
    procedures = list(forum.articles.published().only("title", "slug").order_by("title"))
    wanted = query_slug(request, "procedure")
    procedure = next((a for a in procedures if a.slug == wanted), None)
    threads = Thread.objects.visible_to(request.user).filter(forum=forum)
    if procedure is not None:
        threads = threads.filter(article=procedure)
    exact = procedure is not None or is_moderator(request.user)
    page = page_for(
        request, count=threads.count() if exact else forum.thread_count, per_page=THREADS_PER_PAGE
    )
    # Ids first from the listing index, then the rows: deep pages stay as fast as page 1.
    offset = (page.number - 1) * THREADS_PER_PAGE
    # The page's ids come from the listing index alone (an index-only scan, so page 500
    # costs about what page 1 does), then the rows are joined: one query.
    ids = threads.in_listing_order().values("pk")[offset : offset + THREADS_PER_PAGE]
    thread_list = thread_rows(Thread.objects.filter(pk__in=ids).in_listing_order())
    annotate_unread(request.user, thread_list)
    context = {
        "forum": forum,
        "threads": thread_list,
        "page_obj": page,
        "procedures": procedures,
        "procedure": procedure,
        "query": f"procedure={procedure.slug}&" if procedure else "",
        "can_start_thread": permissions.can_start_thread(request.user),
        "is_watching": request.user.is_authenticated
        and forum.watches.filter(user=request.user).exists(),
    }
    return render(request, "forums/forum_detail.html", context)


# The thread's own row, and of its forum, procedure and author only what the page shows (an
# article's body is large; reading it cost a fifth of the page).
THREAD_PAGE_FIELDS = [
    *(field.name for field in Thread._meta.concrete_fields),
    *("forum__name", "forum__slug", "article__title", "article__slug"),
    *("author__username", "author__deleted_at"),
]


def clinician_answers(user, thread: Thread) -> list[Post]:
    """The verified surgeons' replies marked "clinician answer", shown under the first post
    (only while their author is still a verified surgeon)."""
    return list(
        thread.posts.visible()
        .filter(is_clinician_answer=True, author__is_verified_surgeon=True)
        .select_related("author")
        .order_by("number")
    )


def thread_redirect(request, pk):
    thread = get_object_or_404(Thread.objects.visible_to(request.user), pk=pk)
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
    if slug != thread.slug:
        return _canonical(thread, request)
    if query_int(request, "page") is None:
        unread = first_unread_number(user, thread)
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
    versions.depends_on(*thread_page_versions(thread, posts))
    viewcount.count_view(thread.pk)
    if posts:
        mark_read(user, thread, posts[-1].number)
    reply_form = None
    if permissions.can_reply(user, thread):
        draft = draft_for(user, reply_draft_key(thread.pk))
        reply_form = ReplyForm(thread=thread, initial={"body": draft.body} if draft else {})
    context = {
        "thread": thread,
        "forum": thread.forum,
        "posts": post_cards(user, posts),
        "page_obj": page,
        "reply_form": reply_form,
        "composer": reply_composer(user, thread) if reply_form else None,
        "clinician_answers": clinician_answers(user, thread) if page.number == 1 else [],
        "clinician_markable": {
            post.pk for post in posts if permissions.can_mark_clinician_answer(user, post)
        },
        "reply_refusal": permissions.reply_refusal(user, thread) if user.is_authenticated else "",
        "is_moderator": is_moderator(user),
        "thread_hide_url": moderation_url("hide", thread)
        if permissions.can_hide(user, thread)
        else "",
        "thread_restore_url": moderation_url("restore", thread)
        if permissions.can_restore(user, thread)
        else "",
        "is_watching": user.is_authenticated and thread.watches.filter(user=user).exists(),
        "reaction_kinds": Reaction.Kind,
    }
    return render(request, "forums/thread_detail.html", context)


def post_permalink(request, pk):
    """A post's stable address: the right page of its thread, scrolled to the post."""
    post = get_object_or_404(
        Post.objects.select_related("thread").filter(
            thread__in=Thread.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    return redirect(f"{post.thread.get_absolute_url()}?page={post.page_number}#post-{post.pk}")


def post_history(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread", "author"), pk=pk)
    if not permissions.can_view_history(request.user, post):
        raise PermissionDenied("Only moderators can read a post's revisions.")
    revisions = post.history.select_related("history_user").order_by("-history_date")
    return render(request, "forums/post_history.html", {"post": post, "revisions": revisions})
