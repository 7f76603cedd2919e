"""RSS 2.0 and Atom feeds: every blog, one blog, one tag. Full sanitised content, the
author, dates and categories from tags. Only published posts whose time has come."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from accounts.models import User
from blogs.models import BlogPost
from core.site import site_name

FEED_SIZE = 20


class LatestPostsFeed(Feed):
    def title(self, obj=None):
        return _("Blogs · %(site)s") % {"site": site_name()}

    def description(self, obj=None):
        return _("The latest posts from members' blogs.")

    def link(self, obj=None):
        return reverse("blogs:post_list")

    def posts(self, obj):
        return BlogPost.objects.published()

    def items(self, obj=None):
        return self.posts(obj).for_listing().newest_first()[:FEED_SIZE]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.body_html

    def item_author_name(self, post):
        return post.author.public_name

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_categories(self, post):
        return [tag.name for tag in post.tags.all()]


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description


class BlogFeed(LatestPostsFeed):
    def get_object(self, request, username):
        return get_object_or_404(User, username=username)

    def title(self, owner):
        return _("%(name)s's blog · %(site)s") % {
            "name": owner.public_name,
            "site": site_name(),
        }

    def link(self, owner):
        return reverse("blogs:blog_detail", args=[owner.username])

    def description(self, owner):
        return _("Posts by %(name)s.") % {"name": owner.public_name}

    def posts(self, owner):
        return BlogPost.objects.published().filter(author=owner)


class TagFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return _("Blog posts tagged “%(tag)s” · %(site)s") % {
            "tag": tag.name,
            "site": site_name(),
        }

    def link(self, tag):
        return reverse("blogs:tag_detail", args=[tag.slug])

    def description(self, tag):
        return _("Members' blog posts tagged %(tag)s.") % {"tag": tag.name}

    def posts(self, tag):
        return BlogPost.objects.published().filter(tags=tag)
