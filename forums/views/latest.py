"""Latest across all forums: the threads with the newest posts, for members."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from forums.models import THREADS_PER_PAGE, Thread
from forums.pagination import page_for
from forums.presenting import thread_rows
from forums.watching import annotate_unread


@login_required
def latest(request):
    """Every forum's threads the member may read, newest activity first (pinning is a
    forum's own order, not this page's)."""
    threads = Thread.objects.visible_to(request.user)
    page = page_for(request, count=threads.count(), per_page=THREADS_PER_PAGE)
    offset = (page.number - 1) * THREADS_PER_PAGE
    ids = threads.order_by("-last_post_at", "-pk").values("pk")[offset : offset + THREADS_PER_PAGE]
    listed = Thread.objects.filter(pk__in=ids).order_by("-last_post_at", "-pk")
    rows = thread_rows(listed)
    forums = dict(listed.values_list("pk", "forum__name"))
    slugs = dict(listed.values_list("pk", "forum__slug"))
    for row in rows:
        row["forum_name"], row["forum_slug"] = forums[row.pk], slugs[row.pk]
    annotate_unread(request.user, rows)
    return render(request, "forums/latest.html", {"threads": rows, "page_obj": page})
