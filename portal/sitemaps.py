"""/sitemap.xml: the site's sections, plus each app's `sitemaps.SITEMAPS` (core.plugins)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.plugins import app_modules


class SectionSitemap(Sitemap):
    # Every page exists in every language (the interface translated, members' and editors'
    # text as written): each address, with the others as hreflang alternates.
    i18n = alternates = x_default = True
    priority = 0.6
    changefreq = "daily"

    def items(self):
        return ["home", "articles:list"]

    def location(self, name):
        return reverse(name)


def collect() -> dict[str, type[Sitemap]]:
    found = {"sections": SectionSitemap}
    for module in app_modules("sitemaps"):
        if module.__name__ != __name__:
            found.update(module.SITEMAPS)
    return found


sitemaps = collect()
