"""The recovery context: "Day 5 after ACL reconstruction", computed when a post is written."""

import datetime

from forums.models import RecoveryRecord, Thread


def describe_interval(surgery_date: datetime.date, on: datetime.date, procedure: str) -> str:
    days = (on - surgery_date).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} before {procedure}"
    if days < 120:
        return f"Day {days} after {procedure}"
    if days < 730:
        return f"Month {days // 30} after {procedure}"
    return f"Year {days // 365} after {procedure}"


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


def recovery_badge(user, thread: Thread, on: datetime.date) -> str:
    """The badge for a post by `user` in `thread` written on `on`; "" without a public record
    for the thread's procedure (or one of its forum's procedures)."""
    record = _relevant_record(user, thread)
    if record is None:
        return ""
    return describe_interval(record.surgery_date, on, record.article.title)
