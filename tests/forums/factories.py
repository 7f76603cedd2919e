"""Forum factories: threads and posts go through forums.posting, so counters are real."""

import itertools

from forums import posting
from forums.models import Forum, Post, Thread
from tests.factories import committed, make_user

_counter = itertools.count(1)


def make_forum(**fields) -> Forum:
    n = next(_counter)
    fields.setdefault("name", f"Forum {n}")
    fields.setdefault("slug", f"forum-{n}")
    articles = fields.pop("articles", ())
    forum = Forum.objects.create(**fields)
    if articles:
        forum.articles.set(articles)
    return forum


def make_thread(*, forum=None, author=None, title=None, body="First post.", **fields) -> Thread:
    n = next(_counter)
    with committed():
        post = posting.start_thread(
            forum=forum or make_forum(),
            author=author or make_user(),
            title=title or f"Thread {n}",
            body=body,
            article=fields.pop("article", None),
            members_only=fields.pop("members_only", False),
            title_public=fields.pop("title_public", False),
        )
    thread = post.thread
    if fields:
        Thread.objects.filter(pk=thread.pk).update(**fields)
    thread.refresh_from_db()
    return thread


def make_post(*, thread=None, author=None, body=None) -> Post:
    n = next(_counter)
    thread = thread or make_thread()
    with committed():
        return posting.reply(
            thread=thread, author=author or make_user(), body=body or f"Reply {n}."
        )
