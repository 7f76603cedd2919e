from django.contrib.sitemaps import Sitemap

from forums.models import Forum, Thread


class ForumSitemap(Sitemap):
    # Every page exists in every language (the interface translated, members' and editors'
    # text as written): each address, with the others as hreflang alternates.
    i18n = alternates = x_default = True
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Forum.objects.filter(members_only=False).order_by("position", "pk")


class ThreadSitemap(Sitemap):
    # Every page exists in every language (the interface translated, members' and editors'
    # text as written): each address, with the others as hreflang alternates.
    i18n = alternates = x_default = True
    changefreq = "weekly"
    priority = 0.4
    limit = 5000

    def items(self):
        # Members-only threads are for no search engine.
        return Thread.objects.visible().public().only("pk", "slug", "last_post_at").order_by("pk")

    def lastmod(self, thread):
        return thread.last_post_at


SITEMAPS = {"forums": ForumSitemap, "threads": ThreadSitemap}
