"""The replica router, with `replica1` a second alias of the test database (TEST MIRROR) and a
fake lag measurement."""

from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.db import DatabaseError, connections, transaction
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from core import db_router
from core.db_router import PrimaryReplicaRouter, ReplicaReadsMiddleware
from tests.factories import make_user

# Tests that read inside a request need no outer test transaction: `atomic` in a test then
# means what it means in a view.
in_a_real_transaction = pytest.mark.django_db(transaction=True)


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def lag(settings):
    """Replicas on, each measured by the fake: set `lag.value` (None = down)."""
    settings.DATABASE_REPLICAS = ["replica1"]
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 5.0
    fake = mock.Mock(value=0.0)
    fake.side_effect = lambda alias: fake.value
    with (
        mock.patch.object(db_router, "monitor", db_router.LagMonitor(fake, FakeClock())),
        mock.patch.object(db_router, "_connects", return_value=True),
    ):
        yield fake


def read_alias_view(request):
    return HttpResponse(User.objects.all().db)


def serve(request):
    request.session = mock.MagicMock(get=lambda key, default=None: default)
    return ReplicaReadsMiddleware(read_alias_view)(request).content.decode()


def test_anonymous_page_view_reads_from_the_replica(lag):
    assert serve(RequestFactory().get("/forums/")) == "replica1"
    assert serve(RequestFactory().head("/forums/")) == "replica1"


def test_a_post_reads_and_writes_on_the_primary(lag):
    assert serve(RequestFactory().post("/forums/")) == "default"
    assert PrimaryReplicaRouter().db_for_write(User) == "default"


def test_outside_a_request_reads_use_the_primary(lag):
    assert User.objects.all().db == "default"


@in_a_real_transaction
def test_reads_in_a_transaction_stay_on_the_primary(lag):
    def view(request):
        with transaction.atomic():
            locked = User.objects.select_for_update().db
            plain = User.objects.all().db
        return HttpResponse(f"{locked} {plain}")

    request = RequestFactory().get("/")
    request.session = {}
    assert ReplicaReadsMiddleware(view)(request).content == b"default default"


def test_sessions_are_always_read_from_the_primary(lag):
    request = RequestFactory().get("/")
    request.session = {}
    response = ReplicaReadsMiddleware(lambda r: HttpResponse(Session.objects.all().db))(request)
    assert response.content == b"default"


def test_a_lagging_or_down_replica_is_skipped(lag):
    lag.value = 6.0
    assert serve(RequestFactory().get("/")) == "default"


def test_a_replica_that_refuses_connections_is_skipped_and_marked_down(settings):
    settings.DATABASE_REPLICAS = ["replica1"]
    monitor = db_router.LagMonitor(lambda alias: 0.0, FakeClock())
    refused = DatabaseError("connection refused")
    with (
        mock.patch.object(db_router, "monitor", monitor),
        mock.patch.object(connections["replica1"], "ensure_connection", side_effect=refused),
    ):
        assert serve(RequestFactory().get("/")) == "default"
        assert monitor.status("replica1")["status"] == "down"


@in_a_real_transaction
def test_member_reads_own_writes_from_the_primary_for_the_window(lag, client, settings):
    settings.DATABASE_READ_YOUR_WRITES_SECONDS = 10
    member = make_user()
    client.force_login(member)
    with mock.patch("core.db_router.time.time", return_value=5000.0):
        client.post("/notifications/read/")
        assert client.session[db_router.SESSION_KEY] == 5010.0

    request = RequestFactory().get("/")
    for now, expected in [(5009.0, "default"), (5011.0, "replica1")]:
        request.session = client.session
        with mock.patch("core.db_router.time.time", return_value=now):
            assert ReplicaReadsMiddleware(read_alias_view)(request).content.decode() == expected


@pytest.mark.django_db
@pytest.mark.absence_only("the member's window is test_member_reads_own_writes_from_the_primary…")
def test_an_anonymous_post_sets_no_primary_window(lag, client):
    client.post("/accounts/login/", {"login": "nobody", "password": "wrong"})
    assert db_router.SESSION_KEY not in client.session


def test_migrations_run_only_on_the_primary():
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "forums") is True
    assert router.allow_migrate("replica1", "forums") is False


def test_lag_is_measured_at_most_every_five_seconds_and_shared_through_the_cache(settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 5.0
    measure = mock.Mock(return_value=1.5)
    clock = FakeClock()
    server_a = db_router.LagMonitor(measure, clock)
    server_b = db_router.LagMonitor(measure, clock)

    assert server_a.lag("replica1") == 1.5
    assert server_b.lag("replica1") == 1.5
    clock.now += 4
    server_a.lag("replica1")
    assert measure.call_count == 1

    clock.now += 2
    with mock.patch("core.db_router.cache.get", side_effect=lambda key, default: default):
        measure.return_value = 7.0
        assert server_a.status("replica1") == {"status": "lagging", "lag_seconds": 7.0}
    assert measure.call_count == 2


def test_lag_survives_a_down_cache(settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 5.0
    monitor = db_router.LagMonitor(lambda alias: 0.5, FakeClock())
    with (
        mock.patch("core.db_router.cache.get", side_effect=ConnectionError),
        mock.patch("core.db_router.cache.set", side_effect=ConnectionError),
    ):
        assert monitor.is_usable("replica1") is True


@pytest.mark.django_db
def test_healthz_is_200_and_degraded_when_the_replica_is_down(lag, client):
    lag.value = None
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["replicas"] == {"replica1": {"status": "down", "lag_seconds": None}}


@pytest.mark.django_db
def test_healthz_reports_a_healthy_replica(lag, client):
    lag.value = 0.25
    body = client.get("/healthz").json()

    assert body["status"] == "ok"
    assert body["replicas"]["replica1"] == {"status": "ok", "lag_seconds": 0.25}


def test_a_version_keyed_cache_is_filled_from_the_primary_after_a_content_write(lag, settings):
    settings.PAGE_CACHE_SECONDS = 300
    request = RequestFactory().get("/forums/")
    assert serve(request) == "replica1"
    with db_router.fill_from_primary():
        assert serve(request) == "replica1"

    db_router.note_content_write()
    with db_router.fill_from_primary():
        assert serve(request) == "default"


@pytest.mark.django_db(databases=["default", "replica1"], transaction=True)
def test_a_page_is_read_through_the_replica_alias(lag, client):
    make_user(username="committed_member")
    with CaptureQueriesContext(connections["replica1"]) as replica_queries:
        response = client.get("/members/committed_member/")

    assert response.status_code == 200
    assert "committed_member" in response.content.decode()
    assert len(replica_queries) > 0


def fragment_alias_view(request):
    template = Template(
        '{% load core_tags %}{% fragment 60 "alias-test" %}{{ alias }}{% endfragment %} {{ alias }}'
    )
    return HttpResponse(template.render(Context({"alias": lambda: User.objects.all().db})))


def test_a_fragment_is_built_from_the_primary_after_a_content_write(lag):
    """A member's request reads from the replica, but a fragment it builds is stored under
    the current versions for everyone: within the lag bound it is read from the primary."""
    request = RequestFactory().get("/")
    request.session = mock.MagicMock(get=lambda key, default=None: default)

    db_router.note_content_write()
    built = ReplicaReadsMiddleware(fragment_alias_view)(request).content.decode()

    assert built == "default replica1"
