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
    assert knee.thread_count == knee.threads.visible().count()


def test_export_includes_forum_posts(patient):
    from accounts.data_rights import export_user_data
    from tests.forums.factories import make_post

    make_post(author=patient, body="My words")

    data = export_user_data(patient)

    assert data["forums"]["posts"][0]["body"] == "My words"
