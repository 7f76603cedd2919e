"""Every email names the site (PORTAL_SITE_NAME) and links to PORTAL_SITE_URL, whatever host
the request came in on (the issue: "Hello from 127.0.0.1:8330!")."""

import re

import pytest
from django.core import mail
from django.test import TestCase

from accounts.models import User
from accounts.notifications import notify
from tests.factories import make_user

pytestmark = pytest.mark.django_db

SITE_URL = "https://knees.example.org"
SITE_NAME = "Knee Friends"
REQUEST_HOST = "127.0.0.1:8330"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE_URL
    settings.SITE_NAME = SITE_NAME  # one name, for every language
    settings.SITE_NAMES = {}
    settings.SIGNUP_MIN_SECONDS = 0
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]


def links(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def assert_names_the_site_and_links_home(message) -> None:
    assert SITE_NAME in message.subject
    assert SITE_NAME in message.body
    found = links(message.body)
    assert found, message.body
    assert all(link.startswith(SITE_URL + "/") for link in found), found
    assert REQUEST_HOST not in message.body


def post(client, path, data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data, HTTP_HOST=REQUEST_HOST)


def test_signup_confirmation_says_hello_from_the_site_and_links_to_the_site_url(client):
    post(client, "/accounts/signup/", {
        "username": "newknee", "email": "new@example.com", "password1": "a-long-password-77",
        "password2": "a-long-password-77", "accept_terms": "on", "accept_guidelines": "on",
        "confirm_age": "on",
    })  # fmt: skip

    message = mail.outbox[-1]
    assert message.body.startswith(f"Hello from {SITE_NAME}!")
    assert_names_the_site_and_links_home(message)
    assert f"{SITE_URL}/accounts/confirm-email/" in message.body


def test_password_reset_links_to_the_site_url(client):
    make_user(username="resetter", email="resetter@example.com")

    post(client, "/accounts/password/reset/", {"email": "resetter@example.com"})

    message = mail.outbox[-1]
    assert_names_the_site_and_links_home(message)
    assert f"{SITE_URL}/accounts/password/reset/key/" in message.body


def test_reset_for_an_unknown_address_offers_sign_up_on_the_site_url(client):
    post(client, "/accounts/password/reset/", {"email": "nobody@example.com"})

    message = mail.outbox[-1]
    assert message.to == ["nobody@example.com"]
    assert_names_the_site_and_links_home(message)
    assert f"{SITE_URL}/accounts/signup/" in message.body


def test_notification_email_names_the_site_and_links_to_the_site_url():
    member = make_user(username="watcher")
    User.objects.filter(pk=member.pk).update(email_notifications=User.EmailNotifications.EACH)
    member.refresh_from_db()

    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(
            recipient=member,
            kind="forum_reply",
            params={"legacy_text": "Sam's reply in “Day 3”"},
            url="/x/",
        )

    message = mail.outbox[-1]
    assert_names_the_site_and_links_home(message)
    assert f"{SITE_URL}/x/" in message.body
    assert "Sam's reply" in message.body  # plain text: not HTML-escaped
