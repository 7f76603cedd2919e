"""Latest across all forums: the threads with the newest posts, for members."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from forums.models import THREADS_PER_PAGE, Thread
from forums.pagination import page_for
from forums.views.browse import THREAD_ROW_FIELDS
from forums.watching import annotate_unread


@login_required
def latest(request):
    """Every forum's threads the member may read, newest activity first (pinning is a
    forum's own order, not this page's)."""
    threads = Thread.objects.visible_to(request.user)
    page = page_for(request, count=threads.count(), per_page=THREADS_PER_PAGE)
    offset = (page.number - 1) * THREADS_PER_PAGE
    ids = threads.order_by("-last_post_at", "-pk").values("pk")[offset : offset + THREADS_PER_PAGE]
    rows = list(
        Thread.objects.filter(pk__in=ids)
        .order_by("-last_post_at", "-pk")
        .select_related("forum", "author", "article", "last_post__author")
        .only(*THREAD_ROW_FIELDS, "forum__name", "forum__slug")
    )
    annotate_unread(request.user, rows)
    return render(request, "forums/latest.html", {"threads": rows, "page_obj": page})
