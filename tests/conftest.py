"""Personas: a patient, another patient, a moderator and an editor. Visitors use `client`."""

import pytest

from tests.factories import make_user

pytest_plugins = ["tests.absence_check"]


@pytest.fixture(autouse=True)
def _fast_password_hasher(request, settings):
    """PBKDF2 costs ~0.5 s a hash here: MD5 everywhere except tests marked
    `real_password_hasher` (those that test the hashing itself)."""
    if not request.node.get_closest_marker("real_password_hasher"):
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _new_member_rules_off(request, settings):
    """Every test member is a new member (joined today): the rules that change what a new
    member's post does (held for review, no new conversations) apply only in the tests
    marked `new_member_rules`, which check them."""
    if not request.node.get_closest_marker("new_member_rules"):
        settings.PORTAL_HOLD_FIRST_POSTS = 0
        settings.PORTAL_NEW_MEMBERS_START_CONVERSATIONS = True


@pytest.fixture
def patient(db):
    return make_user(username="patient")


@pytest.fixture
def other_patient(db):
    return make_user(username="other_patient")


@pytest.fixture
def moderator(db):
    return make_user(username="moderator", role="moderator")


@pytest.fixture
def editor(db):
    return make_user(username="editor", role="editor")


@pytest.fixture
def persona(request, client):
    """Log in as the persona named by the test's parameter ("visitor" stays anonymous)."""

    def login(name: str):
        if name == "visitor":
            return None
        user = request.getfixturevalue(name)
        client.force_login(user)
        return user

    return login
