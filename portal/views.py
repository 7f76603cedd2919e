import logging
import mimetypes
import posixpath
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import last_modified, require_GET
from django.views.i18n import JavaScriptCatalog

from accounts.permissions import can_read_members_only
from articles.models import Article, BodyPart
from core import db_router, versions
from core.inputs import query_int, query_slug, query_text
from core.languages import localized_url
from core.models import MEMBER_IMAGE_PREFIX, PendingTask, SitePage
from portal.languages import remember_language
from search import indexing
from search import query as site_search

logger = logging.getLogger(__name__)


def home(request):
    """Every section is a fragment keyed by the versions of what it shows (the template):
    the queries below run only when their fragment is built."""
    featured = (
        Article.objects.published()
        .filter(is_featured=True)
        .for_reader(translation.get_language())  # the Spanish osteotomy on /es/
        .published()
        .select_related("body_part")
        .prefetch_related("care_instructions", "warning_signs")
        .order_by("-published_at")
    )
    context = {
        "featured_article": SimpleLazyObject(featured.first),
        "body_parts": BodyPart.objects.all(),
        "fragment_seconds": versions.lifetime(site_search.seconds_until_next_publication()),
    }
    return render(request, "portal/home.html", context)


# Pages whose editable text is followed by facts the code and settings decide.
PAGE_TEMPLATES = {"privacy": "portal/privacy.html"}


def site_page(request, slug):
    """The page in the reader's language, else the English one with a note saying so."""
    page = SitePage.objects.for_language(slug, translation.get_language())
    if page is None:
        raise Http404("No such page.")
    template = PAGE_TEMPLATES.get(slug, "portal/site_page.html")
    context = {
        "page": page,
        "untranslated": page.language != translation.get_language(),
        "retention": settings.RETENTION_DAYS,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
    }
    return render(request, template, context)


@never_cache
@require_GET
def healthz(request):
    """503 only when the primary database is down: the balancer takes the server out then.
    A down cache, a down or lagging replica, or tasks waiting for a queue that was down
    are reported as degraded with 200."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    if checks["database"]:  # tasks kept while the queue was down (core.queueing)
        checks["tasks_waiting"] = PendingTask.objects.count()
    replicas = {alias: db_router.monitor.status(alias) for alias in settings.DATABASE_REPLICAS}
    if replicas:
        checks["replicas"] = replicas
    if not checks["database"]:
        state = "error"
    elif (
        checks["cache"]
        and not checks["tasks_waiting"]
        and all(r["status"] == "ok" for r in replicas.values())
    ):
        state = "ok"
    else:
        state = "degraded"
    return JsonResponse({"status": state, **checks}, status=503 if state == "error" else 200)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: database unreachable")
        return False


def _cache_ok() -> bool:
    """The cache answers, and not through its stand-in (core.cache_backends)."""
    try:
        cache.set("healthz", "ok", 10)
        answered = cache.get("healthz") == "ok"
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False
    return answered and not getattr(cache, "is_degraded", False)


@require_GET
@cache_control(max_age=86400, public=True)
def media_file(request, path):
    """An upload, fetched from the media storage. Uploaded names are never reused
    (uploads are validated and given new names before they are stored)."""
    if posixpath.normpath(path).lstrip("/").startswith(MEMBER_IMAGE_PREFIX.rstrip("/")):
        raise Http404  # served by portal.composer.member_image, which checks the reader
    try:
        found = default_storage.exists(path)
    except (SuspiciousFileOperation, ValueError, OSError):  # "..", NUL, a name too long
        found = False
    if not found:
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(path), content_type=content_type)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /notifications/",
        "Disallow: /report/",
        "Disallow: /language/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# The catalogues change only with a deployment (a new process).
CATALOGUE_BUILT = timezone.now()
javascript_catalog = cache_control(max_age=3600)(
    last_modified(lambda request, **kwargs: CATALOGUE_BUILT)(JavaScriptCatalog.as_view())
)


@require_GET
@never_cache
def switch_language(request, code):
    """The header and footer switcher: this page in another language, and the choice kept
    (a cookie; a member's settings too). A link, not a form, so cached pages carry it."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = query_text(request, "next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(localized_url(next_url, code))
    remember_language(response, code)
    if request.user.is_authenticated and request.user.language != code:
        request.user.language = code
        request.user.save(update_fields=["language"])
    return response


SEARCH_PAGE_SIZE = 20


def search(request):
    raw = query_text(request, "q")
    kinds = {source.kind: source.label for source in indexing.sources()}
    item_labels = {source.kind: source.item_label for source in indexing.sources()}
    member_kinds = {source.kind for source in indexing.sources() if source.member_written}
    kind = query_text(request, "type")
    kind = kind if kind in kinds else ""
    body_part = query_slug(request, "body_part")
    member = can_read_members_only(request.user)
    language = translation.get_language()
    results = site_search.search(
        raw, kind=kind, body_part=body_part, member=member, language=language
    )
    paginator = site_search.KnownCountPaginator(
        results.entries, SEARCH_PAGE_SIZE, count=results.count
    )
    page = paginator.get_page(query_int(request, "page"))
    query = results.query
    body_parts = list(BodyPart.objects.all())
    body_part_names = {part.slug: part.local_name for part in body_parts}
    context = {
        "q": site_search.clean_query(raw)[0],
        "kind": kind,
        "kinds": [(k, label, results.counts.get(k, 0)) for k, label in kinds.items()],
        "body_part": body_part,
        "body_parts": body_parts,
        "page_obj": page,
        "member_kinds": member_kinds,
        "hits": [
            (
                site_search.for_reader(entry, language, body_part_names),
                site_search.highlight(entry.title, results.query_for(entry.language)),
                site_search.snippet(entry.body, results.query_for(entry.language)),
                item_labels.get(entry.kind, ""),
            )
            for entry in page
        ],
        "total": sum(results.counts.values()),
        "capped": results.capped,
        "message": query.message,
        "suggestion": site_search.suggest(query, member=member)
        if query.positive and page.paginator.count < 3
        else "",
        "pagination_query": urlencode({"q": raw, "type": kind, "body_part": body_part}) + "&",
    }
    return render(request, "portal/search.html", context)
