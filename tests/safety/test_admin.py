"""Editors change phrases and crisis lines in the admin: history kept, and a phrase change
that would drop crisis or emergency recall below the target is refused."""

import pytest
from django.urls import reverse

from safety.checks import classify
from safety.models import CrisisLine, SafetyPhrase
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(username="boss", is_staff=True, is_superuser=True))
    return client


def _post(client, row: SafetyPhrase, **changes):
    data = {"level": row.level, "language": row.language, "phrase": row.phrase,
            "reason": row.reason, "is_active": "on" if row.is_active else ""}  # fmt: skip
    data.update(changes)
    return client.post(reverse("admin:safety_safetyphrase_change", args=[row.pk]), data)


def test_switching_off_a_crisis_family_is_refused_with_a_clear_error(admin_client):
    phrase = SafetyPhrase.objects.get(level="crisis", phrase="suicid*", language="en")

    response = _post(admin_client, phrase, is_active="")

    assert response.status_code == 200
    assert "crisis recall would be" in response.content.decode()
    phrase.refresh_from_db()
    assert phrase.is_active


def test_a_phrase_that_flags_ordinary_talk_is_refused(admin_client):
    data = {"level": "emergency", "language": "en", "phrase": "my", "reason": "Mine",
            "is_active": "on"}  # fmt: skip

    response = admin_client.post(reverse("admin:safety_safetyphrase_add"), data)

    assert "false positives would be" in response.content.decode()
    assert not SafetyPhrase.objects.filter(phrase="my").exists()


def test_a_good_change_is_saved_with_history(admin_client):
    data = {"level": "crisis", "language": "en", "phrase": "want to vanish for good",
            "reason": "", "is_active": "on"}  # fmt: skip

    response = admin_client.post(reverse("admin:safety_safetyphrase_add"), data)

    assert response.status_code == 302
    phrase = SafetyPhrase.objects.get(phrase="want to vanish for good")
    _post(admin_client, phrase, phrase="want to vanish forever")
    assert [h.phrase for h in phrase.history.all()] == ["want to vanish forever", "want to vanish for good"]  # fmt: skip


def test_a_phrase_outside_the_syntax_is_refused(admin_client):
    data = {"level": "crisis", "language": "en", "phrase": "(a+)+$", "is_active": "on"}

    response = admin_client.post(reverse("admin:safety_safetyphrase_add"), data)

    assert "use letters, digits" in response.content.decode()


def test_an_emergency_phrase_needs_a_reason(admin_client):
    data = {"level": "emergency", "language": "en", "phrase": "turning grey", "is_active": "on"}

    response = admin_client.post(reverse("admin:safety_safetyphrase_add"), data)

    assert "Say why this is an emergency" in response.content.decode()


def test_crisis_lines_keep_their_history(admin_client):
    line = CrisisLine.objects.get(name="Samaritans")
    url = reverse("admin:safety_crisisline_change", args=[line.pk])
    data = {"name": "Samaritans", "country": line.country, "language": "en", "phone": "116 123",
            "text": "", "hours": "Day and night", "url": line.url, "note": "", "position": 20,
            "is_active": "on"}  # fmt: skip

    assert admin_client.post(url, data).status_code == 302
    latest = line.history.first()
    assert (latest.hours, latest.history_user.username) == ("Day and night", "boss")


def test_a_phrase_change_reaches_the_classifier_at_once():
    assert classify("I feel like a ghost").level == "none"
    SafetyPhrase.objects.create(level="crisis", phrase="feel like a ghost")
    assert classify("I feel like a ghost").level == "crisis"
