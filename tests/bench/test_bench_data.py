"""`manage.py make_bench_data` at a small size: the right counts, the same rows every time,
and a second run that leaves everything alone."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from taggit.models import TaggedItem

from accounts.models import User
from articles.models import Article
from bench.data import RARE_WORD
from bench.data.forums import BIG_FORUM, LONG_THREAD_TITLE
from blogs.models import BlogPost
from forums.models import Post, Thread
from search.models import SearchEntry
from videos.models import Video

pytestmark = pytest.mark.django_db

SMALL = ["--threads", "200", "--posts", "2000", "--members", "40", "--articles", "12",
         "--blogs", "10", "--blog-posts", "150", "--videos", "8"]  # fmt: skip


def build() -> str:
    out = io.StringIO()
    call_command("make_bench_data", *SMALL, stdout=out)
    return out.getvalue()


def fingerprint() -> list:
    return [
        list(User.objects.filter(username__startswith="bench-").order_by("username")
             .values_list("username", "post_count")),
        list(Thread.objects.order_by("forum__slug", "created_at", "title")
             .values_list("forum__slug", "title", "created_at", "reply_count", "author__username")),
        list(Post.objects.order_by("thread__title", "number")
             .values_list("thread__title", "number", "body", "author__username")),
        list(Article.objects.order_by("slug").values_list("slug", "title", "summary")),
        list(BlogPost.objects.order_by("title").values_list(
            "title", "body", "published_at", "publication", "author__username", "article__slug")),
        sorted(TaggedItem.objects.values_list("tag__name", "content_type__model")),
        list(Video.objects.order_by("slug").values_list("slug", "title", "transcript")),
        sorted(SearchEntry.objects.values_list("kind", "title", "body")),  # urls carry pks
    ]  # fmt: skip


def test_builds_the_asked_counts_and_indexes_them():
    output = build()
    assert User.objects.filter(username__startswith="bench-").count() == 40
    assert Thread.objects.count() == 200
    assert Post.objects.count() == 2000
    assert Thread.objects.get(title=LONG_THREAD_TITLE).posts.count() == 200
    assert Thread.objects.filter(forum__slug=BIG_FORUM).count() == 200
    assert Article.objects.published().count() == 12
    assert BlogPost.objects.count() == 150
    # One draft (99), two scheduled (49, 149):
    assert BlogPost.objects.published().count() == 150 - 1 - 2
    assert BlogPost.objects.published_or_scheduled().count() == 150 - 1
    assert TaggedItem.objects.filter(content_type__model="blogpost").exists()
    assert Video.objects.published().count() == 8
    assert all(v.transcript for v in Video.objects.all())
    assert SearchEntry.objects.filter(kind="article").count() == 12
    assert SearchEntry.objects.filter(kind="blogpost").count() == 149
    assert SearchEntry.objects.filter(kind="video").count() == 8
    assert SearchEntry.objects.filter(kind="thread").count() == 200
    assert SearchEntry.objects.filter(kind="post").count() == 1800
    assert SearchEntry.objects.filter(body__icontains=RARE_WORD).count() < 20
    for part in ("forums", "articles", "blogs", "videos", "search index", "total"):
        assert f"  {part}" in output


def test_same_rows_every_time_and_a_second_run_changes_nothing():
    with transaction.atomic():
        build()
        first = fingerprint()
        transaction.set_rollback(True)
    assert not Post.objects.exists()
    build()
    assert fingerprint() == first
    output = build()
    assert fingerprint() == first
    assert "already there" in output
    assert Post.objects.count() == 2000
