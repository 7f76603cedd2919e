"""Every URL that changes data: a visitor's POST goes to login, a GET is refused."""

import pytest
from django.urls import reverse

from forums.models import RecoveryRecord
from tests.factories import make_article, make_user
from tests.forums.factories import make_post

pytestmark = pytest.mark.django_db

# (url name, kind of argument, accepts GET to show a form)
WRITE_URLS = [
    ("forums:thread_create", "forum", True),
    ("forums:forum_watch", "forum", False),
    ("forums:post_create", "thread", True),
    ("forums:thread_watch", "thread", False),
    ("forums:thread_lock", "thread", False),
    ("forums:thread_unlock", "thread", False),
    ("forums:thread_pin", "thread", False),
    ("forums:thread_unpin", "thread", False),
    ("forums:thread_hide", "thread", False),
    ("forums:thread_restore", "thread", False),
    ("forums:thread_move", "thread", True),
    ("forums:post_edit", "post", True),
    ("forums:post_delete", "post", False),
    ("forums:post_react", "reaction", False),
    ("forums:post_hide", "post", False),
    ("forums:post_restore", "post", False),
    ("forums:post_check", None, False),
    ("forums:recovery_list", None, True),
    ("forums:recovery_delete", "record", False),
]


def _url(name, kind):
    post = make_post()
    args = {
        "forum": [post.thread.forum.slug],
        "thread": [post.thread_id],
        "post": [post.pk],
        "reaction": [post.pk, "helpful"],
        "record": [
            RecoveryRecord.objects.create(
                user=make_user(), article=make_article(), surgery_date="2024-01-01"
            ).pk
        ],
        None: [],
    }[kind]
    return reverse(name, args=args)


@pytest.mark.parametrize(("name", "kind", "has_form"), WRITE_URLS)
def test_visitor_post_is_sent_to_login(client, name, kind, has_form):
    response = client.post(_url(name, kind))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "kind"), [(n, k) for n, k, form in WRITE_URLS if not form])
def test_get_is_not_allowed(client, patient, name, kind):
    client.force_login(patient)

    assert client.get(_url(name, kind)).status_code == 405
