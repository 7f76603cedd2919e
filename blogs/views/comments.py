from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.limits import images_per_post_refusal, limit_refusal
from blogs import permissions, posting
from blogs.forms import CommentForm
from blogs.models import BlogPost, Comment
from core.composing import attach_images, image_keys
from moderation import services
from safety.notices import redirect_with_notice


@require_POST
@login_required
def comment_create(request, pk):
    post = get_object_or_404(BlogPost.objects.visible_to(request.user), pk=pk)
    if not permissions.can_comment(request.user, post):
        raise PermissionDenied(_("Comments are closed on this post."))
    form = CommentForm(request.POST, author=request.user)
    parent = None
    if form.is_valid() and form.cleaned_data["parent"]:
        parent = post.comments.visible().filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            form.add_error(None, _("The comment you replied to is no longer there."))
    if form.is_valid():
        _check_image_limit(request, form)
    if form.is_valid() and (refusal := limit_refusal(request, "blog_comment")):
        form.add_error(None, refusal)
    if not form.is_valid():
        form.reply_to = parent
        return render(request, "blogs/comment_form.html", {"form": form, "post": post})
    comment, check, _created = posting.add_comment(
        post=post, author=request.user, body=form.cleaned_data["body"],
        token=form.cleaned_data["form_token"], parent=parent,
    )  # fmt: skip
    messages.success(request, _("Your comment is published."))
    return redirect_with_notice(request, check, comment.get_absolute_url())


def _check_image_limit(request, form) -> None:
    count = len(image_keys(form.cleaned_data["body"]))
    if refusal := images_per_post_refusal(request.user, count):
        form.add_error("body", refusal)


def _comment_for(request, pk) -> Comment:
    return get_object_or_404(
        Comment.objects.visible_to(request.user).select_related("post__author"), pk=pk
    )


@login_required
def comment_edit(request, pk):
    comment = _comment_for(request, pk)
    if not permissions.can_edit_comment(request.user, comment):
        raise PermissionDenied(_("Only its author can edit this comment."))
    form = CommentForm(request.POST or None, instance=comment, author=request.user)
    if request.method == "POST" and form.is_valid():
        _check_image_limit(request, form)
    if request.method == "POST" and form.is_valid():
        form.save()
        attach_images(request.user, comment.body, posting.image_scope(comment.post))
        check = posting.check_text(comment.body, article=comment.post.article)
        posting.record_safety(comment, check)
        messages.success(request, _("Your comment is updated."))
        return redirect_with_notice(request, check, comment.get_absolute_url())
    context = {"form": form, "post": comment.post, "comment": comment}
    return render(request, "blogs/comment_form.html", context)


@require_POST
@login_required
def comment_delete(request, pk):
    comment = _comment_for(request, pk)
    if not permissions.can_delete_comment(request.user, comment):
        raise PermissionDenied(_("Only its author can delete this comment."))
    services.delete_by_author(target=comment, author=request.user)
    messages.success(request, _("Your comment is deleted."))
    return redirect(comment.post.get_absolute_url())
