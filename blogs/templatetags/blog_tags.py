"""Blog sections for other apps' pages; each runs one or two queries of its own."""

from django import template
from django.db.models import Count
from taggit.models import Tag

from blogs.models import BlogPost
from core.inputs import SLUG
from core.versions import cached_until_content_changes
from search.query import seconds_until_next_publication

register = template.Library()


def _latest(limit: int, **filters):
    posts = BlogPost.objects.published().filter(**filters)
    return posts.select_related("author").newest_first()[:limit]


@register.inclusion_tag("blogs/includes/latest_posts.html")
def latest_blog_posts(limit: int = 5):
    """The home page's Blogs section: "Title By author", "more Blogs" and the RSS link."""
    return {"posts": list(_latest(limit))}


@register.inclusion_tag("blogs/includes/related_posts.html")
def related_blog_posts(article, limit: int = 5):
    """Posts linked to this procedure article or one of its translations, for its page."""
    posts = _latest(limit, article__in=article.family()) if article and article.pk else []
    return {"posts": list(posts), "article": article}


@register.inclusion_tag("blogs/includes/member_posts.html")
def member_blog_posts(member, limit: int = 5):
    posts = list(_latest(limit, author=member)) if member and member.pk else []
    return {"posts": posts, "member": member}


@register.inclusion_tag("blogs/includes/tag_cloud.html")
def blog_tag_cloud(limit: int = 20):
    """The tags of published posts, most used first. Counting every post's tags is the
    costliest query of a blog page, so the result is kept until a blog post or tag changes."""

    def most_used():
        live = BlogPost.objects.published().values("pk")
        tags = (
            Tag.objects.filter(blog_posts__in=live)
            .annotate(uses=Count("blog_posts"))
            .order_by("-uses", "name")[:limit]
        )
        return linkable(tags)

    return {
        "tags": cached_until_content_changes(
            f"blog-tag-cloud:{limit}",
            most_used,
            names=("latest-blog-posts",),
            expires_in=seconds_until_next_publication,
        )
    }


@register.filter
def linkable(tags) -> list:
    """The tags that have an address: one whose slug came out empty ("!!!" before tags were
    checked) is left out rather than breaking every page that lists it."""
    return [tag for tag in tags if SLUG.fullmatch(tag.slug)]
