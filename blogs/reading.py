"""What a post page shows around the post, each in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Q

from accounts.blocking import blocked_ids
from blogs import permissions
from blogs.models import BlogPost, Comment

SIDE_LIST_SIZE = 5


@dataclass
class CommentRow:
    """A comment with what this reader may see and do; replies one level deep."""

    comment: Comment
    show_body: bool
    can_edit: bool
    can_delete: bool
    can_hide: bool
    can_restore: bool
    from_blocked: bool = False  # collapsed: its author is someone the reader blocked
    replies: list["CommentRow"] = field(default_factory=list)


def comment_threads(post: BlogPost, user) -> list[CommentRow]:
    """All comments in one query. Hidden and deleted ones keep their place as a line."""
    rows: dict[int, CommentRow] = {}
    top: list[CommentRow] = []
    blocked = blocked_ids(user)
    for comment in post.comments.select_related("author").order_by("created_at", "pk"):
        row = CommentRow(
            comment=comment,
            show_body=permissions.can_see_comment_body(user, comment),
            can_edit=permissions.can_edit_comment(user, comment),
            can_delete=permissions.can_delete_comment(user, comment),
            can_hide=permissions.can_hide_comment(user, comment),
            can_restore=permissions.can_restore_comment(user, comment),
            from_blocked=comment.author_id in blocked,
        )
        rows[comment.pk] = row
        parent = rows.get(comment.parent_id)
        (parent.replies if parent else top).append(row)
    return top


def other_posts_by_author(post: BlogPost):
    return (
        BlogPost.objects.published()
        .filter(author_id=post.author_id)
        .exclude(pk=post.pk)
        .select_related("author")
        .newest_first()[:SIDE_LIST_SIZE]
    )


def related_posts(post: BlogPost):
    """Other members' posts sharing a tag or the procedure. Tags must be prefetched."""
    tag_ids = [tag.pk for tag in post.tags.all()]
    match = Q(tags__in=tag_ids) if tag_ids else Q(pk__in=[])
    if post.article_id:
        match |= Q(article_id=post.article_id)
    matching = BlogPost.objects.published().filter(match).exclude(author_id=post.author_id)
    return (
        BlogPost.objects.filter(pk__in=matching.values("pk"))
        .select_related("author")
        .newest_first()[:SIDE_LIST_SIZE]
    )


def neighbours(post: BlogPost) -> tuple[BlogPost | None, BlogPost | None]:
    """The previous (older) and next (newer) published posts in the same blog."""
    if not post.is_live:
        return None, None
    same_blog = (
        BlogPost.objects.published().filter(author_id=post.author_id).select_related("author")
    )
    older = Q(published_at__lt=post.published_at) | Q(
        published_at=post.published_at, pk__lt=post.pk
    )
    newer = Q(published_at__gt=post.published_at) | Q(
        published_at=post.published_at, pk__gt=post.pk
    )
    previous = same_blog.filter(older).order_by("-published_at", "-pk").first()
    following = same_blog.filter(newer).order_by("published_at", "pk").first()
    return previous, following
