from django.conf import settings
from django.contrib.sitemaps import Sitemap

from articles.models import Article


class ArticleSitemap(Sitemap):
    """Each article once, under its own language's prefix, with its published translations
    as hreflang alternates (x-default: the version in the default language, else the
    original). Not Django's `i18n`: that would list every article under every prefix, an
    English text at a Spanish address."""

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().order_by("pk")

    def location(self, article):
        return article.canonical_url()

    def lastmod(self, article):
        return article.updated_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        groups = self._published_groups([url["item"] for url in urls])
        for url in urls:
            family = groups.get(url["item"].group_id, [])
            if len(family) > 1:
                url["alternates"] = self._alternates(family, f"{protocol}://{domain}")
        return urls

    @staticmethod
    def _published_groups(articles) -> dict[int, list[Article]]:
        """The published articles of these articles' groups, by group: one query."""
        ids = {article.group_id for article in articles}
        family = Article.objects.published().filter(
            pk__in=ids
        ) | Article.objects.published().filter(translation_of_id__in=ids)
        groups: dict[int, list[Article]] = {}
        for article in family.only("slug", "language", "translation_of_id"):
            groups.setdefault(article.group_id, []).append(article)
        return groups

    @staticmethod
    def _alternates(family: list[Article], origin: str) -> list[dict]:
        by_language = {article.language: article for article in family}
        originals = [article for article in family if article.translation_of_id is None]
        default = by_language.get(settings.LANGUAGE_CODE) or (originals or family)[0]
        alternates = [
            {"lang_code": code, "location": origin + article.canonical_url()}
            for code, article in sorted(by_language.items())
        ]
        return [
            *alternates,
            {"lang_code": "x-default", "location": origin + default.canonical_url()},
        ]


SITEMAPS = {"articles": ArticleSitemap}
