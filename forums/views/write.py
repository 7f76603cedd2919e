"""Writing: start a thread, reply (with quotes), edit, delete, react, watch, pre-checks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.limits import images_per_post_refusal, limit_refusal
from core.composing import draft_for, image_keys
from core.inputs import parse_int, query_int, query_slug
from forums import permissions, posting, watching
from forums.composer import edit_composer, reply_composer, thread_composer
from forums.forms import CheckForm, PostEditForm, ReplyForm, ThreadForm
from forums.models import Forum, Post, Reaction, Thread
from safety.classifier import SafetyResult
from safety.notices import redirect_with_notice

HELD_MESSAGE = gettext_lazy(
    "Thank you. A moderator reads a new member's first posts before they are published: "
    "yours is held for review, and only you can see it until then. We'll tell you when it is "
    "published."
)


def _after_posting(request, post: Post, url: str = ""):
    """To the post; with a safety notice, to the notice at the top of the post's page."""
    result = posting.flag_if_unsafe(post)
    if result.needs_notice and not url:
        url = f"{post.thread.get_absolute_url()}?page={post.page_number}"
    return redirect_with_notice(request, result, url or post.get_absolute_url())


def _within_image_limit(request, form) -> bool:
    """New members show at most a few images per post (accounts.limits); the form says so."""
    count = len(image_keys(form.cleaned_data.get("body", "")))
    if refusal := images_per_post_refusal(request.user, count):
        form.add_error("body", refusal)
        return False
    return True


def _precheck(request, form, article_ids) -> SafetyResult | None:
    """When a form comes back (e.g. the contact-details prompt), show the checks again,
    on a body that passed its own field's checks (its length among them)."""
    if not form.is_bound:
        return None
    return posting.check_text(form.cleaned_data.get("body", ""), article_ids)


@login_required
def thread_create(request, slug):
    forum = get_object_or_404(Forum, slug=slug)
    refusal = permissions.start_thread_refusal(request.user)
    if refusal:
        raise PermissionDenied(refusal)
    draft = draft_for(request.user, posting.thread_draft_key(forum.pk))
    initial = {"title": draft.title, "body": draft.body} if draft else {}
    form = ThreadForm(request.POST or None, forum=forum, author=request.user, initial=initial)
    if request.method == "GET" and (procedure := query_slug(request, "procedure")):
        procedures = form.fields["article"].queryset
        form.initial["article"] = procedures.filter(slug=procedure).first()
    if request.method == "POST" and form.is_valid() and _within_image_limit(request, form):
        if refusal := limit_refusal(request, "forum_post"):
            raise PermissionDenied(refusal)
        try:
            post = posting.start_thread(
                forum=forum, author=request.user, title=form.cleaned_data["title"],
                body=form.cleaned_data["body"], article=form.cleaned_data["article"],
                token=form.cleaned_data["form_token"],
                members_only=form.cleaned_data.get("members_only", False),
                title_public=form.cleaned_data.get("title_public", False),
            )  # fmt: skip
        except posting.PostingRefused as refused:
            raise PermissionDenied(str(refused)) from refused
        if post.is_held:
            messages.success(request, HELD_MESSAGE)
        else:
            messages.success(request, _("Your thread is posted. You are watching it."))
        return _after_posting(request, post, post.thread.get_absolute_url())
    context = {"form": form, "forum": forum, "composer": thread_composer(request.user, forum)}
    context["precheck"] = _precheck(request, form, posting.safety_article_ids(forum))
    return render(request, "forums/thread_form.html", context)


@login_required
def post_create(request, pk):
    thread = get_object_or_404(
        Thread.objects.visible_to(request.user).select_related("forum"), pk=pk
    )
    refusal = permissions.reply_refusal(request.user, thread)
    if refusal:
        raise PermissionDenied(refusal)
    draft = draft_for(request.user, posting.reply_draft_key(thread.pk))
    body = f"{draft.body.rstrip()}\n\n" if draft else ""
    quoted = query_int(request, "quote")
    if request.method == "GET" and quoted is not None:
        post = thread.posts.visible().select_related("author").filter(pk=quoted).first()
        if post is not None:
            body += posting.quote_text(post)
    initial = {"body": body.lstrip()} if body else {}
    form = ReplyForm(request.POST or None, thread=thread, initial=initial, author=request.user)
    if request.method == "POST" and form.is_valid() and _within_image_limit(request, form):
        if refusal := limit_refusal(request, "forum_post"):
            raise PermissionDenied(refusal)
        try:
            post = posting.reply(
                thread=thread, author=request.user, body=form.cleaned_data["body"],
                token=form.cleaned_data["form_token"],
            )  # fmt: skip
        except posting.PostingRefused as refused:
            raise PermissionDenied(str(refused)) from refused
        messages.success(request, HELD_MESSAGE if post.is_held else _("Your reply is posted."))
        return _after_posting(request, post)
    context = {"form": form, "thread": thread, "composer": reply_composer(request.user, thread)}
    context["precheck"] = _precheck(request, form, posting.safety_article_ids(thread))
    return render(request, "forums/post_form.html", context)


