"""The same create form sent twice at the same moment makes one object, on every form: each
carries a one-time token (core.forms.FormTokenMixin) kept under a unique constraint, or,
for reports, the one-open-report-per-member constraint. Private messages included."""

import uuid

import pytest
from django.urls import reverse

from blogs.models import BlogPost, Comment
from forums.models import Post, Thread
from heroes.models import Nomination
from messaging.models import Message
from moderation.models import Report
from tests.blogs.factories import make_post as make_blog_post
from tests.blogs.factories import post_data
from tests.concurrency import at_once, post_as, postgres_only
from tests.forums.factories import make_forum, make_thread
from tests.heroes.factories import nomination_data

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


def _twice_at_once(user, url: str, data: dict) -> list:
    responses = at_once(lambda: post_as(user, url, data), lambda: post_as(user, url, data))
    assert [r.status_code for r in responses] == [302, 302]
    return responses


def test_new_thread_sent_twice_at_once_makes_one_thread(patient, settings):
    settings.FORUMS_NEW_MEMBER_RATE = (1000, 10)
    forum = make_forum()
    data = {"title": "Stairs after a knee replacement", "body": "When could you manage them?"}
    data["form_token"] = str(uuid.uuid4())

    first, second = _twice_at_once(
        patient, reverse("forums:thread_create", args=[forum.slug]), data
    )

    assert Thread.objects.filter(forum=forum).count() == 1
    assert first["Location"] == second["Location"]
    forum.refresh_from_db()
    assert (forum.thread_count, forum.post_count) == (1, 1)


def test_reply_sent_twice_at_once_makes_one_post(patient, other_patient, settings):
    settings.FORUMS_NEW_MEMBER_RATE = (1000, 10)
    thread = make_thread(author=other_patient)
    data = {"body": "Ice and patience helped me.", "form_token": str(uuid.uuid4())}

    _twice_at_once(patient, reverse("forums:post_create", args=[thread.pk]), data)

    assert Post.objects.filter(thread=thread, author=patient).count() == 1
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_blog_comment_sent_twice_at_once_makes_one_comment(patient, other_patient):
    post = make_blog_post(author=patient)
    data = {"body": "Keep going!", "form_token": str(uuid.uuid4())}

    _twice_at_once(other_patient, reverse("blogs:comment_create", args=[post.pk]), data)

    assert Comment.objects.filter(post=post).count() == 1
    post.refresh_from_db()
    assert post.comment_count == 1


def test_blog_post_sent_twice_at_once_makes_one_post(patient):
    _twice_at_once(patient, reverse("blogs:post_create"), post_data())

    assert BlogPost.objects.filter(author=patient).count() == 1


def test_nomination_sent_twice_at_once_makes_one_nomination(patient):
    data = nomination_data()

    # The later tab may be told it has already nominated this surgeon (the 30-day rule).
    responses = at_once(*[lambda: post_as(patient, reverse("heroes:nominate"), data)] * 2)

    assert {r.status_code for r in responses} <= {200, 302}
    assert Nomination.objects.filter(nominator=patient).count() == 1


def test_report_sent_twice_at_once_makes_one_report(patient, other_patient, settings):
    settings.FORUMS_NEW_MEMBER_RATE = (1000, 10)
    post = make_thread(author=other_patient).posts.get()
    url = reverse("moderation:report", args=["forums", "post", post.pk])

    _twice_at_once(patient, url, {"reason": "spam", "note": ""})

    assert Report.objects.filter(object_id=post.pk, reporter=patient).count() == 1


def test_private_message_sent_twice_at_once_makes_one_message(patient, other_patient):
    data = {"to": other_patient.username, "body": "How is the knee?"}
    data["form_token"] = str(uuid.uuid4())

    _twice_at_once(patient, reverse("messaging:new"), data)

    assert Message.objects.filter(sender=patient).count() == 1
