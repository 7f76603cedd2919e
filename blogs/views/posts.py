import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import public_write
from accounts.limits import limit_refusal
from accounts.permissions import posting_refusal
from blogs import permissions, posting
from blogs.forms import AutosaveForm, BlogPostForm, BlogSettingsForm, PreviewForm
from blogs.models import BlogPost
from core.inputs import query_int
from moderation import services
from safety.notices import redirect_with_notice


def _refuse_if_cannot_post(user) -> None:
    if refusal := posting_refusal(user):
        raise PermissionDenied(refusal)


def _announce(request, post, check):
    """Say what happened to the post; to the post, with its safety notice if any."""
    if post.is_draft:
        messages.success(request, _("Your draft is saved. Only you can see it."))
    elif post.is_scheduled:
        when = date_format(timezone.localtime(post.published_at), "SHORT_DATETIME_FORMAT")
        messages.success(
            request, _("Your post is scheduled: it appears by itself on %(when)s.") % {"when": when}
        )
    else:
        messages.success(request, _("Your post is published."))
    return redirect_with_notice(request, check, post.get_absolute_url())


@login_required
def post_create(request):
    _refuse_if_cannot_post(request.user)
    existing = None
    if request.method == "POST":
        existing = posting.existing_post(request.user, _token(request.POST.get("form_token")))
        if existing is not None and not permissions.can_edit_post(request.user, existing):
            return redirect(existing.get_absolute_url())
    form = BlogPostForm(
        request.POST or None, request.FILES or None, instance=existing, author=request.user
    )
    if request.method == "POST" and form.is_valid():
        refusal = "" if existing else limit_refusal(request, "blog_post")
        if refusal:
            form.add_error(None, refusal)
        else:
            post, check = posting.save_post(form=form, author=request.user)
            return _announce(request, post, check)
    context = {"form": form, "post": existing, "unfinished": None}
    if request.method == "GET":
        context["unfinished"] = BlogPost.objects.autosaves_of(request.user).first()
    return render(request, "blogs/post_form.html", context)


def _token(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@login_required
def post_edit(request, pk):
    """Edit a post, or continue an autosave (which only its author's editor opens)."""
    editable = BlogPost.objects.visible_to(request.user) | BlogPost.objects.autosaves_of(
        request.user
    )
    post = get_object_or_404(editable, pk=pk)
    if not permissions.can_edit_post(request.user, post):
        raise PermissionDenied(_("Only the author can edit this post."))
    form = BlogPostForm(
        request.POST or None, request.FILES or None, instance=post, author=request.user
    )
    if request.method == "POST" and form.is_valid():
        post, check = posting.save_post(form=form, author=request.user)
        return _announce(request, post, check)
    return render(request, "blogs/post_form.html", {"form": form, "post": post})


@require_POST
@login_required
def post_delete(request, pk):
    post = get_object_or_404(BlogPost.objects.visible_to(request.user), pk=pk)
    if not permissions.can_delete_post(request.user, post):
        raise PermissionDenied(_("Only the author can delete this post."))
    services.delete_by_author(target=post, author=request.user)
    messages.success(request, _("Your post is deleted."))
    return redirect("blogs:blog_detail", request.user.username)


@require_POST
@login_required
def safety_check(request):
    """htmx, while a comment is typed: the safety notice for the text (data-safety-level),
    with the warning signs of the commented post's procedure (?post=<pk>)."""
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return render(request, "includes/input_refused.html", {"errors": form.errors})
    post_id = query_int(request, "post")
    post = BlogPost.objects.filter(pk=post_id).select_related("article").first()
    text = form.cleaned_data["body"]
    result = posting.check_text(text, article=post.article if post else None)
    return render(request, "safety/check.html", {"result": result})


@require_POST
@login_required
def autosave(request):
    """htmx: keep a draft of the post being written, keyed by the form's token."""
    form = AutosaveForm(request.POST)
    if not form.is_valid():
        return render(request, "includes/input_refused.html", {"errors": form.errors})
    token, title, body = (form.cleaned_data[key] for key in ("form_token", "title", "body"))
    post = None
    if token and body.strip() and posting_refusal(request.user) == "":
        fresh = posting.existing_post(request.user, token) is None
        if not (fresh and limit_refusal(request, "blog_post")):
            post = posting.autosave_draft(author=request.user, token=token, title=title, body=body)
    return render(request, "blogs/includes/autosave_status.html", {"draft": post})


@public_write
def blog_settings(request):
    blog = posting.blog_for(request.user)
    form = BlogSettingsForm(request.POST or None, instance=blog)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your blog settings are saved."))
        return redirect("blogs:blog_settings")
    return render(request, "blogs/blog_settings.html", {"form": form, "blog": blog})
