import io

import pytest
from django.core.management import call_command

from forums.models import Forum, Post, Thread

pytestmark = pytest.mark.django_db


def test_load_demo_adds_the_seed_thread_once():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    thread = Thread.objects.get(title="5 days post op ACL surgery - strange horrible pain")
    assert thread.author.username == "dadoody"
    reply = thread.posts.get(number=2)
    assert reply.body.startswith("I'm 12 years post op")
    assert reply.created_at.date().isoformat() == "2018-07-16"
    assert Thread.objects.count() >= 6
    assert Post.objects.values("author").distinct().count() >= 5
    assert Post.objects.filter(status="hidden").count() == 1
    knee = Forum.objects.get(slug="knee")
    assert knee.thread_count == knee.threads.published().count()


def test_export_includes_forum_posts(patient):
    from accounts.data_rights import export_user_data
    from tests.forums.factories import make_post

    make_post(author=patient, body="My words")

    data = export_user_data(patient)

    assert data["forums"]["posts"][0]["body"] == "My words"


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
    from forums.benchdata import BenchData

    plans = [
        BenchData(threads=30, posts=100, members=5, seed=1, out=lambda m: None).bodies
        for _ in range(2)
    ]

    assert plans[0] == plans[1]
