"""Writing in the forums: start a thread, reply, edit, delete, react.

Each workflow runs in one transaction: the post, the thread's and forum's counters, the
author's post count and watching commit together or not at all. Notifications follow
after the commit, in a background task (`notify_about_post`).
"""

import re

from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from accounts.limits import is_held_for_review
from accounts.models import User
from accounts.notifications import notify, notify_many, queue_unsent_emails
from articles.models import WarningSign
from core import queueing, versions
from core.composing import attach_images, discard_draft
from core.roles import is_moderator
from forums import permissions
from forums.models import Forum, Post, Reaction, Thread, ThreadReadState, ThreadWatch
from forums.recovery import recovery_fields
from moderation import services
from moderation.models import ModerationLogEntry
from safety.checks import classify
from safety.classifier import SafetyResult
from safety.levels import rises

MENTION_PATTERN = re.compile(r"(?<![\w@/])@([\w.+-]{3,40})")
MAX_MENTIONS = 10


class PostingRefused(Exception):
    """The member may not post here now; the message says why."""


def safety_article_ids(thread_or_forum, article=None) -> set[int]:
    """The procedure articles whose warning signs apply to a post here."""
    forum = thread_or_forum if isinstance(thread_or_forum, Forum) else thread_or_forum.forum
    ids = set(forum.articles.values_list("pk", flat=True))
    article_id = article.pk if article else getattr(thread_or_forum, "article_id", None)
    return ids | {article_id} if article_id else ids


def check_text(text: str, article_ids) -> SafetyResult:
    """The one safety check, with the warning signs of these procedure articles."""
    return classify(text, warning_signs=WarningSign.objects.for_articles(article_ids))


def start_thread(
    *,
    forum: Forum,
    author: User,
    title: str,
    body: str,
    article=None,
    token=None,
    members_only: bool = False,
    title_public: bool = False,
) -> Post:
    """Returns the thread's first post. A second submit of the same form (same `token`),
    even at the same moment, returns the first submit's post. A new member's first posts
    are held for review: the thread is held with its opening post, and the forum's counters
    wait for the approval."""
    refusal = permissions.start_thread_refusal(author)
    if refusal:
        raise PostingRefused(refusal)
    held = is_held_for_review(author)
    status = Thread.Status.HELD if held else Thread.Status.VISIBLE
    try:
        with transaction.atomic():
            now = timezone.now()
            thread = Thread.objects.create(
                forum=forum, title=title, author=author, article=article, last_post_at=now,
                created_at=now, last_post_number=1, status=status, members_only=members_only,
                title_public=members_only and title_public,
            )  # fmt: skip
            post = _create_post(thread=thread, author=author, body=body, number=1, now=now,
                                token=token, status=status)  # fmt: skip
            Thread.objects.filter(pk=thread.pk).update(last_post=post)
            thread.last_post = post
            if not held:
                Forum.objects.filter(pk=forum.pk).update(
                    thread_count=F("thread_count") + 1, post_count=F("post_count") + 1,
                    last_post=post, **_public_counters(thread, post, threads=1),
                )  # fmt: skip
            _after_posting(post, new_thread=True)
    except IntegrityError:
        if (earlier := _submitted_before(author, token)) is None:
            raise
        return earlier
    return post


def reply(*, thread: Thread, author: User, body: str, token=None) -> Post:
    """A second submit of the same form (same `token`) returns the first submit's post."""
    try:
        with transaction.atomic():
            thread = Thread.objects.select_for_update().select_related("forum").get(pk=thread.pk)
            refusal = permissions.reply_refusal(author, thread)
            if refusal:
                raise PostingRefused(refusal)
            now = timezone.now()
            number = thread.last_post_number + 1
            held = is_held_for_review(author)
            post = _create_post(
                thread=thread, author=author, body=body, number=number, now=now, token=token,
                status=Post.Status.HELD if held else Post.Status.VISIBLE,
            )  # fmt: skip
            if held:  # it takes its number; the counters wait for the approval
                Thread.objects.filter(pk=thread.pk).update(last_post_number=number)
            else:
                Thread.objects.filter(pk=thread.pk).update(
                    reply_count=F("reply_count") + 1, last_post_number=number, last_post=post,
                    last_post_at=now,
                )  # fmt: skip
            if thread.is_visible and not held:
                Forum.objects.filter(pk=thread.forum_id).update(
                    post_count=F("post_count") + 1, last_post=post,
                    **_public_counters(thread, post),
                )  # fmt: skip
            _after_posting(post, new_thread=False)
    except IntegrityError:
        if (earlier := _submitted_before(author, token)) is None:
            raise
        return earlier
    return post


