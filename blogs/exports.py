"""A member's blog posts and comments, for their data download (accounts.data_rights)."""

from blogs.models import Blog, BlogPost, Comment


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_blog_posts(user) -> list[dict]:
    posts = BlogPost.objects.filter(author=user).prefetch_related("tags").order_by("pk")
    return [
        {
            "title": post.title,
            "body": post.body,
            "tags": [tag.name for tag in post.tags.all()],
            "publication": post.publication,
            "status": post.status,
            "published_at": _when(post.published_at),
            "created_at": _when(post.created_at),
            "cover": post.cover.name or None,
            "cover_alt": post.cover_alt,
        }
        for post in posts
    ]


def export_blog_comments(user) -> list[dict]:
    comments = Comment.objects.filter(author=user).select_related("post").order_by("pk")
    return [
        {
            "post": comment.post.title,
            "body": comment.body,
            "status": comment.status,
            "created_at": _when(comment.created_at),
        }
        for comment in comments
    ]


def export(user) -> dict:
    blog = Blog.objects.filter(owner=user).values("title", "description").first()
    return {
        "blog": blog,
        "blog_posts": export_blog_posts(user),
        "blog_comments": export_blog_comments(user),
    }
