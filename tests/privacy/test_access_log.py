"""Staff looking at a member's private data leaves a trace."""

import pytest
from django.utils import timezone

from accounts.models import PrivateDataAccess, SurgeonVerification
from forums.models import RecoveryRecord
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_opening_a_surgeons_registration_is_logged(client, moderator, patient):
    verification = SurgeonVerification.objects.create(
        user=patient, full_name="Dr P", specialty="Knee", practice="City", licence_number="GMC1"
    )
    client.force_login(moderator)

    response = client.get(f"/admin/accounts/surgeonverification/{verification.pk}/change/")

    assert response.status_code == 200
    access = PrivateDataAccess.objects.get(owner=patient)
    assert access.viewer == moderator
    assert "Dr P" in access.what


def test_recovery_records_are_not_in_the_back_office_at_all(client, moderator, patient):
    """Least privilege (issue 11): a private record is for its member (and their export)."""
    RecoveryRecord.objects.create(
        user=patient, article=make_article(), surgery_date=timezone.localdate()
    )
    client.force_login(moderator)

    assert client.get("/admin/forums/recoveryrecord/").status_code == 404
    assert client.get("/admin/forums/thread/").status_code == 200  # the forums' own pages
    assert not PrivateDataAccess.objects.exists()


def test_the_member_sees_in_their_export_that_staff_looked(client, moderator, patient):
    from accounts.access_log import log_private_access

    log_private_access(viewer=moderator, owner=patient, what="recovery records")
    client.force_login(patient)

    data = client.get("/accounts/data/").json()

    assert data["staff_views_of_your_data"][0]["what"] == "recovery records"