def _public_counters(thread: Thread, post: Post, *, threads: int = 0) -> dict:
    """Visitors' counters: a thread counts where its title shows in their list, a post
    only where they may read it (Forum.recount)."""
    counters = {}
    if threads and thread.title_shown_to_visitors:
        counters["public_thread_count"] = F("public_thread_count") + threads
    if not thread.is_members_only:
        counters["public_post_count"] = F("public_post_count") + 1
        counters["public_last_post"] = post
    return counters


def _submitted_before(author: User, token) -> Post | None:
    """The post an earlier submit of the same form created."""
    if token is None:
        return None
    return Post.objects.select_related("thread").filter(author=author, form_token=token).first()


def _create_post(
    *, thread: Thread, author: User, body: str, number: int, now, token, status=Post.Status.VISIBLE
) -> Post:
    post = Post.objects.create(
        thread=thread, author=author, body=body, number=number, created_at=now, status=status,
        form_token=token, **recovery_fields(author, thread, timezone.localdate(now)),
    )  # fmt: skip
    if status == Post.Status.VISIBLE:  # a held post counts once it is published
        User.objects.filter(pk=author.pk).update(post_count=F("post_count") + 1)
    return post


def publish_held(post: Post) -> None:
    """A moderator approved a held post (moderation.services.approve, in its transaction):
    an opening post publishes its thread; the author's count grows; after the commit the
    author hears of it and the watchers and mentioned members are notified, as for any post."""
    thread = post.thread
    if post.number == 1 and thread.is_held:
        thread.approve(by=post.moderated_by)
    User.objects.filter(pk=post.author_id).update(post_count=F("post_count") + 1)
    attach_images(post.author, post.body, image_scope(thread.pk))
    transaction.on_commit(lambda: queueing.enqueue(notify_about_post, post.pk, post.number == 1))
    transaction.on_commit(lambda: _tell_author(post, published=True))


def refuse_held(post: Post) -> None:
    """A moderator rejected a held post: an opening post takes its thread with it; the
    author reads the moderator's note."""
    thread = post.thread
    if post.number == 1 and thread.is_held:
        thread.reject(by=post.moderated_by, note=post.moderation_note)
    transaction.on_commit(lambda: _tell_author(post, published=False))


def _tell_author(post: Post, *, published: bool) -> None:
    params = {"title": post.thread.title, "outcome": "published"}
    if not published:
        params["outcome"] = "refused_with_note" if post.moderation_note else "refused"
        params["note"] = post.moderation_note
    notify(recipient=post.author, kind="moderation", url=post.get_absolute_url(), params=params)


def reply_draft_key(thread_id: int) -> str:
    """The autosaved draft of a member's reply to a thread (core.composing)."""
    return f"forums.thread:{thread_id}"


def thread_draft_key(forum_id: int) -> str:
    """The autosaved draft of a member's new thread in a forum."""
    return f"forums.forum:{forum_id}"


def image_scope(thread_id: int) -> str:
    """What images posted in a thread follow: its reading rules (portal.views.member_image)."""
    return f"forums.thread:{thread_id}"


def _after_posting(post: Post, *, new_thread: bool) -> None:
    thread, author = post.thread, post.author
    discard_draft(
        author, thread_draft_key(thread.forum_id) if new_thread else reply_draft_key(thread.pk)
    )
    if post.is_visible:  # a held post's images stay private until a moderator publishes it
        attach_images(author, post.body, image_scope(thread.pk))
    ThreadWatch.objects.get_or_create(user=author, thread=thread)
    mark_read(author, thread, post.number)
    transaction.on_commit(lambda: queueing.enqueue(notify_about_post, post.pk, new_thread))


@task()
def notify_about_post(post_id: int, new_thread: bool) -> None:
    """After the post commits, in the background: the mentioned members and the watchers
    get their bell rows in bulk and their emails queued, so the request that posted does
    the same work whatever the number of watchers. Once per post: a run again (a worker
    killed mid-run, its job re-queued) redoes what never committed, or only queues the
    emails a kill right after the commit left unqueued."""
    with transaction.atomic():
        post = (
            Post.objects.select_for_update(of=("self",))
            .select_related("thread__forum", "author")
            .filter(pk=post_id)
            .first()
        )
        if post is None or not post.is_visible:
            return
        if post.notified_at is not None:
            queue_unsent_emails(
                url=post.get_absolute_url(), created_from=post.created_at,
                created_to=post.notified_at,
            )  # fmt: skip
            return
        _notify_members(post, new_thread)
        Post.objects.filter(pk=post.pk).update(notified_at=timezone.now())


