"""Guessing passwords cannot lock the real owner out: their known device still signs in
(device cookies), while guesses are throttled by address and by account."""

import pytest
from django.test import Client

from accounts import devices
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def _sign_in(client, password, login="patient"):
    return client.post(LOGIN, {"login": login, "password": password})


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def owner_device(client, patient):
    """The owner's browser, after one sign-in there: it holds a device cookie."""
    _sign_in(client, PASSWORD)
    assert devices.DEVICE_COOKIE in client.cookies
    client.post("/accounts/logout/")
    return client


def _hammer(n=8, login="patient"):
    attacker = Client()
    for _ in range(n):
        _sign_in(attacker, "wrong-guess", login=login)
    return attacker


def test_a_successful_sign_in_leaves_a_signed_http_only_device_cookie(client, patient):
    response = _sign_in(client, PASSWORD)

    cookie = response.cookies[devices.DEVICE_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == devices.DEVICE_MAX_AGE


def test_while_the_account_is_hammered_the_owners_device_still_signs_in(
    owner_device,
):
    attacker = _hammer()

    _sign_in(attacker, PASSWORD)
    _sign_in(owner_device, PASSWORD)

    assert not _signed_in(attacker)  # an unknown device: the account is locked for it
    assert _signed_in(owner_device)


def test_a_device_cookie_for_another_account_does_not_help(client, patient):
    make_user(username="other")
    _sign_in(client, PASSWORD, login="other")
    client.post("/accounts/logout/")
    _hammer()

    response = _sign_in(client, PASSWORD)

    assert not _signed_in(client)
    assert "Too many failed login attempts" in response.content.decode()


def test_a_forged_device_cookie_does_not_help(client, patient):
    _hammer()
    client.cookies[devices.DEVICE_COOKIE] = f'{{"user": {patient.pk}, "nonce": "x"}}'

    response = _sign_in(client, PASSWORD)

    assert not _signed_in(client)
    assert "Too many failed login attempts" in response.content.decode()


def test_a_known_device_that_fails_too_often_is_no_longer_trusted(owner_device, monkeypatch):
    monkeypatch.setattr(devices, "DEVICE_FAILURES", "3/h")
    _hammer()
    for _ in range(4):
        _sign_in(owner_device, "wrong-guess")

    response = _sign_in(owner_device, PASSWORD)

    assert not _signed_in(owner_device)
    assert "Too many failed login attempts" in response.content.decode()


def test_guesses_from_one_address_are_throttled_across_accounts(client, monkeypatch):
    monkeypatch.setattr(devices, "IP_RATE", "5/h")
    for n in range(6):
        make_user(username=f"target{n}")
        _sign_in(client, "wrong-guess", login=f"target{n}")
    make_user(username="last_one")

    response = _sign_in(client, PASSWORD, login="last_one")

    assert not _signed_in(client)
    assert "Too many failed login attempts" in response.content.decode()


def test_guesses_on_one_account_are_throttled_across_addresses(patient, monkeypatch):
    monkeypatch.setattr(devices, "ACCOUNT_RATE", "3/d")
    for n in range(4):
        _sign_in(Client(REMOTE_ADDR=f"10.0.0.{n}"), "wrong-guess")

    fresh = Client(REMOTE_ADDR="10.0.1.1")
    response = _sign_in(fresh, PASSWORD)

    assert not _signed_in(fresh)
    assert "Too many failed login attempts" in response.content.decode()
