"""The content generation: one number that any write to site content moves once its
transaction commits, so cached pages and computed values (a tag cloud, search counts) are
never older than the content."""

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core.db_router import fill_from_primary, note_content_write

GENERATION_KEY = "page-cache:generation"
# Writes to these models change no public page (or happen on every request).
IGNORED_MODELS = {
    "accounts.notification",
    "search.searchentry",
    "search.searchword",
    "sessions.session",
    "admin.logentry",
    "django_tasks_db.dbtaskresult",
    "forums.threadreadstate",
    "forums.threadwatch",
    "forums.forumwatch",
}
CONTENT_APPS = {
    "core", "search", "accounts", "articles", "forums", "blogs", "videos", "heroes", "taggit",
}  # fmt: skip


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(timezone.now().timestamp() * 1000)
        cache.add(GENERATION_KEY, value, None)
    return value


def bump_generation(sender=None, **kwargs) -> None:
    label = f"{sender._meta.app_label}.{sender._meta.model_name}" if sender else ""
    if sender is not None and (
        sender._meta.app_label not in CONTENT_APPS
        or label in IGNORED_MODELS
        or sender.__name__.startswith("Historical")
    ):
        return
    # After the commit: a reader on another connection must not store what it read before
    # the commit under the new generation (and a rolled-back write invalidates nothing).
    transaction.on_commit(_bump, robust=True)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, generation() + 1, None)
    note_content_write()


def cached_until_content_changes(
    name: str, compute, *, timeout: int = 300, expires_in: Callable[[], int | None] = lambda: None
):
    """A value worth computing once per content generation (a tag cloud, search counts),
    kept no longer than `timeout`, nor past `expires_in()` seconds (the next scheduled
    publication that would change it)."""
    key = f"computed:{name}:{generation()}"
    value = cache.get(key)
    if value is None:
        with fill_from_primary():
            value = compute()
        upcoming = expires_in()
        cache.set(key, value, timeout if upcoming is None else min(timeout, upcoming))
    return value
