"""Which named versions (core.versions) forum writes bump, and what forum pages show.

A post bumps itself, its thread, its forum, the home page's latest threads, its author's
post count (`member-posts`), and the "Discuss this procedure" section of the articles its
thread is about. A reaction bumps only its post. Read states and watches bump nothing.
"""

from forums.models import (
    Forum,
    ForumWatch,
    Post,
    Reaction,
    RecoveryRecord,
    Thread,
    ThreadReadState,
    ThreadWatch,
)


def _article_sections(thread: Thread) -> list[str]:
    linked = Forum.articles.through.objects.filter(forum_id=thread.forum_id)
    article_ids = {*linked.values_list("article_id", flat=True), thread.article_id} - {None}
    return [f"article-sections:{article_id}" for article_id in sorted(article_ids)]


def thread_names(thread: Thread, **signal) -> list[str]:
    return [
        f"thread:{thread.pk}", f"forum:{thread.forum_id}", "latest-threads",
        *_article_sections(thread),
    ]  # fmt: skip


def _thread_of(post: Post) -> Thread | None:
    if Post.thread.is_cached(post):
        return post.thread
    return Thread.objects.filter(pk=post.thread_id).only("forum_id", "article_id").first()


def post_names(post: Post, **signal) -> list[str]:
    thread = _thread_of(post)
    return [
        f"post:{post.pk}", f"member-posts:{post.author_id}", f"thread:{post.thread_id}",
        *(thread_names(thread) if thread is not None else ()),
    ]  # fmt: skip


def forum_names(forum: Forum, **signal) -> list[str]:
    return [f"forum:{forum.pk}", "article-sections"]


def forum_articles_names(instance, **signal) -> list[str]:
    return ["article-sections"]


def thread_page_versions(thread: Thread, posts) -> list[str]:
    """What a thread page shows: the thread, and each post card's versions."""
    return [f"thread:{thread.pk}", *(name for post in posts for name in post_card_versions(post))]


def post_card_versions(post: Post) -> list[str]:
    """What a post card's shared part shows: the post, its author's public profile (name,
    badge) and post count."""
    return [f"post:{post.pk}", f"member:{post.author_id}", f"member-posts:{post.author_id}"]


def forum_page_versions(forum: Forum) -> list[str]:
    """What a forum page shows: its threads (and their last posters), its procedures."""
    return [f"forum:{forum.pk}", "members", "articles"]


def audience_names(threads) -> list[str]:
    """What a change of audience (members-only or public) of these threads changes beyond
    the thread row's own names: each thread's page, and its posts on their authors'
    profiles (`member-posts`), which the thread's save does not reach."""
    authors = Post.objects.filter(thread__in=threads).values_list("author_id", flat=True)
    return [
        *(f"thread:{pk}" for pk in threads.values_list("pk", flat=True)),
        *(f"member-posts:{author}" for author in sorted(set(authors))),
        "latest-threads",
    ]


BUMPS = {
    Forum: forum_names,
    Forum.articles.through: forum_articles_names,
    Thread: thread_names,
    Post: post_names,
    Reaction: lambda reaction, **signal: [f"post:{reaction.post_id}"],
    RecoveryRecord: lambda record, **signal: [f"member:{record.user_id}"],
}
QUIET = {ThreadReadState, ThreadWatch, ForumWatch}
