"""Editors find members by pseudonym in the back office; only moderators see emails."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db

EMAIL = "private.person@example.org"


@pytest.fixture
def member(db):
    return make_user(username="quiet_reader", email=EMAIL)


def test_editor_cannot_search_members_by_email(client, editor, member):
    client.force_login(editor)

    response = client.get("/admin/accounts/user/", {"q": "private.person"})

    assert response.status_code == 200
    assert "quiet_reader" not in response.content.decode()


def test_editor_finds_a_member_by_pseudonym_without_seeing_the_email(client, editor, member):
    client.force_login(editor)

    found = client.get("/admin/accounts/user/", {"q": "quiet"})
    change = client.get(f"/admin/accounts/user/{member.pk}/change/")
    autocomplete = client.get(
        "/admin/autocomplete/",
        {"term": "quiet", "app_label": "articles", "model_name": "article",
         "field_name": "reviewer"},
    )  # fmt: skip

    assert "quiet_reader" in found.content.decode()
    assert change.status_code == 200
    assert EMAIL not in change.content.decode()
    assert "quiet_reader" in autocomplete.content.decode()
    assert EMAIL not in autocomplete.content.decode()
    assert client.get("/admin/autocomplete/", {"term": "private.person", "app_label": "articles",
        "model_name": "article", "field_name": "reviewer"}).json()["results"] == []  # fmt: skip


def test_moderator_sees_and_searches_member_emails(client, moderator, member):
    client.force_login(moderator)

    found = client.get("/admin/accounts/user/", {"q": "private.person"})
    change = client.get(f"/admin/accounts/user/{member.pk}/change/")

    assert "quiet_reader" in found.content.decode()
    assert EMAIL in change.content.decode()
