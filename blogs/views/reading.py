from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from taggit.models import Tag

from accounts.blocking import has_blocked
from accounts.models import User
from blogs import permissions, reading
from blogs.caching import blog_versions, post_page_versions, related_versions
from blogs.forms import CommentForm
from blogs.models import Blog, BlogPost
from core import versions
from core.inputs import query_int
from search.query import seconds_until_next_publication

POSTS_PER_PAGE = 10


def _page(request, posts):
    return Paginator(posts, POSTS_PER_PAGE).get_page(query_int(request, "page"))


def post_list(request):
    posts = BlogPost.objects.published().for_listing().newest_first()
    return render(request, "blogs/post_list.html", {"page_obj": _page(request, posts)})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    posts = BlogPost.objects.published().filter(tags=tag).for_listing().newest_first()
    page_obj = _page(request, posts)
    if not page_obj.object_list:
        raise Http404("No published posts carry this tag.")
    return render(request, "blogs/tag_detail.html", {"tag": tag, "page_obj": page_obj})


def blog_detail(request, username):
    owner = get_object_or_404(User, username=username)
    is_owner = request.user == owner
    posts = BlogPost.objects.published().filter(author=owner).for_listing().newest_first()
    page_obj = _page(request, posts)
    if not page_obj.object_list and not is_owner:
        raise Http404("Nothing published here yet.")
    context = {
        "owner": owner,
        "blog": Blog.objects.filter(owner=owner).first(),
        "page_obj": page_obj,
        "is_owner": is_owner,
        "unpublished": _unpublished(owner) if is_owner else [],
    }
    return render(request, "blogs/blog_detail.html", context)


def _unpublished(owner):
    """The owner's drafts, scheduled and hidden posts: only they see this list."""
    mine = BlogPost.objects.visible_to(owner).filter(author=owner).prefetch_related("tags")
    live = BlogPost.objects.published().filter(author=owner).values("pk")
    return mine.exclude(pk__in=live).select_related("author").order_by("-updated_at")


def post_redirect(request, username, pk):
    post = get_object_or_404(BlogPost.objects.visible_to(request.user), pk=pk)
    return redirect(post.get_absolute_url(), permanent=True)


def post_detail(request, username, pk, slug):
    post = get_object_or_404(
        BlogPost.objects.visible_to(request.user)
        .select_related("author", "blog__owner", "article")  # an untitled blog shows its owner
        .prefetch_related("tags"),
        pk=pk,
    )
    if username != post.author.username or slug != post.slug:
        return redirect(post.get_absolute_url(), permanent=True)
    versions.declare(*post_page_versions(post))
    user = request.user
    can_comment = permissions.can_comment(user, post)
    context = {
        "post": post,
        "threads": reading.comment_threads(post, user),
        "comment_form": _comment_form(request, post) if can_comment else None,
        "can_comment": can_comment,
        "author_blocked": has_blocked(user, post.author),
        "can_edit": permissions.can_edit_post(user, post),
        "can_delete": permissions.can_delete_post(user, post),
        "can_hide": permissions.can_hide_post(user, post),
        "can_restore": permissions.can_restore_post(user, post),
        # Read only when their fragments are built (the template).
        "other_posts": reading.other_posts_by_author(post),
        "related_posts": reading.related_posts(post),
        "neighbours": SimpleLazyObject(lambda: reading.neighbours(post)),
        "blog_versions": blog_versions(post),
        "related_versions": related_versions(post),
        "fragment_seconds": versions.lifetime(seconds_until_next_publication()),
    }
    return render(request, "blogs/post_detail.html", context)


def _comment_form(request, post):
    """The comment form; ?reply_to=<id> makes it a reply to that comment."""
    parent = None
    if (reply_to := query_int(request, "reply_to")) is not None:
        parent = post.comments.visible().filter(pk=reply_to).select_related("author").first()
    form = CommentForm(initial={"parent": parent.pk if parent else None})
    form.reply_to = parent
    return form
