import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import RecoveryRecord
from forums.recovery import describe_interval
from tests.factories import make_article
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (5, "Day 5 after ACL reconstruction"),
        (0, "Day 0 after ACL reconstruction"),
        (200, "Month 6 after ACL reconstruction"),
        (365 * 12 + 3, "Year 12 after ACL reconstruction"),
        (-3, "3 days before ACL reconstruction"),
    ],
)
def test_describe_interval(days, expected):
    surgery = datetime.date(2018, 7, 11)

    assert describe_interval(surgery, surgery + datetime.timedelta(days), "ACL reconstruction") == (
        expected
    )


def _record(user, article, days_ago, is_public=True):
    return RecoveryRecord.objects.create(
        user=user,
        article=article,
        surgery_date=timezone.localdate() - datetime.timedelta(days=days_ago),
        is_public=is_public,
    )


def test_post_carries_the_recovery_badge_for_the_thread_procedure(patient):
    acl = make_article(title="ACL reconstruction")
    _record(patient, acl, 5)
    thread = make_thread(article=acl)

    post = make_post(thread=thread, author=patient)

    assert post.recovery_badge == "Day 5 after ACL reconstruction"


def test_badge_comes_from_the_forum_procedures_too(patient):
    acl = make_article(title="ACL reconstruction")
    _record(patient, acl, 9)

    post = make_post(thread=make_thread(forum=make_forum(articles=[acl])), author=patient)

    assert post.recovery_badge == "Day 9 after ACL reconstruction"


def test_private_records_give_no_badge(patient, other_patient):
    acl = make_article(title="ACL reconstruction")
    _record(patient, acl, 5, is_public=False)
    _record(other_patient, acl, 5)
    thread = make_thread(article=acl)

    private, public = (
        make_post(thread=thread, author=patient),
        make_post(thread=thread, author=other_patient),
    )

    assert public.recovery_badge == "Day 5 after ACL reconstruction"
    assert private.recovery_badge == ""


def test_badge_is_fixed_at_posting_time(client, patient):
    acl = make_article(title="ACL reconstruction")
    record = _record(patient, acl, 5)
    post = make_post(thread=make_thread(article=acl), author=patient)

    record.surgery_date -= datetime.timedelta(days=30)
    record.save()
    page = client.get(post.thread.get_absolute_url()).content.decode()

    assert "Day 5 after ACL reconstruction" in page


def test_member_manages_their_records(client, patient):
    acl = make_article(title="ACL reconstruction")
    client.force_login(patient)

    response = client.post(
        reverse("forums:recovery_list"),
        {"article": acl.pk, "surgery_date": "2024-05-01", "is_public": "on"},
    )

    record = RecoveryRecord.objects.get()
    assert response.status_code == 302 and record.user == patient and record.is_public
    client.post(reverse("forums:recovery_delete", args=[record.pk]))
    assert not RecoveryRecord.objects.exists()


def test_bad_date_is_an_error_not_a_500(client, patient):
    client.force_login(patient)

    response = client.post(
        reverse("forums:recovery_list"), {"article": make_article().pk, "surgery_date": "soon"}
    )

    assert response.status_code == 200 and response.context["form"].errors
    assert not RecoveryRecord.objects.exists()


def test_others_cannot_delete_my_record(client, patient, other_patient):
    record = _record(patient, make_article(), 5)
    client.force_login(other_patient)

    response = client.post(reverse("forums:recovery_delete", args=[record.pk]))

    assert response.status_code == 404 and RecoveryRecord.objects.exists()


def test_profile_shows_public_records_only(client, patient):
    _record(patient, make_article(title="ACL reconstruction"), 5)
    _record(patient, make_article(title="Secret surgery"), 5, is_public=False)

    page = client.get(patient.get_absolute_url()).content.decode()

    assert "ACL reconstruction" in page and "Secret surgery" not in page


def test_own_profile_links_to_the_records_page(client, patient):
    client.force_login(patient)

    page = client.get(patient.get_absolute_url()).content.decode()

    assert reverse("forums:recovery_list") in page
