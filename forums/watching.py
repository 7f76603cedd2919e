"""Watching threads and forums, and what a member has not read yet."""

from django.db.models import Q

from forums.models import Forum, ForumWatch, Thread, ThreadReadState, ThreadWatch


def toggle_thread_watch(*, user, thread: Thread) -> bool:
    """Watch or stop watching; returns whether the member now watches the thread."""
    deleted, _ = ThreadWatch.objects.filter(user=user, thread=thread).delete()
    if not deleted:
        ThreadWatch.objects.get_or_create(user=user, thread=thread)
    return not deleted


def toggle_forum_watch(*, user, forum: Forum) -> bool:
    deleted, _ = ForumWatch.objects.filter(user=user, forum=forum).delete()
    if not deleted:
        ForumWatch.objects.get_or_create(user=user, forum=forum)
    return not deleted


def annotate_unread(user, threads: list[Thread]) -> None:
    """Set `thread.unread` (new posts since the member's last visit) and `thread.is_new`
    (never opened, started since the member joined): one query for the whole page."""
    for thread in threads:
        thread.unread = thread.is_new = False
    if not user.is_authenticated or not threads:
        return
    read = dict(
        ThreadReadState.objects.filter(
            user=user, thread__in=[thread.pk for thread in threads]
        ).values_list("thread_id", "last_read_number")
    )
    for thread in threads:
        if thread.pk in read:
            thread.unread = thread.last_post_number > read[thread.pk]
        else:
            thread.is_new = thread.created_at > user.date_joined


def read_up_to(user, thread: Thread) -> int | None:
    """The number of the last post the member has read in `thread` (None: a visitor, or a
    thread they never opened)."""
    if not user.is_authenticated:
        return None
    return (
        ThreadReadState.objects.filter(user=user, thread=thread)
        .values_list("last_read_number", flat=True)
        .first()
    )


def first_unread_number(thread: Thread, last_read: int | None) -> int | None:
    """The number of the first post not read yet, when the member has read part of it."""
    if last_read is None or last_read >= thread.last_post_number:
        return None
    return last_read + 1


def forums_for_procedures(articles) -> list[Forum]:
    """The forums where these procedures are discussed: those they are attached to, and
    those of their body parts."""
    article_ids = [article.pk for article in articles]
    part_ids = {article.body_part_id for article in articles if article.body_part_id}
    return list(
        Forum.objects.filter(Q(articles__in=article_ids) | Q(body_part_id__in=part_ids))
        .distinct()
        .order_by("position", "name")
    )


def watch_forums(*, user, forums) -> list[Forum]:
    """Watch each of these forums (already watched ones stay watched); the newly watched."""
    added = []
    for forum in forums:
        _, created = ForumWatch.objects.get_or_create(user=user, forum=forum)
        if created:
            added.append(forum)
    return added
