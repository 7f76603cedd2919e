"""A member blocks another: no messages, no mentions, no notifications from them."""

import pytest

from accounts.blocking import block, blocked_ids
from accounts.models import Block, Notification
from accounts.notifications import notify

pytestmark = pytest.mark.django_db


def test_member_blocks_from_the_profile(client, patient, other_patient):
    client.force_login(patient)

    response = client.post("/members/other_patient/block/")

    assert response.status_code == 302
    assert blocked_ids(patient) == {other_patient.pk}


def test_blocking_twice_is_one_block_and_unblock_removes_it(client, patient, other_patient):
    client.force_login(patient)
    client.post("/members/other_patient/block/")
    client.post("/members/other_patient/block/")
    assert Block.objects.count() == 1

    client.post("/members/other_patient/block/", {"action": "unblock"})

    assert not Block.objects.exists()


def test_block_needs_post_and_a_member(client, patient):
    assert client.post("/members/patient/block/").status_code == 302  # visitor: to login
    client.force_login(patient)
    assert client.get("/members/patient/block/").status_code == 405
    assert client.post("/members/patient/block/").status_code == 404  # oneself
    assert client.post("/members/nobody/block/").status_code == 404


def test_no_notifications_from_a_blocked_member(patient, other_patient):
    block(patient, other_patient)

    notify(
        recipient=patient,
        kind="forum_mention",
        params={"legacy_text": "@patient"},
        actor=other_patient,
    )
    notify(
        recipient=other_patient,
        kind="forum_mention",
        params={"legacy_text": "@other"},
        actor=patient,
    )

    assert list(Notification.objects.values_list("recipient__username", flat=True)) == [
        "other_patient"
    ]