def _post_for(user, pk) -> Post:
    return get_object_or_404(
        Post.objects.visible_to(user)
        .select_related("thread__forum", "author")
        .filter(thread__in=Thread.objects.visible_to(user)),
        pk=pk,
    )


@login_required
def post_edit(request, pk):
    post = _post_for(request.user, pk)
    if not permissions.can_edit_post(request.user, post):
        raise PermissionDenied(_("Only the author can edit this post, while the thread is open."))
    form = PostEditForm(
        request.POST or None, instance=Post.objects.get(pk=post.pk), author=request.user
    )
    if request.method == "POST" and form.is_valid() and _within_image_limit(request, form):
        posting.edit_post(post=post, editor=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Your post is updated."))
        return _after_posting(request, post)
    context = {"form": form, "post": post, "composer": edit_composer(post.thread)}
    context["precheck"] = _precheck(request, form, posting.safety_article_ids(post.thread))
    return render(request, "forums/post_edit.html", context)


@require_POST
@login_required
def post_delete(request, pk):
    post = _post_for(request.user, pk)
    if not permissions.can_delete_post(request.user, post):
        raise PermissionDenied(_("Only the author can delete this post."))
    posting.delete_post(post=post, by=request.user)
    messages.success(request, _("Your post is deleted. Replies keep their place."))
    return redirect(post)


@require_POST
@login_required
def post_react(request, pk, kind):
    if kind not in Reaction.Kind.values:
        raise Http404(_("No such reaction."))
    post = _post_for(request.user, pk)
    if not permissions.can_react(request.user, post):
        raise PermissionDenied(_("You can't react to this post."))
    posting.toggle_reaction(post=post, user=request.user, kind=kind)
    if request.htmx:
        post.refresh_from_db(fields=["helpful_count", "support_count"])
        reacted = set(post.reactions.filter(user=request.user).values_list("kind", flat=True))
        return render(
            request,
            "forums/includes/post_reactions.html",
            {"post": post, "can_react": True, "reacted": reacted},
        )
    return redirect(post)


@require_POST
@login_required
def thread_watch(request, pk):
    thread = get_object_or_404(Thread.objects.visible_to(request.user), pk=pk)
    if watching.toggle_thread_watch(user=request.user, thread=thread):
        messages.success(request, _("You are watching this thread: we'll tell you about replies."))
    else:
        messages.success(request, _("You no longer watch this thread."))
    return redirect(thread)


@require_POST
@login_required
def forum_watch(request, slug):
    forum = get_object_or_404(Forum, slug=slug)
    if watching.toggle_forum_watch(user=request.user, forum=forum):
        messages.success(
            request,
            _("You are watching %(forum)s: we'll tell you of new posts.") % {"forum": forum.name},
        )
    else:
        messages.success(request, _("You no longer watch %(forum)s.") % {"forum": forum.name})
    return redirect(forum)


@require_POST
@login_required
def post_check(request):
    """The live check above the submit button (htmx): the safety notice and contact details.
    Its answer carries data-safety-level (crisis, emergency, sign or none). A body over the
    posting limit is refused before any pattern reads it."""
    form = CheckForm(request.POST)
    if not form.is_valid():
        return render(request, "includes/input_refused.html", {"errors": form.errors})
    text = form.cleaned_data["body"]
    article_ids: set[int] = set()
    if (thread_pk := query_int(request, "thread")) is not None:
        thread = Thread.objects.filter(pk=thread_pk).select_related("forum").first()
        article_ids = posting.safety_article_ids(thread) if thread else set()
    elif (forum_pk := query_int(request, "forum")) is not None:
        forum = Forum.objects.filter(pk=forum_pk).first()
        article_ids = posting.safety_article_ids(forum) if forum else set()
        if (chosen := parse_int(request.POST.get("article"))) is not None:
            article_ids.add(chosen)
    result = posting.check_text(text, article_ids)
    return render(request, "safety/check.html", {"result": result})
