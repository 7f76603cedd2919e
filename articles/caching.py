"""Which named versions (core.versions) article writes bump: an article (with its care
instructions, warning signs and illustrations) bumps itself and the lists that show articles
(the home page's featured article and body parts, related articles, synonyms). Readers'
"was this page helpful?" answers show only in the admin: they bump nothing."""

from articles.models import (
    Article,
    ArticleFeedback,
    BodyPart,
    CareInstruction,
    Illustration,
    WarningSign,
)


def article_names(article: Article, **signal) -> list[str]:
    """The article and its translations: each page links to the others (hreflang, "Leer en
    español"), so a translation published or renamed changes them all."""
    family = {article.pk, article.translation_of_id}
    if article.pk is not None:
        family.update(article.family().values_list("pk", flat=True))
    return [*(f"article:{pk}" for pk in sorted(family - {None})), "articles"]


def item_names(item, **signal) -> list[str]:
    return [f"article:{item.article_id}"]


def article_body_versions(article: Article) -> list[str]:
    """What the article's own text shows: the article and its reviewer's name."""
    names = [f"article:{article.pk}"]
    if article.reviewer_id:
        names.append(f"member:{article.reviewer_id}")
    return names


def article_section_versions(article: Article) -> list[str]:
    """What the other apps' sections on an article page show (threads, blog posts, videos,
    heroes about it, with their authors' names)."""
    return ["article-sections", f"article-sections:{article.pk}", "members"]


BUMPS = {
    Article: article_names,
    BodyPart: lambda body_part, **signal: ["articles", "article-sections"],
    CareInstruction: item_names,
    WarningSign: item_names,
    Illustration: item_names,
}
QUIET = {ArticleFeedback}
