"""A suspended member can read but not change anything others see: every member write view
refuses them (one check, accounts.permissions.posting_refusal)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from blogs.models import BlogPost, Comment
from blogs.posting import blog_for
from forums.models import Post, Reaction, RecoveryRecord, Thread
from heroes.models import Nomination
from tests.blogs.factories import make_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_article
from tests.forums.factories import make_forum, make_post

pytestmark = pytest.mark.django_db


def _suspend(user):
    user.suspended_until = timezone.now() + timezone.timedelta(days=3)
    user.suspension_reason = "Spam links"
    user.save()
    return user


@pytest.fixture
def suspended(patient):
    return _suspend(patient)


def _public_text(user) -> tuple:
    """Everything a member wrote that others may see, with the rows' counts."""
    blog = blog_for(user)
    return (
        user.bio, blog.title, blog.description,
        list(Post.objects.values_list("body", flat=True)), Thread.objects.count(),
        list(BlogPost.objects.values_list("title", "body")),
        list(Comment.objects.values_list("body", flat=True)),
        Reaction.objects.count(), RecoveryRecord.objects.count(), Nomination.objects.count(),
    )  # fmt: skip


def _member_writes(user) -> list[tuple[str, dict]]:
    """Every member write view with a valid form: (url, data)."""
    forum_post = make_post(author=user)
    blog_post = make_blog_post(author=user)
    comment = make_comment(author=user)
    text = {"title": "New title", "body": "New words for everyone to read here."}
    return [
        (reverse("accounts:settings"), {"bio": "Buy now", "email_notifications": "off"}),
        (reverse("blogs:blog_settings"), {"title": "Spam", "description": "Spam"}),
        (reverse("forums:recovery_list"),
         {"article": make_article().pk, "surgery_date": "2024-01-01", "is_public": "on"}),
        (reverse("forums:thread_create", args=[make_forum().slug]), text),
        (reverse("forums:post_create", args=[forum_post.thread_id]), text),
        (reverse("forums:post_edit", args=[forum_post.pk]), text),
        (reverse("forums:post_react", args=[make_post().pk, "helpful"]), {}),
        (reverse("blogs:post_create"), {**text, "publication": "published"}),
        (reverse("blogs:post_edit", args=[blog_post.pk]), {**text, "publication": "published"}),
        (reverse("blogs:autosave"),
         {**text, "form_token": "6f1c7a8e-2b1d-4c55-9d43-1a2b3c4d5e6f"}),
        (reverse("blogs:comment_create", args=[make_blog_post().pk]), text),
        (reverse("blogs:comment_edit", args=[comment.pk]), text),
        (reverse("heroes:nominate"),
         {"surgeon_name": "Dr. Ada Example", "story": "She listened. " * 30,
          "surgeon_practice": "City Hospital", "surgeon_city": "Leeds",
          "relationship": "patient", "consent_to_policy": "on"}),
    ]  # fmt: skip


def test_a_suspended_member_changes_nothing_others_see(client, patient):
    writes = _member_writes(patient)
    suspended = _suspend(patient)
    before = _public_text(suspended)
    client.force_login(suspended)

    for url, data in writes:
        response = client.post(url, data)

        assert response.status_code in (200, 302, 403), url
    suspended.refresh_from_db()
    assert _public_text(suspended) == before


def test_the_same_writes_change_public_text_for_an_active_member(client, patient):
    """The control: each request above is a valid write when the member is not suspended."""
    writes = _member_writes(patient)
    client.force_login(patient)

    for url, data in writes:
        before = _public_text(patient)
        client.post(url, data)
        patient.refresh_from_db()

        assert _public_text(patient) != before, url


def test_a_suspended_member_is_told_why(client, suspended):
    client.force_login(suspended)

    response = client.post(reverse("blogs:blog_settings"), {"title": "Spam"})

    assert response.status_code == 403
    assert "suspended" in response.content.decode()


def test_a_suspended_member_may_still_stop_emails(client, suspended):
    client.force_login(suspended)

    client.post(reverse("accounts:settings"), {"bio": "Buy now", "email_notifications": "off"})

    suspended.refresh_from_db()
    assert suspended.email_notifications == "off" and suspended.bio == ""


def test_an_active_member_changes_the_bio_and_blog(client, patient):
    client.force_login(patient)

    client.post(reverse("accounts:settings"), {"bio": "Hello", "email_notifications": "off"})
    client.post(reverse("blogs:blog_settings"), {"title": "My knee", "description": "Notes"})

    patient.refresh_from_db()
    assert patient.bio == "Hello" and blog_for(patient).title == "My knee"