def _notify_members(post: Post, new_thread: bool) -> None:
    thread, author, url = post.thread, post.author, post.get_absolute_url()
    mentioned = mentioned_members(post.body, exclude={author.pk})
    notify_many(
        recipients=mentioned, kind="forum_mention", actor=author, url=url,
        params={"title": thread.title},
    )  # fmt: skip
    if not thread.is_visible:
        return
    params = {"title": thread.title, "forum": thread.forum.name} if new_thread else {
        "title": thread.title
    }  # fmt: skip
    watchers = User.objects.filter(watched_threads__thread=thread) | User.objects.filter(
        watched_forums__forum_id=thread.forum_id
    )
    notify_many(
        recipients=watchers.exclude(pk__in={author.pk, *(m.pk for m in mentioned)}).distinct(),
        kind="forum_new_thread" if new_thread else "forum_reply", actor=author, url=url,
        params=params,
    )  # fmt: skip


def mentioned_members(body: str, *, exclude=()) -> list[User]:
    names = list(dict.fromkeys(MENTION_PATTERN.findall(body)))[:MAX_MENTIONS]
    names = [name.rstrip(".") for name in names]
    if not names:
        return []
    return list(
        User.objects.filter(username__in=names, is_active=True, deleted_at=None).exclude(
            pk__in=exclude
        )
    )


def flag_if_unsafe(post: Post) -> SafetyResult:
    """After posting or editing: the notice to show; the level kept on the post (readers'
    banner); a flag for moderators when the level rises. Never blocks."""
    text = f"{post.thread.title}\n{post.body}" if post.number == 1 else post.body
    result = check_text(text, safety_article_ids(post.thread))
    if rises(result.level, post.safety_level):
        services.flag_for_safety(target=post, level=result.level, note=result.note())
    if result.level != post.safety_level:
        Post.objects.filter(pk=post.pk).update(safety_level=result.level)
        post.safety_level = result.level
    return result


def edit_post(*, post: Post, editor: User, body: str) -> None:
    if body == post.body:
        return
    with transaction.atomic():
        post.body = body
        post.edited_at = timezone.now()
        post._history_user = editor
        post.save(update_fields=["body", "edited_at", "updated_at"])
        attach_images(editor, body, image_scope(post.thread_id))


def delete_post(*, post: Post, by: User) -> None:
    """Soft delete: the post keeps its place as "deleted by its author"."""
    services.delete_by_author(target=post, author=by)


def toggle_reaction(*, post: Post, user: User, kind: str) -> bool:
    """Add the reaction, or take it back; returns whether it is now on."""
    counter = Reaction.counter_field(kind)
    with transaction.atomic():
        deleted, _ = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        if deleted:
            Post.objects.filter(pk=post.pk).update(**{counter: F(counter) - 1})
            return False
        _, created = Reaction.objects.get_or_create(post=post, user=user, kind=kind)
        if created:
            Post.objects.filter(pk=post.pk).update(**{counter: F(counter) + 1})
        return True


def mark_read(user: User, thread: Thread, number: int) -> None:
    """Remember that `user` has read `thread` up to post `number` (never moves back).

    One statement: an upsert whose update only moves forward. The ORM's upsert
    (`bulk_create(update_conflicts=True)`) cannot carry that condition, and without it two
    pages of a thread read at once (or a read state from a lagging replica) could move the
    mark back."""
    if not user.is_authenticated:
        return
    connection = connections[router.db_for_write(ThreadReadState)]
    table = connection.ops.quote_name(ThreadReadState._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {table} (user_id, thread_id, last_read_number, updated_at)
            VALUES (%s, %s, %s, %s)
            ON CONFLICT (user_id, thread_id) DO UPDATE
            SET last_read_number = excluded.last_read_number, updated_at = excluded.updated_at
            WHERE {table}.last_read_number < excluded.last_read_number""",
            [
                user.pk,
                thread.pk,
                number,
                connection.ops.adapt_datetimefield_value(timezone.now()),
            ],
        )


def quote_text(post: Post) -> str:
    """Markdown that quotes `post`: a blockquote whose first line names the author, linked
    to their profile (a deleted member's name is plain), and links back to the post."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in post.body.splitlines())
    author = post.author
    name = (
        author.public_name
        if author.deleted_at
        else f"[{author.username}]({author.get_absolute_url()})"
    )
    header = f"> **{name}** [wrote]({post.get_absolute_url()}):"
    return f"{header}\n>\n{quoted}\n\n"


def mark_clinician_answer(*, post: Post, by: User, marked: bool) -> None:
    """Mark (or unmark) a verified surgeon's reply as the clinician answer; a moderator's
    change is in the moderation log (the thread's author marks their own thread)."""
    with transaction.atomic():
        Post.objects.filter(pk=post.pk).update(is_clinician_answer=marked)
        post.is_clinician_answer = marked
        versions.bump(f"post:{post.pk}", f"thread:{post.thread_id}")
        if is_moderator(by) and by.pk != post.thread.author_id:
            action = (
                ModerationLogEntry.Action.MARK_CLINICIAN_ANSWER
                if marked
                else ModerationLogEntry.Action.UNMARK_CLINICIAN_ANSWER
            )
            services.log_action(actor=by, action=action, target=post)
