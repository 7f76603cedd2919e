import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from articles.models import Article, BodyPart
from core.inputs import query_int, query_slug, query_text
from core.models import SitePage
from search import indexing
from search import query as site_search

logger = logging.getLogger(__name__)


def home(request):
    featured = (
        Article.objects.published()
        .filter(is_featured=True)
        .select_related("body_part")
        .prefetch_related("care_instructions", "warning_signs")
        .order_by("-published_at")
        .first()
    )
    context = {"featured_article": featured, "body_parts": BodyPart.objects.all()}
    return render(request, "portal/home.html", context)


# Pages whose editable text is followed by facts the code and settings decide.
PAGE_TEMPLATES = {"privacy": "portal/privacy.html"}


def site_page(request, slug):
    page = get_object_or_404(SitePage, slug=slug)
    template = PAGE_TEMPLATES.get(slug, "portal/site_page.html")
    context = {
        "page": page,
        "retention": settings.RETENTION_DAYS,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
    }
    return render(request, template, context)


@never_cache
@require_GET
def healthz(request):
    """200 when the database and the cache answer; 503 otherwise, with which one failed."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    status = 200 if all(checks.values()) else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", **checks}, status=status)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: database unreachable")
        return False


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /notifications/",
        "Disallow: /report/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


SEARCH_PAGE_SIZE = 20


def search(request):
    raw = query_text(request, "q")
    kinds = {source.kind: source.label for source in indexing.sources()}
    kind = query_text(request, "type")
    kind = kind if kind in kinds else ""
    body_part = query_slug(request, "body_part")
    results = site_search.search(raw, kind=kind, body_part=body_part)
    page = Paginator(results.entries, SEARCH_PAGE_SIZE).get_page(query_int(request, "page"))
    query = results.query
    context = {
        "q": site_search.clean_query(raw)[0],
        "kind": kind,
        "kinds": [(k, label, results.counts.get(k, 0)) for k, label in kinds.items()],
        "body_part": body_part,
        "body_parts": BodyPart.objects.all(),
        "page_obj": page,
        "hits": [
            (
                entry,
                site_search.highlight(entry.title, query),
                site_search.snippet(entry.body, query),
            )
            for entry in page
        ],
        "total": sum(results.counts.values()),
        "capped": results.capped,
        "message": query.message,
        "suggestion": site_search.suggest(query)
        if query.positive and page.paginator.count < 3
        else "",
        "pagination_query": urlencode({"q": raw, "type": kind, "body_part": body_part}) + "&",
    }
    return render(request, "portal/search.html", context)
