"""The forum part of the benchmark data set (`manage.py make_bench_data`)."""

import io

import pytest
from django.core.management import call_command

from bench.data.forums import BenchData
from forums.models import Forum, Post, Thread

pytestmark = pytest.mark.django_db

NO_OTHERS = {"articles": 0, "blog_posts": 0, "videos": 0}  # only the forum part


def test_make_bench_data_builds_a_deterministic_forum():
    out = io.StringIO()

    call_command("make_bench_data", threads=40, posts=300, members=12, stdout=out, **NO_OTHERS)

    big = Forum.objects.get(slug="bench-big")
    long_thread = Thread.objects.get(title="Bench: the 200-post thread")
    assert big.thread_count == 40 and big.post_count == 300
    assert long_thread.posts.count() == 200 and long_thread.reply_count == 199
    assert long_thread.last_post == long_thread.posts.get(number=200)
    assert Post.objects.count() == 300
    assert "posts 300/300" in out.getvalue()
    first_titles = list(Thread.objects.order_by("pk").values_list("title", flat=True)[:5])
    call_command("make_bench_data", threads=40, posts=300, members=12, stdout=out, **NO_OTHERS)
    assert Thread.objects.count() == 40
    assert first_titles == list(Thread.objects.order_by("pk").values_list("title", flat=True)[:5])


def test_make_bench_data_is_the_same_every_time():
    plans = [
        BenchData(threads=30, posts=100, members=5, seed=1, out=lambda m: None).bodies
        for _ in range(2)
    ]

    assert plans[0] == plans[1]
