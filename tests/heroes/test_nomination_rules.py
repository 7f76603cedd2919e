import pytest
from django.urls import reverse
from django.utils import timezone

from heroes.models import Nomination
from heroes.nominating import earlier_submission
from tests.factories import days_ago
from tests.heroes.factories import make_hero, make_nomination, nomination_data

NOMINATE = reverse("heroes:nominate")


@pytest.mark.django_db
def test_patient_cannot_nominate_same_new_surgeon_twice_in_30_days(client, patient):
    make_nomination(nominator=patient, surgeon_name="Dr. Jane Newname", created_at=days_ago(29))
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data(surgeon_name="jane newname"))

    assert response.status_code == 200
    assert "last 30 days" in str(response.context["form"].non_field_errors())
    assert Nomination.objects.count() == 1


@pytest.mark.django_db
def test_patient_cannot_nominate_same_hero_twice_in_30_days(client, patient):
    hero = make_hero()
    make_nomination(nominator=patient, hero=hero, status="rejected", created_at=days_ago(3))
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data(hero=hero.pk, surgeon_name=""))

    assert "last 30 days" in str(response.context["form"].non_field_errors())
    assert Nomination.objects.count() == 1


@pytest.mark.django_db
def test_new_name_of_an_approved_hero_counts_as_the_same_surgeon(client, patient):
    hero = make_hero(name="Jane Newname")
    make_nomination(nominator=patient, hero=hero, created_at=days_ago(1))
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data(surgeon_name="Dr Jane Newname"))

    assert "last 30 days" in str(response.context["form"].non_field_errors())


@pytest.mark.django_db
def test_patient_can_nominate_same_surgeon_again_after_30_days(client, patient):
    make_nomination(nominator=patient, surgeon_name="Dr. Jane Newname", status="approved",
                    created_at=days_ago(31))  # fmt: skip
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data())

    assert response.status_code == 302
    assert Nomination.objects.count() == 2


@pytest.mark.django_db
def test_other_patient_may_nominate_the_same_surgeon(client, patient, other_patient):
    make_nomination(nominator=patient, surgeon_name="Dr. Jane Newname")
    client.force_login(other_patient)

    response = client.post(NOMINATE, nomination_data())

    assert response.status_code == 302
    assert Nomination.objects.count() == 2


@pytest.mark.django_db
def test_nominations_are_rate_limited_per_day(client, patient, settings):
    settings.PORTAL_POSTING_RATES = {**settings.PORTAL_POSTING_RATES, "nomination": ("2/d", "2/d")}
    client.force_login(patient)
    for n in range(2):
        client.post(NOMINATE, nomination_data(surgeon_name=f"Dr. Someone {'x' * (n + 1)}"))

    response = client.post(NOMINATE, nomination_data(surgeon_name="Dr. Third"))

    assert response.status_code == 200
    assert "2 nominations per day" in str(response.context["form"].non_field_errors())
    assert Nomination.objects.count() == 2


@pytest.mark.django_db
def test_double_submit_creates_one_nomination(
    client, patient, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(patient)
    data = nomination_data()

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(NOMINATE, data)
        second = client.post(NOMINATE, data)

    nomination = Nomination.objects.get()
    assert first.url == second.url == reverse("heroes:nomination_done", args=[nomination.pk])
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_token_of_another_member_is_not_taken_as_a_resubmit(patient, other_patient):
    nomination = make_nomination(nominator=patient)

    assert earlier_submission(other_patient, nomination.form_token) is None
    assert earlier_submission(patient, "not-a-uuid") is None
    assert earlier_submission(patient, nomination.form_token) == nomination


@pytest.mark.django_db
def test_suspended_member_cannot_nominate(client, patient):
    patient.suspended_until = timezone.now() + timezone.timedelta(days=3)
    patient.suspension_reason = "Spam."
    patient.save()
    client.force_login(patient)

    response = client.post(NOMINATE, nomination_data())

    assert response.status_code == 403
    assert "suspended" in response.content.decode()
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_deep_link_prefills_the_hero(client, patient):
    hero = make_hero(slug="dr-kind")
    client.force_login(patient)

    response = client.get(NOMINATE, {"hero": "dr-kind"})

    assert response.context["form"].initial["hero"] == hero.pk


@pytest.mark.django_db
def test_deep_link_from_a_verified_surgeons_post_prefills_their_hero(client, patient):
    from tests.factories import make_user

    surgeon = make_user(username="dr_x", is_verified_surgeon=True)
    hero = make_hero(account=surgeon)
    client.force_login(patient)

    response = client.get(NOMINATE, {"member": "dr_x"})

    assert response.context["form"].initial["hero"] == hero.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", [{"hero": "no-such-hero"}, {"hero": "draft-one"}, {"member": "nobody"}]
)
def test_deep_link_to_unknown_or_draft_hero_prefills_nothing(client, patient, query):
    make_hero(slug="draft-one", status="draft")
    client.force_login(patient)

    response = client.get(NOMINATE, query)

    assert response.status_code == 200
    assert "hero" not in response.context["form"].initial


@pytest.mark.django_db
def test_surgeon_cannot_nominate_their_own_hero_page(client):
    from tests.factories import make_user

    surgeon = make_user(is_verified_surgeon=True)
    hero = make_hero(account=surgeon)
    client.force_login(surgeon)

    response = client.post(NOMINATE, nomination_data(hero=hero.pk, surgeon_name=""))

    assert "nominate yourself" in str(response.context["form"].non_field_errors())
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_deep_link_for_a_verified_surgeon_without_hero_page_prefills_the_name(client, patient):
    from accounts.models import SurgeonVerification
    from tests.factories import make_user

    surgeon = make_user(username="dr_new", is_verified_surgeon=True)
    SurgeonVerification.objects.create(user=surgeon, full_name="Dr. New Verified",
                                       specialty="Spine", practice="P", licence_number="SECRET-9",
                                       status="verified")  # fmt: skip
    client.force_login(patient)

    response = client.get(NOMINATE, {"member": "dr_new"})

    initial = response.context["form"].initial
    assert (initial["surgeon_name"], initial["surgeon_specialty"]) == ("Dr. New Verified", "Spine")
    assert "SECRET-9" not in response.content.decode()


@pytest.mark.django_db
def test_form_warns_before_typing_when_the_daily_limit_is_reached(client, patient, settings):
    settings.PORTAL_POSTING_RATES = {**settings.PORTAL_POSTING_RATES, "nomination": ("1/d", "1/d")}
    client.force_login(patient)
    client.post(NOMINATE, nomination_data())

    response = client.get(NOMINATE)

    assert "please wait a while" in response.content.decode()
