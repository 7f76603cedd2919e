"""Every heroes page renders for every persona; every write URL refuses visitors."""

import pytest
from django.urls import reverse

from heroes.models import Nomination
from moderation.links import moderation_url
from moderation.models import Report
from tests.heroes.factories import make_hero, make_nomination, nomination_data


@pytest.fixture
def dataset(patient):
    hero = make_hero(slug="kind-hero", bio="Kind.", featured_title="Talk", featured_url="/")
    story = make_nomination(hero=hero, status="approved", may_publish_story=True)
    mine = make_nomination(nominator=patient, surgeon_name="Dr. Pending Person")
    return {"hero": hero, "story": story, "mine": mine}


def _urls(data):
    return [
        reverse("heroes:list"),
        reverse("heroes:detail", args=[data["hero"].slug]),
        reverse("heroes:policy"),
        reverse("heroes:nominate"),
        reverse("heroes:nominate") + "?hero=kind-hero",
        reverse("heroes:nomination_list"),
        moderation_url("report", data["hero"]),
        moderation_url("report", data["story"]),
        reverse("home"),
        data["story"].procedure.get_absolute_url() if data["story"].procedure else reverse("home"),
        data["story"].nominator.get_absolute_url(),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("persona_name", ["patient", "other_patient", "moderator", "editor"])
def test_every_page_renders_for_members(client, persona, persona_name, dataset):
    persona(persona_name)

    for url in _urls(dataset):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_visitor_reads_public_pages_and_is_sent_to_login_elsewhere(client, dataset):
    public = {reverse("heroes:list"), dataset["hero"].get_absolute_url(), reverse("heroes:policy")}

    for url in _urls(dataset):
        response = client.get(url)
        if url in public:
            assert response.status_code == 200, url
        elif url.startswith("/heroes/"):
            assert response.status_code == 302 and "/accounts/login/" in response.url, url


@pytest.mark.django_db
def test_write_urls_refuse_a_visitors_post(client, dataset):
    writes = {
        reverse("heroes:nominate"): nomination_data(),
        moderation_url("report", dataset["hero"]): {"reason": "spam"},
        moderation_url("report", dataset["story"]): {"reason": "spam"},
    }

    for url, data in writes.items():
        response = client.post(url, data)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url
    assert Nomination.objects.count() == 2
    assert not Report.objects.exists()
