"""A member downloads their data and deletes their account."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from accounts.models import User
from accounts.notifications import notify
from articles.models import Article
from tests.factories import PASSWORD, make_article, make_user

pytestmark = pytest.mark.django_db


def make_client_logged_in(user) -> Client:
    other = Client()
    other.force_login(user)
    return other


def test_member_downloads_their_own_data_as_json(client, patient, other_patient):
    notify(
        recipient=patient, kind="reply", params={"legacy_text": "A reply for patient"}, url="/x/"
    )
    notify(
        recipient=other_patient, kind="reply", params={"legacy_text": "A reply for someone else"}
    )
    client.force_login(patient)

    response = client.get("/accounts/data/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "patient"
    assert data["account"]["email"] == "patient@example.com"
    assert [n["message"] for n in data["notifications"]] == ["A reply for patient"]
    assert "other_patient" not in response.content.decode()


def test_apps_add_their_content_to_the_export(client, patient):
    client.force_login(patient)

    data = json.loads(client.get("/accounts/data/").content)

    # Each content app's exports.py adds its part, found without accounts importing it.
    assert {"forums", "blog_posts", "blog_comments", "hero_nominations"} <= data.keys()
    assert data["account"]["username"] == "patient"


def test_visitor_cannot_download_data(client):
    response = client.get("/accounts/data/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_delete_page_asks_for_the_pseudonym(client, patient):
    client.force_login(patient)

    response = client.post("/accounts/delete/", {"confirm": "not-my-name"})

    assert response.status_code == 200
    patient.refresh_from_db()
    assert patient.is_active
    assert patient.deleted_at is None


def test_deleting_an_account_anonymises_it_and_keeps_content(client, patient):
    reviewed = make_article(reviewer=patient)
    client.force_login(patient)

    response = client.post("/accounts/delete/", {"confirm": "patient"})

    assert response.status_code == 302
    assert response.url == "/"
    patient.refresh_from_db()
    assert patient.public_name == "deleted member"
    assert str(patient) == "deleted member"
    assert patient.username == f"deleted-{patient.pk}"
    assert patient.email == ""
    assert not patient.is_active
    assert not patient.has_usable_password()
    assert not patient.emailaddress_set.exists()
    assert Article.objects.get(pk=reviewed.pk).reviewer_id == patient.pk
    assert "_auth_user_id" not in client.session


def test_deleted_member_cannot_sign_in(client, patient, other_patient):
    client.force_login(patient)
    client.post("/accounts/delete/", {"confirm": "patient"})

    client.post("/accounts/login/", {"login": "patient", "password": PASSWORD})
    client.post("/accounts/login/", {"login": "patient@example.com", "password": PASSWORD})
    refused = "_auth_user_id" not in client.session
    client.post("/accounts/login/", {"login": "other_patient", "password": PASSWORD})

    assert refused
    assert client.session["_auth_user_id"] == str(other_patient.pk)


def test_deleting_an_account_ends_its_other_sessions(client, patient, other_patient):
    other_device = make_client_logged_in(patient)
    someone_else = make_client_logged_in(other_patient)
    client.force_login(patient)

    client.post("/accounts/delete/", {"confirm": "patient"})

    assert not Session.objects.filter(session_key=other_device.session.session_key).exists()
    assert Session.objects.filter(session_key=someone_else.session.session_key).exists()


def test_deleted_member_has_no_public_profile(client, patient, other_patient):
    client.force_login(patient)
    client.post("/accounts/delete/", {"confirm": "patient"})

    assert client.get("/members/other_patient/").status_code == 200
    assert client.get("/members/patient/").status_code == 404
    assert client.get(f"/members/deleted-{patient.pk}/").status_code == 404


def test_deleting_a_staff_account_drops_its_roles(client, moderator):
    client.force_login(moderator)

    client.post("/accounts/delete/", {"confirm": "moderator"})

    moderator = User.objects.get(pk=moderator.pk)
    assert moderator.username == f"deleted-{moderator.pk}"
    assert not moderator.is_staff
    assert not moderator.groups.exists()


def test_deleting_an_account_releases_the_pseudonym(client):
    member = make_user(username="kneehealer")
    client.force_login(member)
    client.post("/accounts/delete/", {"confirm": "kneehealer"})

    assert User.objects.filter(pk=member.pk, username=f"deleted-{member.pk}").exists()
    assert not User.objects.filter(username="kneehealer").exists()
