"""Linked @mentions stay true: when a member is renamed or deleted, the posts that link them
are rendered again (a deleted member's name is no longer a link, nor a renamed member's old
name: "@oldname" stays as typed). Links carry data-member="<id>"
(core.markdown.link_mentions), so the posts to render are found by the member's id."""

from django.db.models import DEFERRED
from django.db.models.signals import post_init, post_save
from django.utils import timezone

from accounts.mentions import member_links
from accounts.models import User
from core import versions
from core.markdown import render_markdown
from forums.models import Post

MENTION_FIELDS = ("username", "deleted_at", "is_active")


def _state(user: User) -> tuple:
    # From __dict__: a field left out by .only() is not loaded (that would be a query each).
    return tuple(user.__dict__.get(name, DEFERRED) for name in MENTION_FIELDS)


def remember_name(sender, instance: User, **kwargs) -> None:
    instance._mention_state = _state(instance)


def render_mentions_again(sender, instance: User, created: bool, **kwargs) -> None:
    before, now = getattr(instance, "_mention_state", None), _state(instance)
    instance._mention_state = now
    if created or before == now or DEFERRED in now:
        return
    linking = Post.objects.filter(body_html__contains=f'data-member="{instance.pk}"')
    for pk, thread_id, body in linking.values_list("pk", "thread_id", "body"):
        # An update, not save(): the text did not change, so no new revision; the post's
        # and its thread's versions move, so cached pages and fragments show the new links.
        Post.objects.filter(pk=pk).update(
            body_html=render_markdown(body, member_links=member_links), updated_at=timezone.now()
        )
        versions.bump(f"post:{pk}", f"thread:{thread_id}")


def connect() -> None:
    post_init.connect(remember_name, sender=User, dispatch_uid="forums.mentions.init")
    post_save.connect(render_mentions_again, sender=User, dispatch_uid="forums.mentions.save")
