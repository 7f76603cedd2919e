"""A member with a row in every table that can hold their data, for the erasure and
export walks. `walk(user)` lists, for every model field that points at the user model,
how many rows point at `user`."""

from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session  # noqa: F401  (sessions: see tests)
from django.utils import timezone

from accounts.access_log import log_private_access
from accounts.blocking import block
from accounts.models import SurgeonVerification
from accounts.notifications import notify
from core.composing import save_draft
from forums.models import ForumWatch, Reaction, RecoveryRecord, ThreadReadState, ThreadWatch
from forums.posting import image_scope, reply_draft_key
from heroes.models import Nomination
from messaging import sending
from moderation.services import report_content, suspend_member
from tests.blogs.factories import image_upload
from tests.blogs.factories import make_comment as make_blog_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_article, make_member_image, make_user
from tests.forums.factories import make_post, make_thread
from tests.heroes.factories import make_hero, make_nomination

SECRET = "my private worries about the wound"


def user_fields():
    """("app.Model.field", model, field) for every foreign key to the user model,
    many-to-many tables (auto-created through models) included."""
    user_model = get_user_model()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                yield f"{model._meta.label}.{field.name}", model, field


def walk(user) -> dict[str, int]:
    return {
        label: model._default_manager.filter(**{field.name: user.pk}).count()
        for label, model, field in user_fields()
    }


def make_busy_member(moderator):
    member = make_user(username="busy")
    other = make_user(username="friend")
    _accounts(member, other, moderator)
    _forums(member, other)
    _blogs(member, other)
    _heroes(member)
    _moderation(member, other, moderator)
    conversation = sending.start_conversation(
        sender=member, recipients=[other], body=SECRET, token=None
    ).conversation
    sending.reply(conversation=conversation, sender=other, body="Hugs", token=None)
    return member


def _accounts(member, other, moderator):
    Authenticator.objects.create(user=member, type=Authenticator.Type.RECOVERY_CODES, data={})
    member.groups.add(Group.objects.get_or_create(name="Readers")[0])
    member.user_permissions.add(Permission.objects.get(codename="view_user"))
    SurgeonVerification.objects.create(
        user=member, full_name="Dr Busy", specialty="Knee", practice="City", licence_number="L1"
    )
    notify(recipient=member, kind="reply", params={"legacy_text": "For busy"})
    block(member, make_user())
    block(make_user(), member)
    log_private_access(viewer=moderator, owner=member, what="recovery records")


def _forums(member, other):
    thread = make_thread(author=member, title="My knee", body=SECRET)
    make_post(thread=thread, author=other, body="@busy welcome")  # a notification's actor
    notify(recipient=other, kind="reply", params={"legacy_text": "busy replied"}, actor=member)
    osteotomy = make_article(title="Knee osteotomy")
    RecoveryRecord.objects.create(
        user=member, article=osteotomy, surgery_date=timezone.localdate(), is_public=True
    )
    post = thread.posts.get(number=1)
    post.recovery_article, post.recovery_procedure, post.recovery_day = (
        osteotomy,
        osteotomy.title,
        5,
    )
    post.save()
    Reaction.objects.create(post=thread.posts.get(number=2), user=member, kind="helpful")
    ThreadWatch.objects.get_or_create(user=member, thread=thread)
    ForumWatch.objects.create(user=member, forum=thread.forum)
    ThreadReadState.objects.get_or_create(user=member, thread=thread)
    save_draft(member, reply_draft_key(thread.pk), body="draft: " + SECRET)
    make_member_image(owner=member, scope=image_scope(thread.pk))


def _blogs(member, other):
    post = make_blog_post(author=member, body=SECRET, cover=image_upload(), cover_alt="A knee")
    make_blog_post(author=member, publication="draft", body="draft: " + SECRET)
    make_blog_comment(post=post, author=member, body=SECRET)
    make_blog_comment(post=post, author=other, body="Thank you")


def _heroes(member):
    make_nomination(nominator=member)
    make_nomination(nominator=member, status=Nomination.Status.APPROVED)
    make_hero(account=member)


def _moderation(member, other, moderator):
    report_content(target=make_blog_post(author=other), reporter=member, reason="spam")
    post = member.forum_posts.first()
    report_content(target=post, reporter=other, reason="abuse")
    suspend_member(
        member=member, moderator=moderator, ends_at=timezone.now() + timezone.timedelta(days=1),
        reason="cooling off",
    )  # fmt: skip
