from django.contrib.sitemaps import Sitemap

from blogs.models import BlogPost


class BlogPostSitemap(Sitemap):
    """Published posts whose time has come: never drafts, scheduled or hidden posts."""

    # Every page exists in every language (the interface translated, members' and editors'
    # text as written): each address, with the others as hreflang alternates.
    i18n = alternates = x_default = True
    changefreq = "weekly"
    priority = 0.5
    limit = 5000

    def items(self):
        return BlogPost.objects.published().select_related("author").order_by("pk")

    def lastmod(self, post):
        return post.updated_at


SITEMAPS = {"blogs": BlogPostSitemap}
