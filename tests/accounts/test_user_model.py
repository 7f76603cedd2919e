"""The custom user: the username is the public pseudonym, the email stays private."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import User
from accounts.validators import validate_not_reserved
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_project_uses_the_accounts_user():
    assert get_user_model() is User


def test_public_name_is_the_pseudonym_and_the_profile_url_uses_it():
    member = make_user(username="runagain")

    assert str(member) == member.public_name == "runagain"
    assert member.get_absolute_url() == "/members/runagain/"


def test_new_members_get_each_notification_by_email_and_no_badges():
    member = make_user()

    assert member.email_notifications == User.EmailNotifications.EACH
    assert not member.is_verified_surgeon
    assert not member.is_staff
    assert member.post_count == 0


def test_is_suspended_only_until_the_end_date():
    member = make_user(suspended_until=timezone.now() + datetime.timedelta(days=1))
    expired = make_user(suspended_until=timezone.now() - datetime.timedelta(days=1))

    assert member.is_suspended
    assert not expired.is_suspended


@pytest.mark.parametrize("name", ["ADMIN", " settings ", "Deleted-Member"])
def test_reserved_names_are_refused_whatever_their_case(name):
    with pytest.raises(ValidationError):
        validate_not_reserved(name)


def test_model_validation_refuses_reserved_and_email_shaped_pseudonyms():
    for name in ["moderator", "someone@example.org"]:
        with pytest.raises(ValidationError):
            User(username=name, email="x@example.org").full_clean(exclude=["password"])


def test_pseudonyms_are_unique():
    make_user(username="kneehealer")

    with pytest.raises(ValidationError, match="That pseudonym is taken"):
        User(username="kneehealer", email="y@example.org").full_clean(exclude=["password"])
