from django.contrib.sitemaps import Sitemap
from django.db.models import Q

from articles.models import Article, default_version


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

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        groups = self._published_groups([url["item"] for url in urls])
        for url in urls:
            family = groups.get(url["item"].group_id, [])
            if len(family) > 1:
                url["alternates"] = self._alternates(family, origin)
        return urls

    @staticmethod
    def _published_groups(articles) -> dict[int, list[Article]]:
        """The published articles of these articles' groups, by group: one query."""
        ids = {article.group_id for article in articles}
        family = Article.objects.published().filter(Q(pk__in=ids) | Q(translation_of_id__in=ids))
        groups: dict[int, list[Article]] = {}
        for article in family.only("slug", "language", "translation_of_id"):
            groups.setdefault(article.group_id, []).append(article)
        return groups

    @staticmethod
    def _alternates(family: list[Article], origin: str) -> list[dict]:
        by_language = {article.language: article for article in family}
        default = default_version(family)
        alternates = [
            {"lang_code": code, "location": origin + article.canonical_url()}
            for code, article in sorted(by_language.items())
        ]
        return [
            *alternates,
            {"lang_code": "x-default", "location": origin + default.canonical_url()},
        ]


SITEMAPS = {"articles": ArticleSitemap}
