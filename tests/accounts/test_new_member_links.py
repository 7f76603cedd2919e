"""New members may put at most PORTAL_NEW_MEMBER_MAX_LINKS (2) links in a post, comment or
message: more is a clear form error and nothing is saved; established members are free."""

import uuid

import pytest
from django.urls import reverse

from accounts.limits import count_links
from blogs.models import BlogPost, Comment
from forums.models import Post, Thread
from messaging.models import Message
from tests.blogs.factories import make_post as make_blog_post
from tests.blogs.factories import post_data
from tests.factories import days_ago, make_user
from tests.forums.factories import make_forum, make_thread
from tests.messaging.factories import make_conversation

pytestmark = pytest.mark.django_db

TWO = "See https://example.org/a and www.example.net/b for the exercises."
THREE = TWO + " Also [this video](https://video.example.com/watch)."
REFUSED = "New members can include at most 2 links"


@pytest.fixture(autouse=True)
def _generous_rates(settings):
    settings.PORTAL_POSTING_RATES = dict.fromkeys(settings.PORTAL_POSTING_RATES, ("99/m", "99/m"))


def established():
    return make_user(date_joined=days_ago(60), post_count=40)


def test_links_are_web_addresses_not_the_sites_own_paths():
    assert count_links(TWO) == 2
    assert count_links(THREE) == 3
    assert count_links("> **[runagain wrote](/forums/post/3/):** see /articles/knee/") == 0


def _reply(client, author, thread, body):
    client.force_login(author)
    url = reverse("forums:post_create", args=[thread.pk])
    return client.post(url, {"body": body, "form_token": uuid.uuid4()})


def test_a_new_member_may_post_two_links(client, patient):
    thread = make_thread()

    response = _reply(client, patient, thread, TWO)

    assert response.status_code == 302
    assert thread.posts.filter(author=patient).count() == 1


def test_a_new_members_third_link_is_refused_and_nothing_is_saved(client, patient):
    thread = make_thread()

    response = _reply(client, patient, thread, THREE)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not thread.posts.filter(author=patient).exists()


def test_an_established_member_may_post_three_links(client):
    thread = make_thread()
    member = established()

    assert _reply(client, member, thread, THREE).status_code == 302
    assert thread.posts.filter(author=member).count() == 1


def test_a_new_thread_with_three_links_is_refused(client, patient):
    forum = make_forum()
    client.force_login(patient)
    data = {"title": "Exercises", "body": THREE, "article": "", "form_token": uuid.uuid4()}

    response = client.post(reverse("forums:thread_create", args=[forum.slug]), data)

    assert REFUSED in response.content.decode()
    assert not Thread.objects.filter(forum=forum).exists()
    assert not Post.objects.filter(author=patient).exists()


def test_a_blog_comment_with_three_links_is_refused(client, patient):
    post = make_blog_post()
    client.force_login(patient)
    url = reverse("blogs:comment_create", args=[post.pk])

    refused = client.post(url, {"body": THREE, "form_token": uuid.uuid4()})
    accepted = client.post(url, {"body": TWO, "form_token": uuid.uuid4()})

    assert REFUSED in refused.content.decode()
    assert accepted.status_code == 302
    assert list(Comment.objects.filter(author=patient).values_list("body", flat=True)) == [TWO]


def test_a_blog_post_with_three_links_is_refused(client, patient):
    client.force_login(patient)

    response = client.post(reverse("blogs:post_create"), post_data(body=THREE))

    assert REFUSED in response.content.decode()
    assert not BlogPost.objects.filter(author=patient).exists()


def test_a_message_with_three_links_is_refused(client, patient, other_patient):
    conversation = make_conversation(other_patient, patient)
    client.force_login(patient)
    url = reverse("messaging:conversation", args=[conversation.pk])

    refused = client.post(url, {"body": THREE, "form_token": uuid.uuid4()})
    accepted = client.post(url, {"body": TWO, "form_token": uuid.uuid4()})

    assert REFUSED in refused.content.decode()
    assert accepted.status_code == 302
    assert list(Message.objects.filter(sender=patient).values_list("body", flat=True)) == [TWO]
