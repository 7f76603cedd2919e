"""Sign up, verify the email, sign in, reset a password: through django-allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import TestCase

from accounts.models import User
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-fresh-long-password-9"


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    settings.SIGNUP_MIN_SECONDS = 0  # tests/accounts/test_signup_checks.py tests it


def signup(client, username="newmember", email="new@example.com"):
    """Emails leave after the commit (accounts.tasks): run what follows it."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            "/accounts/signup/",
            {"username": username, "email": email, "password1": NEW_PASSWORD,
             "password2": NEW_PASSWORD, "accept_terms": "on", "accept_guidelines": "on",
             "confirm_age": "on"},
        )  # fmt: skip


def link_in_last_email(path_part: str) -> str:
    match = re.search(rf"https?://[^/\s]+(/accounts/{path_part}/\S+)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_signup_creates_an_unverified_member_and_sends_a_verification_email(client):
    response = signup(client)

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    user = User.objects.get(username="newmember")
    assert user.email == "new@example.com"
    assert not EmailAddress.objects.get(user=user).verified
    assert mail.outbox[-1].to == ["new@example.com"]


@pytest.mark.real_password_hasher
def test_signup_stores_the_password_as_a_pbkdf2_hash(client):
    signup(client)

    user = User.objects.get(username="newmember")
    assert user.password.startswith("pbkdf2_sha256$")
    assert NEW_PASSWORD not in user.password
    assert user.check_password(NEW_PASSWORD)


def test_member_cannot_sign_in_before_verifying(client):
    signup(client)
    client.logout()

    response = client.post("/accounts/login/", {"login": "newmember", "password": NEW_PASSWORD})

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_verification_link_confirms_the_email_and_then_sign_in_works(client):
    signup(client)
    client.logout()
    confirm_path = link_in_last_email("confirm-email")

    assert client.get(confirm_path).status_code == 200
    client.post(confirm_path)
    response = client.post("/accounts/login/", {"login": "newmember", "password": NEW_PASSWORD})

    user = User.objects.get(username="newmember")
    assert EmailAddress.objects.get(user=user).verified
    assert response.status_code == 302
    assert response.url == "/"
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize("login", ["patient", "patient@example.com"])
def test_verified_member_signs_in_with_pseudonym_or_email(client, login):
    user = make_user(username="patient")

    response = client.post("/accounts/login/", {"login": login, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused(client):
    make_user(username="patient")

    response = client.post("/accounts/login/", {"login": "patient", "password": "wrong"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_rate_limited(client):
    make_user(username="patient")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "patient", "password": "wrong"})

    response = client.post("/accounts/login/", {"login": "patient", "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


@pytest.mark.parametrize("username", ["admin", "Moderator", "settings", "deleted", "feed"])
def test_reserved_usernames_are_refused_at_signup(client, username):
    response = signup(client, username=username)

    assert response.status_code == 200
    assert "reserved" in response.content.decode()
    assert not User.objects.filter(username__iexact=username).exists()


def test_email_shaped_username_is_refused(client):
    response = signup(client, username="me@example.org")

    assert response.status_code == 200
    assert not User.objects.filter(email="new@example.com").exists()


def test_signup_with_a_registered_email_does_not_reveal_it(client):
    make_user(username="patient", email="taken@example.com")

    response = signup(client, username="someoneelse", email="taken@example.com")

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert not User.objects.filter(username="someoneelse").exists()


def test_password_reset_answers_the_same_for_known_and_unknown_emails(client):
    make_user(username="patient", email="known@example.com")

    known = client.post("/accounts/password/reset/", {"email": "known@example.com"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})

    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == "/accounts/password/reset/done/"


def test_password_reset_link_sets_a_new_password(client):
    user = make_user(username="patient", email="known@example.com")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "known@example.com"})
    reset_path = link_in_last_email("password/reset/key")

    form_page = client.get(reset_path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_sign_out_is_post_only(client):
    user = make_user()
    client.force_login(user)

    client.get("/accounts/logout/")
    signed_in_after_get = "_auth_user_id" in client.session
    client.post("/accounts/logout/")

    assert signed_in_after_get
    assert "_auth_user_id" not in client.session
