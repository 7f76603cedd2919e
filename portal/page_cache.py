"""Whole-page cache for anonymous visitors (most of the traffic, arriving from search engines).

- Only requests without a session or messages cookie are served from or stored in the cache,
  so a signed-in member never receives a page built for someone else.
- Keys carry the content generation (`core.cache`), which any write to site content bumps
  once its transaction commits, so a new reply shows on the very next request, and a reader
  on another connection cannot store the page as it was before the commit under the new
  generation.
- While the cache is unreachable (core.cache_backends), pages are neither served from it
  nor stored.
- A page lives at most PAGE_CACHE_SECONDS, and never past the next scheduled publication it
  would otherwise hide.
- Responses that set a cookie (a CSRF token for a form) or are not 200 are never stored.
- Within the replica lag bound after a content write, a page is built from the primary, so
  a lagging replica never fills the new generation with the old content (core.db_router).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from core.cache import generation
from core.db_router import fill_from_primary
from search.query import seconds_until_next_publication

SKIP_PREFIXES = ("/admin/", "/accounts/", "/notifications/", "/healthz", "/static/", "/media/")


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


def _degraded() -> bool:
    return getattr(cache, "is_degraded", False)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or _degraded() or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        with fill_from_primary():
            response = self.get_response(request)
        if is_cacheable_response(response) and not _degraded():
            if hasattr(response, "render") and callable(response.render):
                response.render()
            timeout = settings.PAGE_CACHE_SECONDS
            next_publication = seconds_until_next_publication()
            if next_publication is not None:
                timeout = min(timeout, next_publication)
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
