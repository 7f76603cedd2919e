"""How a blog post reads as a site-search document.
Scheduled posts are indexed ahead, visible from their publication time (`visible_from`),
so they appear in search by themselves; drafts, hidden and deleted posts are never indexed.
A post is indexed in its author's language setting (`search.languages`)."""

from django.db.models import QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from blogs.models import BlogPost
from search.indexing import Source
from search.languages import language_of_author


def public_blog_posts() -> QuerySet:
    return BlogPost.objects.published_or_scheduled().select_related("author", "article__body_part")


def blog_post_document(post: BlogPost) -> dict:
    return {
        "title": post.title,
        "other_names": "",
        "body": strip_tags(post.body_html).strip(),
        "url": post.get_absolute_url(),
        "body_part_slug": post.article.body_part.slug if post.article else "",
        "visible_from": post.published_at,
    }


SOURCES = [
    Source(
        "blogpost",
        _("Blog posts"),
        BlogPost,
        public_blog_posts,
        blog_post_document,
        item_label=_("Blog post"),
        position=30,
        language=lambda post: language_of_author(post.author),
        member_written=True,
    )
]
