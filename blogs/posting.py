"""Writing workflows: saving a post (with its blog, tags, safety flag) and commenting
(with the counter and the notifications). Each runs in one transaction."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.forms.models import construct_instance
from django.utils.translation import gettext

from accounts.notifications import notify
from articles.models import WarningSign
from blogs.models import Blog, BlogPost, Comment
from core.composing import attach_images
from moderation.services import flag_for_safety
from safety.checks import classify
from safety.classifier import SafetyResult
from safety.levels import rises


def blog_for(user) -> Blog:
    blog, _ = Blog.objects.get_or_create(owner=user)
    return blog


def existing_post(author, token) -> BlogPost | None:
    return BlogPost.objects.filter(author=author, form_token=token).first() if token else None


def check_text(text: str, *, article=None) -> SafetyResult:
    """The one safety check, with the warning signs of the post's procedure, if any (in
    every language it is written in)."""
    signs = WarningSign.objects.for_articles([article.pk]) if article else ()
    return classify(text, warning_signs=signs)


def record_safety(target, result: SafetyResult) -> None:
    """Keep the level on the post or comment (readers' banner) and flag it for moderators
    when the level rises. Drafts are checked for their author but not flagged."""
    if getattr(target, "is_draft", False):
        return
    if rises(result.level, target.safety_level):
        flag_for_safety(target=target, level=result.level, note=result.note())
    if result.level != target.safety_level:
        type(target).objects.filter(pk=target.pk).update(safety_level=result.level)
        target.safety_level = result.level


def save_post(*, form, author) -> tuple[BlogPost, SafetyResult]:
    """Create or update the post from a valid BlogPostForm. A second submit of the same
    form (same token) updates the first post instead of adding another."""
    try:
        with transaction.atomic():
            post = form.save(commit=False)
            if post.pk is None:
                post.author = author
                post.blog = blog_for(author)
                post.form_token = form.cleaned_data["form_token"]
            post.is_autosave = False  # saved by its author: a post (or draft) from now on
            post.save()
            form.save_m2m()
            check = check_text(f"{post.title}\n{post.body}", article=post.article)
            record_safety(post, check)
    except IntegrityError:
        # The same form sent twice at once, or its autosave landed first: that request
        # created the post. An autosave still takes what its author saved.
        post = BlogPost.objects.get(author=author, form_token=form.cleaned_data["form_token"])
        if post.is_autosave:
            form.instance = construct_instance(form, post)
            return save_post(form=form, author=author)
        check = check_text(post.body)
    return post, check


def autosave_draft(*, author, token, title: str, body: str) -> BlogPost | None:
    """Keep a draft of what is being typed. Published posts are never changed this way.
    A new one is an autosave (never shown as a post) until its author saves it."""
    with transaction.atomic():
        post = existing_post(author, token)
        if post is None:
            post = BlogPost(
                author=author, blog=blog_for(author), form_token=token, is_autosave=True
            )
        elif not post.is_draft or not post.is_visible:
            return None
        post.title = title.strip()[:200] or gettext("Untitled draft")
        post.body = body
        post.save()
    return post


def image_scope(post: BlogPost) -> str:
    """Images in a comment follow its post's reading rules (portal.composer.member_image)."""
    return f"blogs.post:{post.pk}"


def add_comment(*, post: BlogPost, author, body: str, token, parent=None):
    """Returns (comment, safety check, created). A reply to a reply joins its thread."""
    if parent is not None and parent.parent_id:
        parent = parent.parent
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                post=post, author=author, body=body, parent=parent, form_token=token
            )
            BlogPost.objects.filter(pk=post.pk).update(comment_count=F("comment_count") + 1)
            attach_images(author, body, image_scope(post))
            check = check_text(body, article=post.article)
            record_safety(comment, check)
            _notify_comment(comment)
    except IntegrityError:
        # The same form submitted twice: the first submit's comment stands.
        comment = Comment.objects.get(author=author, form_token=token)
        return comment, SafetyResult(), False
    return comment, check, True


def _notify_comment(comment: Comment) -> None:
    post, url = comment.post, comment.get_absolute_url()
    notify(
        recipient=post.author, kind="blog_comment", actor=comment.author, url=url,
        params={"title": post.title},
    )  # fmt: skip
    parent = comment.parent
    if parent is not None and parent.author_id != post.author_id:
        notify(
            recipient=parent.author, kind="blog_reply", actor=comment.author, url=url,
            params={"title": post.title},
        )  # fmt: skip
