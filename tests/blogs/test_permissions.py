"""Every write URL, for the author, another member, a moderator and a visitor."""

import pytest
from django.urls import reverse

from blogs import permissions
from blogs.models import BlogPost, Comment
from moderation.links import moderation_url
from moderation.models import ModerationLogEntry
from tests.blogs.factories import make_comment, make_post, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(patient):
    return patient


@pytest.fixture
def post(author):
    return make_post(author=author, title="My knee diary")


@pytest.fixture
def comment(post, other_patient):
    return make_comment(post=post, author=other_patient, body="Get well soon")


def _login(client, request, who):
    if who != "visitor":
        client.force_login(request.getfixturevalue(who))


POST_WRITE_URLS = ["post_edit", "post_delete", "comment_create"]
COMMENT_WRITE_URLS = ["comment_edit", "comment_delete"]
PLAIN_WRITE_URLS = ["post_create", "autosave", "safety_check", "blog_settings"]


def _all_write_urls(post, comment):
    urls = [reverse(f"blogs:{name}", args=[post.pk]) for name in POST_WRITE_URLS]
    urls += [reverse(f"blogs:{name}", args=[comment.pk]) for name in COMMENT_WRITE_URLS]
    urls += [reverse(f"blogs:{name}") for name in PLAIN_WRITE_URLS]
    urls += [moderation_url(verb, obj) for verb in ("hide", "restore") for obj in (post, comment)]
    return urls


def test_visitor_post_to_any_write_url_goes_to_login(client, post, comment):
    for url in _all_write_urls(post, comment):
        response = client.post(url, {"body": "x"})

        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize("name", ["post_delete", "comment_create", "autosave", "safety_check"])
def test_get_on_post_only_write_views_is_405(client, patient, post, name):
    client.force_login(patient)
    args = [] if name in ("autosave", "safety_check") else [post.pk]

    assert client.get(reverse(f"blogs:{name}", args=args)).status_code == 405


@pytest.mark.parametrize("name", ["comment_delete"])
def test_get_on_post_only_comment_views_is_405(client, patient, comment, name):
    client.force_login(patient)

    assert client.get(reverse(f"blogs:{name}", args=[comment.pk])).status_code == 405


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("other_patient", 403), ("patient", 302), ("moderator", 403)],
)
def test_post_edit_access(client, who, expected, request, post):
    _login(client, request, who)
    data = post_data(title="Edited title", form_token=str(post.form_token or ""))

    response = client.post(reverse("blogs:post_edit", args=[post.pk]), data)

    assert response.status_code == expected
    post.refresh_from_db()
    assert (post.title == "Edited title") == (who == "patient")


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("other_patient", 403), ("patient", 302), ("moderator", 403)],
)
def test_post_delete_access(client, who, expected, request, post):
    _login(client, request, who)

    response = client.post(reverse("blogs:post_delete", args=[post.pk]))

    assert response.status_code == expected
    post.refresh_from_db()
    assert post.is_deleted == (who == "patient")
    assert BlogPost.objects.filter(pk=post.pk).exists()  # soft: the row stays


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("other_patient", 403), ("patient", 403), ("moderator", 302)],
)
def test_post_hide_access(client, who, expected, request, post):
    _login(client, request, who)

    response = client.post(moderation_url("hide", post), {"note": "off topic"})

    assert response.status_code == expected
    post.refresh_from_db()
    assert post.is_hidden == (who == "moderator")


def test_moderator_hide_and_restore_are_logged_with_audit_fields(client, moderator, post):
    client.force_login(moderator)

    client.post(moderation_url("hide", post), {"note": "off topic"})
    post.refresh_from_db()
    assert (post.moderated_by, post.moderation_note) == (moderator, "off topic")
    client.post(moderation_url("restore", post))

    post.refresh_from_db()
    assert post.is_visible
    actions = list(ModerationLogEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["hide", "restore"]


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("patient", 403), ("other_patient", 403), ("moderator", 302)],
)
def test_post_restore_access(client, who, expected, request, post, moderator):
    post.hide(by=moderator)
    _login(client, request, who)

    response = client.post(moderation_url("restore", post))

    assert response.status_code == expected
    post.refresh_from_db()
    assert post.is_visible == (who == "moderator")


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("patient", 403), ("other_patient", 302), ("moderator", 403)],
)
def test_comment_edit_access(client, who, expected, request, comment):
    _login(client, request, who)

    response = client.post(
        reverse("blogs:comment_edit", args=[comment.pk]),
        {"body": "Edited comment", "form_token": str(comment.form_token or "")},
    )

    assert response.status_code == expected
    comment.refresh_from_db()
    assert (comment.body == "Edited comment") == (who == "other_patient")


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("patient", 403), ("other_patient", 302), ("moderator", 403)],
)
def test_comment_delete_access(client, who, expected, request, comment, post):
    _login(client, request, who)

    response = client.post(reverse("blogs:comment_delete", args=[comment.pk]))

    assert response.status_code == expected
    comment.refresh_from_db()
    post.refresh_from_db()
    assert comment.is_deleted == (who == "other_patient")
    assert post.comment_count == (0 if who == "other_patient" else 1)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("patient", 403), ("other_patient", 403), ("moderator", 302)],
)
def test_comment_hide_access(client, who, expected, request, comment, post):
    _login(client, request, who)

    response = client.post(moderation_url("hide", comment))

    assert response.status_code == expected
    comment.refresh_from_db()
    post.refresh_from_db()
    assert comment.is_hidden == (who == "moderator")
    assert post.comment_count == (0 if who == "moderator" else 1)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("patient", 403), ("other_patient", 403), ("moderator", 302)],
)
def test_comment_restore_access(client, who, expected, request, comment, moderator):
    comment.hide(by=moderator)
    _login(client, request, who)

    response = client.post(moderation_url("restore", comment))

    assert response.status_code == expected
    comment.refresh_from_db()
    assert comment.is_visible == (who == "moderator")


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("patient", 302), ("other_patient", 302), ("moderator", 302)],
)
def test_comment_create_access(client, who, expected, request, post):
    _login(client, request, who)

    response = client.post(
        reverse("blogs:comment_create", args=[post.pk]),
        {"body": "Lovely post", "form_token": "5f0c8d0e-1111-4a4a-9b9b-000000000001"},
    )

    assert response.status_code == expected
    assert Comment.objects.filter(body="Lovely post").exists() == (who != "visitor")


def test_other_members_edit_page_is_403_and_hidden_post_edit_is_404(client, post, other_patient):
    client.force_login(other_patient)

    assert client.get(reverse("blogs:post_edit", args=[post.pk])).status_code == 403
    post.hide(by=None)
    assert client.get(reverse("blogs:post_edit", args=[post.pk])).status_code == 404


def test_suspended_author_can_neither_write_nor_edit(client, patient, post):
    from django.utils import timezone

    patient.suspended_until = timezone.now() + timezone.timedelta(days=3)
    patient.suspension_reason = "Spam"
    patient.save()
    client.force_login(patient)

    assert client.get(reverse("blogs:post_create")).status_code == 403
    assert client.get(reverse("blogs:post_edit", args=[post.pk])).status_code == 403
    assert not permissions.can_comment(patient, post)


def test_blog_settings_edit_own_blog_only(client, patient):
    client.force_login(patient)

    response = client.post(
        reverse("blogs:blog_settings"), {"title": "Knee news", "description": "Slowly"}
    )

    assert response.status_code == 302
    assert patient.blog.title == "Knee news"
