"""Pseudonyms at sign-up: a safe character set, no look-alikes of existing names or staff."""

import pytest

from accounts.models import User
from accounts.validators import skeleton
from tests.accounts.test_allauth_flows import _no_minimum_fill_time, signup  # noqa: F401
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _refused(client, username: str, why: str) -> None:
    response = signup(client, username=username)

    assert response.status_code == 200
    assert why in response.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()


@pytest.mark.parametrize(
    "username",
    ["d\u0435mo_member", "ｄｅｍｏ", "dem\u00f6", "name with space", "_hidden", "...", "a\u200bb"],
)
def test_names_outside_the_safe_character_set_are_refused(client, username):
    _refused(client, username, "Use only letters a–z")


@pytest.mark.parametrize(
    "username", ["kneel1ng-kate", "KNEELINGKATE", "kneeIing.kate", "kneel-ing--kate"]
)
def test_look_alikes_of_an_existing_name_are_refused(client, username):
    make_user(username="kneeling_kate")

    _refused(client, username, "too close to an existing one")


@pytest.mark.parametrize(
    "username", ["dem0_moderator", "the-admin", "Adm1n", "m0derator", "staff.team", "0fficial"]
)
def test_names_that_pass_for_staff_are_refused(client, username):
    _refused(client, username, "reserved")


def test_a_distinct_safe_name_is_accepted(client):
    make_user(username="kneeling_kate")

    signup(client, username="walking-will_2")

    assert User.objects.filter(username="walking-will_2").exists()


def test_the_skeleton_folds_what_looks_alike():
    assert skeleton("Dem0_M0derat0r") == skeleton("demo.moderator") == "demomoderator"
    assert skeleton("rnike") == skeleton("mike")
    assert skeleton("wave") == skeleton("vvave")
    assert skeleton("kate") != skeleton("kati")
