"""A member's time zone: filled in from the browser at sign-up, chosen in Settings
(validated against zoneinfo), and activated for each of their requests."""

import datetime

import pytest
from django.test import TestCase
from django.urls import reverse

from accounts.models import User
from tests.blogs.factories import make_post
from tests.factories import make_user

pytestmark = pytest.mark.django_db

SCHEDULED = datetime.datetime(2031, 1, 15, 12, 0, tzinfo=datetime.UTC)


def settings_data(**fields) -> dict:
    return {"bio": "", "email_notifications": "each", "time_zone": "", **fields}


def test_member_chooses_a_time_zone_in_settings(client, patient):
    client.force_login(patient)

    response = client.post(reverse("accounts:settings"), settings_data(time_zone="Asia/Tokyo"))

    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.time_zone == "Asia/Tokyo"


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "UTC+2", "../../etc/passwd", "x" * 65])
def test_an_unknown_time_zone_is_refused(client, patient, zone):
    client.force_login(patient)

    response = client.post(reverse("accounts:settings"), settings_data(time_zone=zone, bio="Hi"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "is not a time zone we know" in html or "Ensure this value has at most 64" in html
    patient.refresh_from_db()
    assert patient.time_zone == "" and patient.bio == ""  # nothing half-saved


def test_settings_suggest_the_browsers_zone_until_one_is_chosen(client, patient):
    client.force_login(patient)
    unset = client.get(reverse("accounts:settings")).content.decode()
    patient.time_zone = "Europe/London"
    patient.save()

    chosen = client.get(reverse("accounts:settings")).content.decode()

    assert "data-browser-time-zone" in unset  # static/js/portal.js fills it in
    assert '<option value="Europe/London" selected>' in chosen
    assert "data-browser-time-zone" not in chosen


def test_times_are_shown_in_the_members_zone(client, patient):
    post = make_post(author=patient, published_at=SCHEDULED)
    client.force_login(patient)
    in_utc = client.get(post.get_absolute_url()).content.decode()
    patient.time_zone = "America/New_York"
    patient.save()

    in_new_york = client.get(post.get_absolute_url()).content.decode()

    assert "15 Jan 2031, 12:00 UTC" in in_utc
    assert "15 Jan 2031, 07:00 EST" in in_new_york and "12:00 UTC" not in in_new_york


def signup(client, **fields):
    data = {"username": "newmember", "email": "new@example.com", "password1": "a-long-pass-99x",
            "password2": "a-long-pass-99x", "accept_terms": "on", "accept_guidelines": "on",
            "confirm_age": "on", **fields}  # fmt: skip
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/accounts/signup/", data)


def test_sign_up_keeps_the_browsers_time_zone(client, settings):
    settings.SIGNUP_MIN_SECONDS = 0

    response = signup(client, time_zone="Australia/Sydney")

    assert response.status_code == 302
    assert User.objects.get(username="newmember").time_zone == "Australia/Sydney"


def test_sign_up_drops_a_time_zone_it_does_not_know(client, settings):
    settings.SIGNUP_MIN_SECONDS = 0

    response = signup(client, time_zone="Nowhere/Atlantis")

    assert response.status_code == 302  # the member never saw this field: no error for it
    assert User.objects.get(username="newmember").time_zone == ""


def test_visitors_see_the_sites_time_zone_and_members_their_own(client):
    late_evening = datetime.datetime(2020, 1, 15, 23, 30, tzinfo=datetime.UTC)
    post = make_post(published_at=late_evening)
    reader = make_user(time_zone="Asia/Tokyo")

    visitor = client.get(post.get_absolute_url()).content.decode()
    client.force_login(reader)
    in_tokyo = client.get(post.get_absolute_url()).content.decode()

    assert ">15 Jan 2020</time>" in visitor  # the site's zone (UTC)
    assert ">16 Jan 2020</time>" in in_tokyo  # already the next morning in Tokyo
