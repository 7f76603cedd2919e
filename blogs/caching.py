"""Which named versions (core.versions) blog writes bump: a post bumps itself, its blog,
the lists of latest posts (the home section, related posts, the tag cloud) and the section
of the article it is about; a comment bumps its post; tagging bumps the post and lists."""

from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TaggedItem

from blogs.models import Blog, BlogPost, Comment


def post_names(post: BlogPost, **signal) -> list[str]:
    names = [f"blog-post:{post.pk}", f"blog:{post.blog_id}", "latest-blog-posts"]
    if post.article_id:
        names.append(f"article-sections:{post.article_id}")
    return names


def tagging_names(instance, **signal) -> list[str]:
    """A TaggedItem row, or (m2m_changed) the tagged object or the tag."""
    if isinstance(instance, BlogPost):
        return post_names(instance)
    if isinstance(instance, TaggedItem):
        if ContentType.objects.get_for_id(instance.content_type_id).model_class() is not BlogPost:
            return []
        return [f"blog-post:{instance.object_id}", "latest-blog-posts"]
    return ["latest-blog-posts"]


def post_page_versions(post: BlogPost) -> list[str]:
    """What a blog post page shows: the post and its comments, its blog's other posts,
    related posts, the names of the members in it."""
    return [f"blog-post:{post.pk}", f"blog:{post.blog_id}", "latest-blog-posts", "members"]


def blog_versions(post: BlogPost) -> list[str]:
    """What the previous/next links and "More by" show: the posts of the post's blog."""
    return [f"blog:{post.blog_id}", "members"]


def related_versions(post: BlogPost) -> list[str]:
    """What "Related posts" shows: any published post, with its author's name."""
    return ["latest-blog-posts", "members"]


BUMPS = {
    Blog: lambda blog, **signal: [f"blog:{blog.pk}"],
    BlogPost: post_names,
    Comment: lambda comment, **signal: [f"blog-post:{comment.post_id}"],
    TaggedItem: tagging_names,
    Tag: tagging_names,
}
