"""What every composer (forum replies and threads, blog posts and comments) shares, served
from the top layer because it reads several apps: the live preview, image uploads, and the
member images themselves, shown only to readers of what they were posted in."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from accounts.limits import limit_refusal
from accounts.mentions import member_links
from accounts.permissions import posting_refusal
from articles.models import Article, WarningSign
from blogs.models import BODY_MAX_LENGTH as BLOG_BODY_MAX_LENGTH
from blogs.models import BlogPost
from core.composing import store_image
from core.forms import StorableTextMixin
from core.inputs import parse_int, query_int
from core.markdown import render_markdown
from core.models import MemberImage
from core.roles import is_moderator
from forums import permissions as forum_permissions
from forums.models import BODY_MAX_LENGTH, Forum, Thread
from forums.posting import safety_article_ids
from safety.checks import classify

ALT_TEXT_MAX_LENGTH = 300


class PreviewForm(StorableTextMixin, forms.Form):
    """What the live preview reads: the text as typed so far (the longest any composer
    takes: a forum post or a blog post)."""

    body = forms.CharField(
        required=False, strip=False, max_length=max(BODY_MAX_LENGTH, BLOG_BODY_MAX_LENGTH)
    )
    title = forms.CharField(required=False, strip=False, max_length=200)


def _preview_place(request):
    """(procedure article ids whose warning signs apply, whether @mentions link): from
    ?thread=<pk> (a reply), ?forum=<pk> (a new thread) and the form's chosen procedure."""
    ids: set[int] = set()
    forum_text = False
    if (thread_pk := query_int(request, "thread")) is not None:
        thread = Thread.objects.visible_to(request.user).filter(pk=thread_pk).first()
        ids, forum_text = (safety_article_ids(thread) if thread else set()), True
    elif (forum_pk := query_int(request, "forum")) is not None:
        forum = Forum.objects.filter(pk=forum_pk).first()
        ids, forum_text = (safety_article_ids(forum) if forum else set()), True
    chosen = parse_int(request.POST.get("article"))
    if chosen is not None and Article.objects.published().filter(pk=chosen).exists():
        ids.add(chosen)
    return ids, forum_text


@require_POST
@login_required
def preview(request):
    """htmx: the Markdown as readers will see it, and the safety check, which replaces
    #post-check above the submit button (out of band). One endpoint for every composer."""
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return render(request, "includes/input_refused.html", {"errors": form.errors})
    text, title = form.cleaned_data["body"], form.cleaned_data["title"]
    article_ids, forum_text = _preview_place(request)
    signs = WarningSign.objects.for_articles(article_ids)
    context = {
        "html": render_markdown(text, member_links=member_links if forum_text else None),
        "check": classify(f"{title}\n{text}" if title else text, warning_signs=signs),
    }
    return render(request, "includes/markdown_preview.html", context)


class ImageUploadForm(StorableTextMixin, forms.Form):
    image = forms.FileField()
    alt_text = forms.CharField(
        max_length=ALT_TEXT_MAX_LENGTH,
        error_messages={"required": _("Please describe the picture for people who cannot see it.")},
    )


@require_POST
@login_required
def image_upload(request):
    """From a composer (fetch): a validated, re-encoded image, private to its uploader until
    posted. Answers JSON: the Markdown to insert, or the reason it was refused."""
    if refusal := posting_refusal(request.user):
        raise PermissionDenied(refusal)
    form = ImageUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _refused(" ".join(message for errors in form.errors.values() for message in errors))
    if refusal := limit_refusal(request, "image_upload", count=False):
        return _refused(refusal, status=429)
    try:
        image = store_image(request.user, form.cleaned_data["image"], form.cleaned_data["alt_text"])
    except ValidationError as error:
        return _refused(" ".join(error.messages))
    limit_refusal(request, "image_upload")  # counted once stored
    alt = image.alt_text.replace("[", "(").replace("]", ")")
    url = image.get_absolute_url()
    return JsonResponse({"url": url, "markdown": f"![{alt}]({url})"}, status=201)


def _refused(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def may_see_image(user, image: MemberImage) -> bool:
    """Its owner and moderators always; others once it is posted, if they may read what it
    was posted in (a members-only thread: members who may read it)."""
    if user.is_authenticated and (user.pk == image.owner_id or is_moderator(user)):
        return True
    app, _, raw_pk = image.scope.partition(":")
    pk = parse_int(raw_pk)
    if pk is None:
        return False
    if app == "forums.thread":
        thread = Thread.objects.filter(pk=pk).first()
        return thread is not None and forum_permissions.can_read_thread(user, thread)
    if app == "blogs.post":
        return BlogPost.objects.visible_to(user).filter(pk=pk).exists()
    return False


@require_GET
@cache_control(private=True, max_age=3600)
def member_image(request, key):
    image = get_object_or_404(MemberImage, key=key)
    if not may_see_image(request.user, image):
        raise Http404("No such image.")
    try:
        stream = image.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404("No such image.") from error
    return FileResponse(stream, content_type="image/jpeg")
