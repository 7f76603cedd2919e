import string
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models.functions import Substr, Upper
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.limits import limit_refusal
from accounts.permissions import can_post
from articles.caching import article_body_versions, article_section_versions
from articles.forms import FeedbackForm
from articles.models import Article, ArticleFeedback, BodyPart, default_version
from core import versions
from core.inputs import query_int, query_slug, query_text
from search.query import seconds_until_next_publication

ARTICLES_PER_PAGE = 20


def article_list(request):
    articles = (
        Article.objects.published()
        .readable_in(translation.get_language())
        .select_related("body_part")
        .order_by("title")
    )
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
    language = translation.get_language()
    fragment_seconds = versions.lifetime(seconds_until_next_publication())
    # A translation's write bumps every version of its family (articles.caching).
    translations = versions.cached(
        f"article-translations:{article.pk}",
        [f"article:{article.pk}"],
        article.published_translations,
        timeout=fragment_seconds,
    )
    if article.language != language and language in translations:
        return redirect(translations[language].get_absolute_url())
    related = (
        Article.objects.published()
        .readable_in(language)
        .filter(body_part=article.body_part)
        .exclude(pk=article.pk)
        .only("title", "slug", "language", "summary_html")[:6]
    )
    context = {
        "article": article,
        "alternates": alternates(request, translations),
        "other_versions": other_versions(article, translations),
        "related_articles": related,
        "body_versions": article_body_versions(article),
        "section_versions": article_section_versions(article),
        "may_post": can_post(request.user),
        "fragment_seconds": fragment_seconds,
        # The sections about the procedure include its translations' threads and posts.
        "article_family_ids": sorted({article.pk, *(a.pk for a in translations.values())}),
    }
    return render(request, "articles/article_detail.html", context)


# Offered to the reader in the language of the other version, whatever the page's language.
READ_IN = {"en": "Read in English", "es": "Leer en español"}


def alternates(request, translations: dict[str, Article]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each published version, and x-default: the version in
    the default language, else the original."""
    if not translations:
        return []
    urls = [
        (code, request.build_absolute_uri(a.canonical_url())) for code, a in translations.items()
    ]
    default = default_version(translations.values())
    return [*sorted(urls), ("x-default", request.build_absolute_uri(default.canonical_url()))]


def other_versions(article: Article, translations: dict[str, Article]) -> list[dict]:
    """The links to this article in the other languages. The default language has no prefix:
    its link goes through the language switcher, which also remembers the choice (else a
    reader whose browser prefers Spanish would be sent back to the Spanish page)."""
    links = []
    for code, other in sorted(translations.items()):
        if other.pk == article.pk or code not in READ_IN:
            continue
        url = other.canonical_url()
        if code == settings.LANGUAGE_CODE:
            url = reverse("switch_language", args=[code]) + "?" + urlencode({"next": url})
        links.append({"language": code, "url": url, "label": READ_IN[code]})
    return links


def article_print(request, slug):
    """The short printable version: key facts, warning signs, care at home; no forums,
    blogs, comments or navigation."""
    article = get_object_or_404(
        Article.objects.visible_to(request.user)
        .select_related("body_part", "reviewer")
        .prefetch_related("care_instructions", "warning_signs"),
        slug=slug,
    )
    return render(request, "articles/article_print.html", {"article": article})


@never_cache  # the form carries this visitor's CSRF token: never the page cache's copy
@require_http_methods(["GET", "POST"])
def article_feedback(request, slug):
    """ "Was this page helpful?": no account needed. The article page loads the form with
    htmx (so the page itself stays cacheable); without JavaScript this is its own page."""
    article = get_object_or_404(Article.objects.published(), slug=slug)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["form_token"]
        already_sent = token and ArticleFeedback.objects.filter(form_token=token).exists()
        refusal = "" if already_sent else limit_refusal(request, "article_feedback")
        if refusal:
            form.add_error(None, refusal)
        else:
            if not already_sent:
                _save_feedback(article, form)
            return _thanks(request, article)
    context = {"article": article, "form": form}
    if request.htmx:  # htmx swaps only 2xx answers: the form with its errors, in place
        return render(request, "articles/includes/feedback_form.html", context)
    status = 400 if form.errors else 200
    return render(request, "articles/feedback.html", context, status=status)


def _save_feedback(article: Article, form: FeedbackForm) -> None:
    """One row per form token: a second submit of the same form (even at the same
    moment) finds the first row instead of adding another."""
    feedback = form.save(commit=False)
    feedback.article = article
    feedback.form_token = form.cleaned_data["form_token"] or uuid.uuid4()
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:
        pass  # the same form, submitted twice at once: the other request saved it


def _thanks(request, article: Article):
    if request.htmx:
        return render(request, "articles/includes/feedback_thanks.html", {"article": article})
    messages.success(request, _("Thank you: your answer helps the editors improve this page."))
    return redirect(article.get_absolute_url() + "#feedback")
