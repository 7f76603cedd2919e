from django.contrib.sitemaps import Sitemap

from videos.models import Video


class VideoSitemap(Sitemap):
    # Every page exists in every language (the interface translated, members' and editors'
    # text as written): each address, with the others as hreflang alternates.
    i18n = alternates = x_default = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Video.objects.published().order_by("pk")

    def lastmod(self, video):
        return video.updated_at


SITEMAPS = {"videos": VideoSitemap}
