"""Whole-page cache for anonymous visitors (most of the traffic, arriving from search engines).

- Only requests without a session or messages cookie are served from or stored in the cache,
  so a signed-in member never receives a page built for someone else.
- Keys carry a content generation that any write to site content bumps (post_save and
  post_delete of content models), so a new reply shows on the very next request.
- A page lives at most PAGE_CACHE_SECONDS, and never past the next scheduled publication it
  would otherwise hide.
- Responses that set a cookie (a CSRF token for a form) or are not 200 are never stored.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

GENERATION_KEY = "page-cache:generation"
SKIP_PREFIXES = ("/admin/", "/accounts/", "/notifications/", "/healthz", "/static/", "/media/")
# Writes to these models change no public page (or happen on every request).
IGNORED_MODELS = {
    "accounts.notification",
    "portal.searchentry",
    "portal.searchword",
    "sessions.session",
    "admin.logentry",
    "django_tasks_db.dbtaskresult",
    "forums.threadreadstate",
    "forums.threadwatch",
    "forums.forumwatch",
}
CONTENT_APPS = {"portal", "accounts", "articles", "forums", "blogs", "videos", "heroes", "taggit"}


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
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, generation() + 1, None)


def seconds_until_next_publication() -> int | None:
    from portal.models import SearchEntry

    upcoming = (
        SearchEntry.objects.filter(visible_from__gt=timezone.now())
        .order_by("visible_from")
        .values_list("visible_from", flat=True)
        .first()
    )
    if upcoming is None:
        return None
    return max(1, int((upcoming - timezone.now()).total_seconds()))


def cached_until_content_changes(name: str, compute, *, timeout: int = 300):
    """A value worth computing once per content generation (a tag cloud, search counts),
    kept no longer than `timeout` nor past the next scheduled publication."""
    key = f"computed:{name}:{generation()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        upcoming = seconds_until_next_publication()
        cache.set(key, value, timeout if upcoming is None else min(timeout, upcoming))
    return value


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(SKIP_PREFIXES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


def page_key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{generation()}:{request.get_host()}:{request.method}:{path}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            timeout = settings.PAGE_CACHE_SECONDS
            next_publication = seconds_until_next_publication()
            if next_publication is not None:
                timeout = min(timeout, next_publication)
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
