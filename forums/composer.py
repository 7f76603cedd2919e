"""The composer each forum form shows (templates/includes/composer.html): where its preview
and its draft go, and the draft restored into the form."""

from django.urls import reverse

from core.composing import draft_for
from forums.models import Forum, Thread
from forums.posting import reply_draft_key, thread_draft_key


def _audience(thread: Thread | None) -> str:
    # Members-only threads show their images to members only (portal.composer.member_image).
    return "members" if getattr(thread, "is_members_only", False) else "everyone"


def reply_composer(user, thread: Thread) -> dict:
    query = f"?thread={thread.pk}"
    return {
        "preview_url": reverse("preview") + query,
        "draft_url": reverse("forums:draft_save") + query,
        "discard_url": reverse("forums:draft_discard") + query,
        "draft": draft_for(user, reply_draft_key(thread.pk)),
        "images": True,
        "audience": _audience(thread),
    }


def thread_composer(user, forum: Forum) -> dict:
    query = f"?forum={forum.pk}"
    return {
        "preview_url": reverse("preview") + query,
        "draft_url": reverse("forums:draft_save") + query,
        "discard_url": reverse("forums:draft_discard") + query,
        "draft": draft_for(user, thread_draft_key(forum.pk)),
        "images": True,
        "audience": "everyone",
    }


def edit_composer(thread: Thread) -> dict:
    """Editing a post: toolbar, images and preview; the post itself is the draft."""
    return {
        "preview_url": reverse("preview") + f"?thread={thread.pk}",
        "images": True,
        "audience": _audience(thread),
    }
