"""`manage.py purge_expired` deletes what is past its retention period, nothing else."""

import io

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command

from accounts.access_log import log_private_access
from accounts.models import Notification, PrivateDataAccess
from accounts.notifications import notify
from forums.models import ThreadReadState
from moderation.models import ModerationLogEntry, Report
from moderation.services import flag_for_safety, log_action, report_content
from tests.factories import days_ago
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db


def purge() -> str:
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def test_old_notifications_go_recent_ones_stay(patient, settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "notifications": 30}
    old = notify(recipient=patient, kind="x", params={"legacy_text": "old"})
    Notification.objects.filter(pk=old.pk).update(created_at=days_ago(31))
    notify(recipient=patient, kind="x", params={"legacy_text": "recent"})

    output = purge()

    assert [n.message for n in Notification.objects.all()] == ["recent"]
    assert "notifications: 1" in output


def test_old_read_states_go(patient):
    thread = make_thread()
    state = ThreadReadState.objects.create(user=patient, thread=thread)
    ThreadReadState.objects.filter(pk=state.pk).update(updated_at=days_ago(366))
    recent = ThreadReadState.objects.create(user=patient, thread=make_thread())

    purge()

    assert list(ThreadReadState.objects.filter(user=patient)) == [recent]


def test_closed_reports_and_flags_go_open_ones_never(patient, other_patient):
    thread = make_thread(author=other_patient)
    closed = flag_for_safety(target=thread, note="fever")
    Report.objects.filter(pk=closed.pk).update(status="resolved", handled_at=days_ago(731))
    stale_open = report_content(target=thread, reporter=patient, reason="spam")
    Report.objects.filter(pk=stale_open.pk).update(created_at=days_ago(2000))

    purge()

    assert list(Report.objects.all()) == [stale_open]


def test_old_logs_go(patient, moderator):
    entry = log_action(actor=moderator, action="hide", target=patient)
    access = log_private_access(viewer=moderator, owner=patient, what="records")
    ModerationLogEntry.objects.filter(pk=entry.pk).update(created_at=days_ago(731))
    PrivateDataAccess.objects.filter(pk=access.pk).update(created_at=days_ago(731))
    log_action(actor=moderator, action="restore", target=patient)

    purge()

    assert list(ModerationLogEntry.objects.values_list("action", flat=True)) == ["restore"]
    assert not PrivateDataAccess.objects.exists()


def test_expired_sessions_go():
    session = SessionStore()
    session.create()
    Session.objects.filter(session_key=session.session_key).update(expire_date=days_ago(1))
    live = SessionStore()
    live.create()

    purge()

    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def test_running_twice_is_harmless():
    purge()
    assert "Purged" in purge()
