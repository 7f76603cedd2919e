"""The privacy notice, the terms and the community guidelines."""

import io

import pytest

from core import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    demo.load(stdout=io.StringIO())


def test_privacy_page_states_the_periods_from_the_settings(client, pages, settings):
    settings.RETENTION_DAYS = {
        "notifications": 11, "read_states": 22, "resolved_reports": 33, "logs": 44,
    }  # fmt: skip
    settings.BACKUP_RETENTION_DAYS = 55

    page = client.get("/pages/privacy/").content.decode()

    for days in ("11 days", "22 days", "33 days", "44 days", "55 days"):
        assert days in page


def test_privacy_page_says_who_sees_what_and_how_to_leave(client, pages):
    page = client.get("/pages/privacy/").content.decode()

    assert "They never browse private messages" in page
    assert "Editors" in page
    assert "/accounts/data/" in page
    assert "/accounts/delete/" in page
    assert "removed at the author's request" in page
    assert "Moderation records" in page


@pytest.mark.parametrize("slug", ["terms", "guidelines"])
def test_terms_and_guidelines_exist_and_are_linked_from_every_page(client, pages, slug):
    assert client.get(f"/pages/{slug}/").status_code == 200
    assert f'href="/pages/{slug}/"' in client.get("/").content.decode()


def test_guidelines_say_how_to_write_about_children(client, pages):
    page = client.get("/pages/guidelines/").content.decode()

    assert "Write about children and others safely" in page


def test_the_delete_page_says_what_stays_and_what_goes(client, pages, patient):
    client.force_login(patient)

    page = client.get("/accounts/delete/").content.decode()

    assert "What goes, at once" in page
    assert "What stays" in page
    assert "Also erase the text of everything I wrote" in page
