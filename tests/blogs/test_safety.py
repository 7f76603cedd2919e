"""Blog posts and comments use the one safety check (contact details: tests/safety)."""

import uuid

import pytest
from django.urls import reverse

from blogs.models import Comment
from blogs.posting import check_text
from moderation.models import Report
from tests.blogs.factories import make_post, post_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_article_warning_signs_match_whole_words_only():
    article = make_article(warning_signs=[("Redness around the wound", "redness, red")])

    assert check_text("the wound is red today", article=article).signs
    assert check_text("I read a book", article=article).level == "none"
    assert check_text("Fred visited", article=article).level == "none"


def test_emergencies_apply_without_an_article():
    check = check_text("Sudden CHEST PAIN and short of breath")

    assert check.level == "emergency"
    assert "chest pain" in check.note() and "Sudden" not in check.note()


def test_a_crisis_comment_is_flagged_with_its_level_and_readers_see_a_banner(client, patient):
    post = make_post()
    client.force_login(patient)

    response = client.post(
        reverse("blogs:comment_create", args=[post.pk]),
        {"body": "honestly I don't want to be alive", "form_token": uuid.uuid4()},
        follow=True,
    )

    comment = Comment.objects.get(author=patient)
    assert comment.safety_level == "crisis"
    assert Report.objects.get().level == "crisis"
    assert 'data-safety-level="crisis"' in response.content.decode()
    client.logout()
    assert "data-safety-banner" in client.get(post.get_absolute_url()).content.decode()


def test_the_comment_live_check_marks_its_answer(client, patient):
    post = make_post()
    client.force_login(patient)

    response = client.post(
        reverse("blogs:safety_check") + f"?post={post.pk}", {"body": "coughing up blood"}
    )

    assert 'data-safety-level="emergency"' in response.content.decode()


def test_a_draft_is_checked_but_not_flagged(client, patient):
    client.force_login(patient)
    data = post_data(title="Low", body="I want to end it all", publication="draft")

    response = client.post(reverse("blogs:post_create"), data, follow=True)

    assert 'data-safety-level="crisis"' in response.content.decode()
    assert not Report.objects.exists()
