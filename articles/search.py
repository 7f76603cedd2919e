"""How a procedure article reads as a site-search document: its title, other names (TKR,
total knee replacement…) and every section, care instruction and warning sign. Saving a
care instruction or warning sign re-indexes its article."""

from operator import attrgetter

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from articles.models import Article, CareInstruction, WarningSign
from search.indexing import Source, plain


def public_articles() -> QuerySet:
    return (
        Article.objects.published()
        .select_related("body_part")
        .prefetch_related("care_instructions", "warning_signs")
    )


def article_document(article: Article) -> dict:
    lists = [item.text_html for item in article.care_instructions.all()] + [
        sign.text_html for sign in article.warning_signs.all()
    ]
    return {
        "title": article.title,
        "other_names": "  ".join(article.other_names_list),  # two spaces keep names apart
        "body": plain(
            article.summary_html,
            article.why_done_html,
            article.description_html,
            *lists,
            article.restrictions_html,
            article.risks_html,
            article.medicines_html,
        ),
        "url": article.get_absolute_url(),
        "body_part_slug": article.body_part.slug,
        "visible_from": article.published_at or article.created_at,
    }


SOURCES = [
    Source(
        "article", _("Articles"), Article, public_articles, article_document, item_label=_("Article"),
        position=10,
        parts=((CareInstruction, attrgetter("article")), (WarningSign, attrgetter("article"))),
    )
]  # fmt: skip
