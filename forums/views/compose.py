"""The composer's helpers (htmx): autosaved drafts, quoting into the reply box, and
marking a clinician answer."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.composing import DRAFT_TITLE_MAX_LENGTH, discard_draft, save_draft
from core.forms import StorableTextMixin
from core.inputs import query_int
from forums import permissions, posting
from forums.models import BODY_MAX_LENGTH, Forum, Post, Thread


class DraftForm(StorableTextMixin, forms.Form):
    """What autosave keeps: the text as typed so far (and a new thread's title)."""

    title = forms.CharField(required=False, strip=False, max_length=DRAFT_TITLE_MAX_LENGTH)
    body = forms.CharField(required=False, strip=False, max_length=BODY_MAX_LENGTH)
    form_token = forms.UUIDField(required=False)


def _draft_key(request) -> tuple[str, str]:
    """The composer the draft belongs to, and its page: ?thread=<pk> (a reply) or
    ?forum=<pk> (a new thread), one the member may write in."""
    user = request.user
    if (thread_pk := query_int(request, "thread")) is not None:
        thread = get_object_or_404(Thread.objects.visible_to(user), pk=thread_pk)
        if not permissions.can_reply(user, thread):
            raise PermissionDenied(permissions.reply_refusal(user, thread))
        return posting.reply_draft_key(thread.pk), thread.get_absolute_url()
    if (forum_pk := query_int(request, "forum")) is not None:
        forum = get_object_or_404(Forum, pk=forum_pk)
        if not permissions.can_start_thread(user):
            raise PermissionDenied(permissions.start_thread_refusal(user))
        return posting.thread_draft_key(forum.pk), reverse(
            "forums:thread_create", args=[forum.slug]
        )
    raise PermissionDenied(_("Which composer is this draft for?"))


@require_POST
@login_required
def draft_save(request):
    """htmx, a few seconds after typing stops: keep the member's draft (only theirs)."""
    key, _ = _draft_key(request)
    form = DraftForm(request.POST)
    if not form.is_valid():
        return render(request, "includes/input_refused.html", {"errors": form.errors})
    token = form.cleaned_data["form_token"]
    if token and Post.objects.filter(author=request.user, form_token=token).exists():
        # The form was posted already (an autosave that left late): no draft to bring back.
        return render(request, "includes/draft_status.html", {"draft": None})
    draft = save_draft(
        request.user, key, body=form.cleaned_data["body"], title=form.cleaned_data["title"]
    )
    return render(request, "includes/draft_status.html", {"draft": draft})


@require_POST
@login_required
def draft_discard(request):
    key, page = _draft_key(request)
    discard_draft(request.user, key)
    if request.htmx:
        response = render(request, "includes/draft_status.html", {"discarded": True})
        response["HX-Trigger"] = json.dumps({"composer:clear": {}})
        return response
    messages.success(request, _("Your draft is discarded."))
    return redirect(page)


@login_required
def post_quote(request, pk):
    """Quote a post into the reply box on the same page (htmx: the text travels in an
    event the composer inserts); without JavaScript, the reply page with the quote."""
    post = get_object_or_404(
        Post.objects.visible().select_related("author", "thread"),
        pk=pk,
        thread__in=Thread.objects.visible_to(request.user),
    )
    if not permissions.can_reply(request.user, post.thread):
        raise PermissionDenied(permissions.reply_refusal(request.user, post.thread))
    if not request.htmx:
        return redirect(reverse("forums:post_create", args=[post.thread_id]) + f"?quote={post.pk}")
    response = HttpResponse(status=204)
    response["HX-Trigger"] = json.dumps({"composer:insert": {"text": posting.quote_text(post)}})
    return response


@require_POST
@login_required
def post_clinician(request, pk):
    """Mark or unmark a verified surgeon's reply as the clinician answer."""
    post = get_object_or_404(
        Post.objects.select_related("author", "thread"),
        pk=pk,
        thread__in=Thread.objects.visible_to(request.user),
    )
    if not permissions.can_mark_clinician_answer(request.user, post):
        raise PermissionDenied(
            _("Only the thread's author or a moderator can mark a verified surgeon's reply.")
        )
    marked = request.POST.get("marked") == "1"
    posting.mark_clinician_answer(post=post, by=request.user, marked=marked)
    if marked:
        messages.success(
            request, _("Marked as the clinician answer: it shows under the first post.")
        )
    else:
        messages.success(request, _("No longer marked as a clinician answer."))
    return redirect(post.get_absolute_url())
