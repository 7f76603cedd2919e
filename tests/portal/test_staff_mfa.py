"""Every staff power, on the site as in the back office, needs two-factor authentication
when DJANGO_ADMIN_REQUIRE_MFA is on: one predicate (core.roles.has_staff_permission)."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from core import roles
from tests.blogs.factories import make_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db
HIDDEN = "hidden"

# Every site view behind moderator_required: (url name, object it acts on, method).
MODERATOR_VIEWS = [
    *[(f"forums:thread_{action}", "thread", "post")
      for action in ("lock", "unlock", "pin", "unpin")],
    ("forums:thread_move", "thread", "post"),
    ("forums:post_history", "post", "get"),
    ("moderation:hide", "thread", "post"),
    ("moderation:restore", "hidden_thread", "post"),
    ("moderation:hide", "post", "post"),
    ("moderation:hide", "blog_post", "post"),
    ("moderation:restore", "hidden_blog_post", "post"),
    ("moderation:hide", "comment", "post"),
    ("moderation:restore", "hidden_comment", "post"),
]  # fmt: skip
MODELS = {"thread": ("forums", "thread"), "post": ("forums", "post"),
          "blog_post": ("blogs", "blogpost"), "comment": ("blogs", "comment")}  # fmt: skip


def _url(name: str, kind: str) -> str:
    pk = {
        "thread": lambda: make_post().thread_id,
        "hidden_thread": lambda: make_thread(status=HIDDEN).pk,
        "post": lambda: make_post().pk,
        "blog_post": lambda: make_blog_post().pk,
        "comment": lambda: make_comment().pk,
        "hidden_blog_post": lambda: make_blog_post(status=HIDDEN).pk,
        "hidden_comment": lambda: make_comment(status=HIDDEN).pk,
    }[kind]()
    if name.startswith("moderation:"):
        return reverse(name, args=[*MODELS[kind.removeprefix("hidden_")], pk])
    return reverse(name, args=[pk])


@pytest.fixture
def require_mfa(settings):
    settings.ADMIN_REQUIRE_MFA = True


def _send(client, method, url):
    data = {"forum": make_forum().pk, "note": "why"} if method == "post" else None
    return getattr(client, method)(url, data)


def test_moderator_without_two_factor_may_not_use_any_staff_power(client, moderator, require_mfa):
    client.force_login(moderator)

    for name, kind, method in MODERATOR_VIEWS:
        response = _send(client, method, _url(name, kind))

        refused = response.status_code == 403 or (
            response.status_code == 302 and response.url == reverse("mfa_activate_totp")
        )
        assert refused, (name, response.status_code)


def test_moderator_with_two_factor_may_use_them(client, moderator, require_mfa):
    Authenticator.objects.create(user=moderator, type=Authenticator.Type.TOTP, data={})
    client.force_login(moderator)

    for name, kind, method in MODERATOR_VIEWS:
        response = _send(client, method, _url(name, kind))

        assert response.status_code in (200, 302), name
        assert "2fa" not in response.get("Location", ""), name


def test_the_role_is_kept_but_the_powers_need_two_factor(moderator, editor, require_mfa):
    assert roles.has_moderator_role(moderator) and not roles.is_moderator(moderator)
    assert roles.has_editor_role(editor) and not roles.is_editor(editor)
    assert not roles.is_staff_member(editor)


def test_a_thread_shows_no_moderator_tools_without_two_factor(client, moderator, require_mfa):
    post = make_post()
    client.force_login(moderator)

    page = client.get(post.thread.get_absolute_url()).content.decode()

    assert reverse("forums:thread_lock", args=[post.thread_id]) not in page
    assert reverse("forums:post_history", args=[post.pk]) not in page
    assert post.thread.title in page  # the thread itself shows
