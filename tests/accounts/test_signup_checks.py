"""Sign-up asks for the terms, the guidelines and the minimum age, and keeps bots out
with a honeypot and a minimum fill time (no third-party CAPTCHA)."""

import re
import time

import pytest
from django.core import signing

from accounts.forms import STARTED_SALT
from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-signup-password-9"


def form_data(started=None, **overrides) -> dict:
    data = {
        "username": "newmember", "email": "new@example.com", "password1": PASSWORD,
        "password2": PASSWORD, "accept_terms": "on", "accept_guidelines": "on",
        "confirm_age": "on",
        "started": started or signing.dumps(time.time() - 10, salt=STARTED_SALT),
    }  # fmt: skip
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signup_records_consent_with_timestamps(client):
    response = client.post("/accounts/signup/", form_data())

    assert response.status_code == 302
    user = User.objects.get(username="newmember")
    assert user.terms_accepted_at and user.guidelines_accepted_at and user.age_confirmed_at


@pytest.mark.parametrize("missing", ["accept_terms", "accept_guidelines", "confirm_age"])
def test_each_consent_is_required(client, missing):
    response = client.post("/accounts/signup/", form_data(**{missing: None}))

    assert response.status_code == 200
    assert not User.objects.exists()


def test_the_form_names_the_minimum_age_and_links_the_pages(client, settings):
    settings.MINIMUM_AGE = 18

    page = client.get("/accounts/signup/").content.decode()

    assert "I am 18 or older" in page
    assert 'href="/pages/terms/"' in page
    assert 'href="/pages/guidelines/"' in page


def test_a_filled_honeypot_is_refused(client):
    response = client.post("/accounts/signup/", form_data(website="http://spam.example"))

    assert response.status_code == 200
    assert not User.objects.exists()


@pytest.mark.parametrize("started", ["forged", signing.dumps(0.0, salt="other")])
def test_a_missing_or_forged_start_time_is_refused(client, started):
    response = client.post("/accounts/signup/", form_data(started=started))

    assert response.status_code == 200
    assert not User.objects.exists()


def test_a_form_sent_too_fast_is_refused(client):
    page = client.get("/accounts/signup/").content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)

    response = client.post("/accounts/signup/", form_data(started=started))

    assert response.status_code == 200
    assert "very quick" in response.content.decode()
    assert not User.objects.exists()


def test_no_request_leaves_for_another_host(client):
    page = client.get("/accounts/signup/").content.decode()

    assert 'src="/static/' in page
    assert 'href="http://testserver/es/accounts/signup/"' in page  # hreflang: our own host
    assert not re.search(r'(src|href)="https?://(?!testserver/)', page)
