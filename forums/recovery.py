"""The recovery context of a post: which procedure and which day after surgery, worked out
when the post is written; the words ("Day 5 after ACL reconstruction") come at display time,
in the reader's language (forums.badges)."""

import datetime

from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from articles.models import Article
from forums.badges import describe_interval
from forums.models import Post, RecoveryRecord, Thread

__all__ = ["add_procedure_titles", "describe_interval", "procedure_titles", "recovery_fields"]


def _relevant_record(user, thread: Thread) -> RecoveryRecord | None:
    records = list(user.recovery_records.public().select_related("article"))
    if not records:
        return None
    forum_articles = set(thread.forum.articles.values_list("pk", flat=True))
    for wanted in ({thread.article_id} - {None}, forum_articles):
        for record in records:
            if record.article_id in wanted:
                return record
    return None


def recovery_fields(user, thread: Thread, on: datetime.date) -> dict:
    """The badge fields of a post by `user` in `thread` written on `on`; none without a
    public record for the thread's procedure (or one of its forum's procedures)."""
    record = _relevant_record(user, thread)
    if record is None:
        return {}
    return {
        "recovery_article": record.article,
        "recovery_procedure": record.article.title,
        "recovery_day": (on - record.surgery_date).days,
    }


def procedure_titles(article_ids, language: str) -> dict[int, str]:
    """The titles of these procedure articles in `language`: each one's published version
    in it (itself, its original or a translation), for those that have one."""
    group = Coalesce("translation_of_id", "pk")
    groups = dict(
        Article.objects.filter(pk__in=article_ids).annotate(group=group).values_list("pk", "group")
    )
    titles = dict(
        Article.objects.published()
        .filter(language=language)
        .annotate(group=group)
        .filter(group__in=set(groups.values()))
        .values_list("group", "title")
    )
    return {pk: titles[group] for pk, group in groups.items() if group in titles}


def add_procedure_titles(posts: list[Post]) -> None:
    """Name each badge's procedure for the reader: its article's title in the active
    language where there is one, else the title stored with the post."""
    ids = {post.recovery_article_id for post in posts} - {None}
    titles = procedure_titles(ids, get_language()) if ids else {}
    for post in posts:
        post.recovery_procedure_shown = titles.get(post.recovery_article_id)
