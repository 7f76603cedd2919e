"""The bell's unread count is stored on the member and moves with the notifications (bulk
fan-out, reading, purging); role flags are cached per member and follow group changes."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import retention
from accounts.groups import MODERATORS, assign_role
from accounts.models import Notification, User
from accounts.notifications import mark_read, notify_many
from core.roles import is_moderator
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _unread(*members) -> list[int]:
    return [User.objects.get(pk=member.pk).unread_notifications for member in members]


def test_a_fan_out_counts_each_recipient_once_in_one_update(patient, other_patient):
    third = make_user()

    with CaptureQueriesContext(connection) as captured:
        notify_many(
            recipients=[patient, other_patient, third], kind="t", params={"legacy_text": "Hi"}
        )
    notify_many(recipients=[patient], kind="t", params={"legacy_text": "Again"})

    assert _unread(patient, other_patient, third) == [2, 1, 1]
    updates = [q["sql"] for q in captured if q["sql"].startswith('UPDATE "accounts_user"')]
    assert len(updates) == 1


def test_the_bell_shows_the_stored_count_and_reading_lowers_it(client, patient):
    notify_many(recipients=[patient], kind="t", params={"legacy_text": "One"})
    notify_many(recipients=[patient], kind="t", params={"legacy_text": "Two"})
    client.force_login(patient)

    before = client.get(reverse("home")).context["unread_notifications"]
    first = Notification.objects.filter(recipient=patient).order_by("pk").first()
    mark_read(patient, [first.pk])
    mark_read(patient, [first.pk])  # read twice: counted once
    middle = client.get(reverse("home")).context["unread_notifications"]
    client.post(reverse("accounts:notifications_read"))
    after = client.get(reverse("home")).context["unread_notifications"]

    assert (before, middle, after) == (2, 1, 0)


def test_purging_old_unread_notifications_recounts_their_recipients(patient, other_patient):
    notify_many(recipients=[patient, other_patient], kind="t", params={"legacy_text": "Old"})
    Notification.objects.update(created_at=timezone.now() - timezone.timedelta(days=3650))
    notify_many(recipients=[patient], kind="t", params={"legacy_text": "New"})

    retention.purge(timezone.now())

    assert _unread(patient, other_patient) == [1, 0]


def test_a_role_given_or_taken_shows_on_the_next_check(django_capture_on_commit_callbacks):
    member = make_user()
    assert not is_moderator(User.objects.get(pk=member.pk))  # cached: not a moderator

    with django_capture_on_commit_callbacks(execute=True):
        assign_role(member, "moderator")
    promoted = is_moderator(User.objects.get(pk=member.pk))
    with django_capture_on_commit_callbacks(execute=True):
        member.groups.clear()
    demoted = is_moderator(User.objects.get(pk=member.pk))

    assert (promoted, demoted) == (True, False)


def test_a_permission_taken_from_the_group_shows_on_the_next_check(
    moderator, django_capture_on_commit_callbacks
):
    assert is_moderator(User.objects.get(pk=moderator.pk))
    group = Group.objects.get(name=MODERATORS)

    with django_capture_on_commit_callbacks(execute=True):
        group.permissions.remove(Permission.objects.get(codename="moderate_content"))

    assert not is_moderator(User.objects.get(pk=moderator.pk))


def test_role_checks_cost_no_query_once_cached(moderator):
    is_moderator(User.objects.get(pk=moderator.pk))
    fresh = User.objects.get(pk=moderator.pk)

    with CaptureQueriesContext(connection) as captured:
        assert is_moderator(fresh)

    assert len(captured) == 0
