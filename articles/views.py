import string
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models.functions import Substr, Upper
from django.shortcuts import get_object_or_404, render

from accounts.permissions import can_post
from articles.caching import article_body_versions, article_section_versions
from articles.models import Article, BodyPart
from core import versions
from core.inputs import query_int, query_slug, query_text
from search.query import seconds_until_next_publication

ARTICLES_PER_PAGE = 20


def article_list(request):
    articles = Article.objects.published().select_related("body_part").order_by("title")
    body_part = None
    if slug := query_slug(request, "body_part"):
        body_part = get_object_or_404(BodyPart, slug=slug)
        articles = articles.filter(body_part=body_part)
    letter = query_text(request, "letter", max_length=1).upper()
    letters_in_use = set(
        articles.annotate(initial=Upper(Substr("title", 1, 1))).values_list("initial", flat=True)
    )
    if letter in letters_in_use:
        articles = articles.filter(title__istartswith=letter)
    else:
        letter = ""
    context = {
        "page_obj": Paginator(articles, ARTICLES_PER_PAGE).get_page(query_int(request, "page")),
        "body_parts": BodyPart.objects.all(),
        "body_part": body_part,
        "letter": letter,
        "alphabet": [(c, c in letters_in_use) for c in string.ascii_uppercase],
        "pagination_query": _query_prefix(body_part=body_part and body_part.slug, letter=letter),
    }
    return render(request, "articles/article_list.html", context)


def _query_prefix(**params) -> str:
    """The list's filters as a query-string prefix for pagination links ("a=b&")."""
    kept = {key: value for key, value in params.items() if value}
    return urlencode(kept) + "&" if kept else ""


def article_detail(request, slug):
    """The body, the other apps' sections and the related articles are fragments keyed by
    the versions of what they show (the template): their queries run only when one is built."""
    article = get_object_or_404(
        Article.objects.visible_to(request.user).select_related("body_part", "reviewer"),
        slug=slug,
    )
    related = (
        Article.objects.published()
        .filter(body_part=article.body_part)
        .exclude(pk=article.pk)
        .only("title", "slug", "summary_html")[:6]
    )
    context = {
        "article": article,
        "related_articles": related,
        "body_versions": article_body_versions(article),
        "section_versions": article_section_versions(article),
        "may_post": can_post(request.user),
        "fragment_seconds": versions.lifetime(seconds_until_next_publication()),
    }
    return render(request, "articles/article_detail.html", context)
