from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from heroes.models import Hero


class HeroSitemap(Sitemap):
    # Every page exists in every language (the interface translated, members' and editors'
    # text as written): each address, with the others as hreflang alternates.
    i18n = alternates = x_default = True
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ["heroes:list", "heroes:policy", *Hero.objects.published().order_by("pk")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at


SITEMAPS = {"heroes": HeroSitemap}
