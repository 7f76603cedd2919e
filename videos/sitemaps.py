from django.contrib.sitemaps import Sitemap

from videos.models import Video


class VideoSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Video.objects.published().order_by("pk")

    def lastmod(self, video):
        return video.updated_at


SITEMAPS = {"videos": VideoSitemap}
