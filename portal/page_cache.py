"""Whole-page cache for anonymous visitors (most of the traffic, arriving from search engines).

- Only requests without a session or messages cookie are served from or stored in the cache,
  so a signed-in member never receives a page built for someone else.
- A page is stored with the named versions it was built from (`core.versions`: whatever
  rendered it called `depends_on`, or its fragments did), and served only while they all
  still hold: one `get` for the page, one `get_many` for its versions. A write bumps only
  the versions of what it changes, once its transaction commits, so a reply shows on the
  very next request, and a sign-in, a read state or a notification invalidates nothing.
  A page that declares nothing depends on `versions.ANY` (any content write). A page during
  whose building some content write committed is not stored (it may hold the content from
  before the write under versions read after it).
- Keys carry the host, the language, the method, htmx or not, and the path (and, through
  the cache backend, the deployment's KEY_PREFIX).
- While the cache is unreachable (core.cache_backends), pages are neither served from it
  nor stored.
- A page lives at most PAGE_CACHE_SECONDS, and never past the next scheduled publication it
  would otherwise hide.
- Responses that set a cookie (a CSRF token for a form) or are not 200 are never stored.
- Within the replica lag bound after a content write, a page is built from the primary, so
  a lagging replica never fills the page with the old content (core.db_router).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language, get_language_from_path

from core import versions
from core.db_router import fill_from_primary
from search.query import seconds_until_next_publication

SKIP_PREFIXES = ("/admin/", "/accounts/", "/notifications/", "/healthz", "/static/", "/media/")


def unprefixed(path: str) -> str:
    """The path without its language prefix: /es/accounts/ is skipped like /accounts/."""
    language = get_language_from_path(path)
    return path[len(language) + 1 :] if language else path


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not unprefixed(request.path).startswith(SKIP_PREFIXES)
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
    htmx = "htmx" if "HTTP_HX_REQUEST" in request.META else "page"
    return f"page:{request.get_host()}:{get_language()}:{request.method}:{htmx}:{path}"


def cached_page(key: str):
    """The stored response, if every version it was built from still holds."""
    entry = cache.get(key)
    if entry is None:
        return None
    built_from, response = entry
    if versions.current(built_from) != built_from:
        return None
    return response


def _degraded() -> bool:
    return getattr(cache, "is_degraded", False)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or _degraded() or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        cached = cached_page(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        # Read before rendering, for a page that declares nothing: a write committing
        # meanwhile then moves it past what the page is stored with.
        any_content = versions.current([versions.ANY])
        with fill_from_primary(), versions.collecting() as built_from:
            response = self.get_response(request)
            if is_cacheable_response(response) and callable(getattr(response, "render", None)):
                response.render()
        if not is_cacheable_response(response) or _degraded():
            return response
        # A content write that committed while the page was built may be missing from it
        # under versions read after its bump: such a page is served but not stored.
        if versions.current([versions.ANY]) == any_content:
            timeout = settings.PAGE_CACHE_SECONDS
            next_publication = seconds_until_next_publication()
            if next_publication is not None:
                timeout = min(timeout, next_publication)
            cache.set(key, (built_from or any_content, response), timeout)
        response["X-Page-Cache"] = "miss"
        return response
