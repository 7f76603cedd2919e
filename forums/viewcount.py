"""Thread view counts, counted in the shared cache and written to the row in batches.

A page view costs one cache increment; every FORUMS_VIEW_FLUSH_EVERY views of a thread
become one UPDATE. With Redis the count is shared by every app server; with the
local-memory cache each process flushes its own share, so nothing is lost but a tail.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import F

from forums.models import Thread

KEY = "forums:thread-views:{}"


def flush_every() -> int:
    return getattr(settings, "FORUMS_VIEW_FLUSH_EVERY", 20)


def count_view(thread_id: int) -> None:
    key = KEY.format(thread_id)
    if cache.add(key, 1, timeout=None):
        pending = 1
    else:
        try:
            pending = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.add(key, 1, timeout=None)
            pending = 1
    if pending >= flush_every():
        flush(thread_id)


def flush(thread_id: int) -> int:
    """Move the pending views of one thread from the cache to its row."""
    key = KEY.format(thread_id)
    pending = cache.get(key) or 0
    if pending:
        cache.decr(key, pending)
        Thread.objects.filter(pk=thread_id).update(view_count=F("view_count") + pending)
    return pending


def pending_views(thread_id: int) -> int:
    return cache.get(KEY.format(thread_id)) or 0
