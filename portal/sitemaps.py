"""Every app's sitemap, collected for /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.sitemaps import ArticleSitemap
from blogs.sitemaps import BlogPostSitemap
from forums.sitemaps import ForumSitemap, ThreadSitemap
from heroes.sitemaps import HeroSitemap
from videos.sitemaps import VideoSitemap


class SectionSitemap(Sitemap):
    priority = 0.6
    changefreq = "daily"

    def items(self):
        return ["home", "articles:list"]

    def location(self, name):
        return reverse(name)


sitemaps = {"sections": SectionSitemap, "articles": ArticleSitemap}
sitemaps["videos"] = VideoSitemap
sitemaps["blogs"] = BlogPostSitemap
sitemaps["heroes"] = HeroSitemap
sitemaps["forums"] = ForumSitemap
sitemaps["threads"] = ThreadSitemap
