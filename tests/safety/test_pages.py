"""The crisis-resources page, and the "Need help now?" link in every page's footer."""

import pytest
from django.urls import reverse

from safety.models import CrisisLine, SafetyPhrase

pytestmark = pytest.mark.django_db


def test_a_fresh_database_has_the_phrases_and_the_crisis_lines():
    assert SafetyPhrase.objects.filter(level="crisis").count() > 50
    assert SafetyPhrase.objects.filter(level="emergency").exclude(reason="").exists()
    names = set(CrisisLine.objects.values_list("name", flat=True))
    assert {"988 Suicide & Crisis Lifeline", "Samaritans", "Your local emergency number"} <= names


def test_crisis_page_is_built_from_the_lines_and_is_honest_about_monitoring(client):
    CrisisLine.objects.create(name="Kids Helpline", country="Australia", phone="1800 55 1800")

    page = client.get(reverse("crisis_resources")).content.decode()

    assert reverse("crisis_resources") == "/help/"
    assert "not monitored around the clock" in page
    assert "call your local emergency number" in page
    assert 'href="tel:988"' in page and "116 123" in page and "Kids Helpline" in page


@pytest.mark.parametrize("url", ["/", "/forums/", "/blogs/", "/articles/", "/heroes/", "/help/", "/search/?q=knee"])  # fmt: skip
def test_every_page_has_the_need_help_now_link_in_its_footer(client, url):
    page = client.get(url).content.decode()
    footer = page[page.index("<footer") :]

    assert '<a class="fw-semibold" href="/help/">Need help now?</a>' in footer


def test_with_no_crisis_lines_left_the_page_shows_the_shipped_ones(client):
    CrisisLine.objects.all().delete()

    page = client.get(reverse("crisis_resources")).content.decode()

    assert "Samaritans" in page and 'href="tel:988"' in page
