import pytest
from django.urls import reverse

from heroes.models import Nomination
from tests.heroes.factories import STORY, make_hero, nomination_data

NOMINATE = reverse("heroes:nominate")


def test_visitor_is_sent_to_login(client):
    response = client.get(NOMINATE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_patient_sees_the_form(client, patient):
    client.force_login(patient)

    response = client.get(NOMINATE)

    assert response.status_code == 200
    assert "hero policy" in response.content.decode()


@pytest.mark.django_db
def test_patient_can_nominate_a_new_surgeon(
    client, patient, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(patient)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NOMINATE, nomination_data())

    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("heroes:nomination_done", args=[nomination.pk])
    assert nomination.nominator == patient
    assert nomination.status == Nomination.Status.PENDING
    assert nomination.surgeon_key == "jane newname"
    assert nomination.hero is None
    assert [message.to for message in mailoutbox] == [[patient.email]]
    assert "Dr. Jane Newname" in mailoutbox[0].body


@pytest.mark.django_db
def test_patient_can_nominate_a_listed_hero(client, patient):
    hero = make_hero()
    client.force_login(patient)

    client.post(NOMINATE, nomination_data(hero=hero.pk, surgeon_name="", surgeon_practice="",
                                          surgeon_city=""))  # fmt: skip

    nomination = Nomination.objects.get()
    assert nomination.hero == hero
    assert nomination.surgeon_key == hero.name_key


@pytest.mark.django_db
def test_new_name_matching_a_listed_hero_is_linked_to_that_hero(client, patient):
    hero = make_hero(honorific="Dr.", name="Jane Newname")
    client.force_login(patient)

    client.post(NOMINATE, nomination_data(surgeon_name="jane  NEWNAME"))

    assert Nomination.objects.get().hero == hero


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"consent_to_policy": None}, "consent_to_policy"),
        ({"story": STORY[:150]}, "story"),
        ({"story": " " * 250}, "story"),
        ({"relationship": "neighbour"}, "relationship"),
        ({"surgeon_name": ""}, "surgeon_name"),
        ({"surgeon_practice": ""}, "surgeon_practice"),
        ({"surgeon_city": ""}, "surgeon_city"),
        ({"surgeon_name": "!!!"}, "surgeon_name"),
    ],
)
def test_invalid_nomination_is_refused_with_an_error(client, patient, overrides, field):
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_hero_and_new_name_together_are_refused(client, patient):
    hero = make_hero()
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data(hero=hero.pk))

    assert response.status_code == 200
    assert "not both" in str(response.context["form"].non_field_errors())
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_draft_hero_cannot_be_chosen(client, patient):
    draft = make_hero(status="draft")
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data(hero=draft.pk, surgeon_name=""))

    assert "hero" in response.context["form"].errors
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_story_too_short_error_says_how_long(client, patient):
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data(story="Too short."))

    assert "at least 200 characters" in response.content.decode()
