"""Comments: posting, replies one level deep, counts, notifications, comments off."""

import uuid

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from blogs.models import Comment
from moderation.models import Report
from tests.blogs.factories import make_comment, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(patient):
    return make_post(author=patient, title="Knee diary")


def _comment(client, post, body="Keep going!", **extra):
    data = {"body": body, "form_token": str(uuid.uuid4()), **extra}
    return client.post(reverse("blogs:comment_create", args=[post.pk]), data)


def test_comment_is_published_counted_and_notifies_the_author(
    client, post, other_patient, django_capture_on_commit_callbacks
):
    client.force_login(other_patient)

    with django_capture_on_commit_callbacks(execute=True):
        response = _comment(client, post)

    comment = Comment.objects.get()
    assert response["Location"] == comment.get_absolute_url()
    post.refresh_from_db()
    assert post.comment_count == 1
    note = Notification.objects.get(recipient=post.author)
    assert note.kind == "blog_comment" and "Knee diary" in note.message
    assert note.url == comment.get_absolute_url()
    assert [message.to for message in mail.outbox] == [[post.author.email]]


def test_author_commenting_on_own_post_is_not_notified(client, post, patient):
    client.force_login(patient)

    _comment(client, post)

    assert Comment.objects.filter(post=post, author=patient).exists()
    assert not Notification.objects.exists()


def test_reply_notifies_the_parent_comment_author_too(client, post, other_patient):
    parent = make_comment(post=post, author=other_patient)
    replier = other_patient.__class__.objects.create_user("replier", "r@example.com", "pw-12345678")
    client.force_login(replier)

    _comment(client, post, body="Same here", parent=str(parent.pk))

    reply = Comment.objects.get(body="Same here")
    assert reply.parent == parent
    kinds = dict(Notification.objects.values_list("recipient__username", "kind"))
    assert kinds == {"patient": "blog_comment", "other_patient": "blog_reply"}


def test_reply_to_a_reply_joins_the_first_level(client, post, other_patient):
    top = make_comment(post=post)
    reply = make_comment(post=post, parent=top)
    client.force_login(other_patient)

    _comment(client, post, body="Deep reply", parent=str(reply.pk))

    assert Comment.objects.get(body="Deep reply").parent == top


def test_reply_to_a_comment_of_another_post_is_refused(client, post, other_patient):
    elsewhere = make_comment()
    client.force_login(other_patient)

    response = _comment(client, post, parent=str(elsewhere.pk))

    assert response.status_code == 200
    assert Comment.objects.filter(post=post).count() == 0


def test_double_submit_creates_one_comment(client, post, other_patient):
    client.force_login(other_patient)
    data = {"body": "Only once", "form_token": str(uuid.uuid4())}
    url = reverse("blogs:comment_create", args=[post.pk])

    client.post(url, data)
    client.post(url, data)

    assert Comment.objects.count() == 1
    post.refresh_from_db()
    assert post.comment_count == 1


def test_empty_comment_is_a_form_error(client, post, other_patient):
    client.force_login(other_patient)

    response = _comment(client, post, body="")

    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert not Comment.objects.exists()


def test_comments_off_refuses_new_comments_and_says_so(client, post, other_patient):
    post.comments_enabled = False
    post.save()
    client.force_login(other_patient)

    assert _comment(client, post).status_code == 403
    assert "turned comments off" in client.get(post.get_absolute_url()).content.decode()
    assert not Comment.objects.exists()


def test_no_comments_on_a_draft(client, patient):
    draft = make_post(author=patient, publication="draft")
    client.force_login(patient)

    assert _comment(client, draft).status_code == 403


def test_hidden_comment_is_a_placeholder_for_others(client, post, other_patient, moderator):
    comment = make_comment(post=post, author=other_patient, body="Rude words")
    comment.hide(by=moderator)

    visitor_page = client.get(post.get_absolute_url()).content.decode()
    client.force_login(other_patient)
    author_page = client.get(post.get_absolute_url()).content.decode()

    assert "Rude words" not in visitor_page and "Hidden by a moderator" in visitor_page
    assert "Rude words" in author_page


def test_deleted_comment_keeps_its_place(client, post, other_patient):
    comment = make_comment(post=post, author=other_patient, body="Oops")
    comment.delete_by_author(by=other_patient)

    page = client.get(post.get_absolute_url()).content.decode()

    assert "Oops" not in page and "Deleted by its author" in page
    post.refresh_from_db()
    assert post.comment_count == 0


def test_comment_with_emergency_words_is_flagged_and_warned(client, post, other_patient):
    client.force_login(other_patient)

    response = _comment(client, post, body="I had chest pain after the op")

    assert Report.objects.get().target == Comment.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "emergency number" in page


def test_comment_with_contact_details_asks_first(client, post, other_patient):
    client.force_login(other_patient)

    first = _comment(client, post, body="Email me at jo@example.com")

    assert first.status_code == 200 and "This will be public" in first.content.decode()
    assert not Comment.objects.exists()


def test_comment_rate_limit_for_new_members(client, post, other_patient):
    client.force_login(other_patient)
    for n in range(10):
        _comment(client, post, body=f"Comment {n}")

    refused = _comment(client, post, body="One too many")

    assert refused.status_code == 200 and "please wait" in refused.content.decode()
    assert Comment.objects.count() == 10


def test_reply_link_prefills_the_parent(client, post, other_patient):
    parent = make_comment(post=post)
    client.force_login(other_patient)

    response = client.get(post.get_absolute_url(), {"reply_to": parent.pk})

    assert response.context["comment_form"].initial["parent"] == parent.pk
    assert f"Reply to {parent.author.username}" in response.content.decode()


def test_report_link_reaches_the_shared_report_page(client, post, other_patient):
    comment = make_comment(post=post, author=other_patient)
    client.force_login(post.author)

    page = client.get(post.get_absolute_url()).content.decode()
    url = reverse("moderation:report", args=["blogs", "comment", comment.pk])
    response = client.post(url, {"reason": "abuse", "note": "rude"})

    assert url in page
    assert response.status_code == 302
    assert Report.objects.get().target == comment
