"""Read replicas: page views read from a replica, everything else uses the primary.

- Only GET and HEAD requests read from a replica (ReplicaReadsMiddleware); writes, tasks,
  management commands and every query inside a transaction (`atomic`, `select_for_update`)
  use the primary, and migrations run only there.
- Read-your-writes: after a member's successful write, their reads stay on the primary for
  DATABASE_READ_YOUR_WRITES_SECONDS (a deadline kept in their session).
- A replica is skipped while it is down or further behind than
  DATABASE_REPLICA_MAX_LAG_SECONDS. Its lag is measured at most every CHECK_SECONDS per app
  server and shared through the cache, so the servers together ask it about once per interval.
- Anything cached under a content version (the anonymous page cache, computed fragments) is
  filled from the primary within the lag bound after a content write (`fill_from_primary`),
  so a replica that has not replayed that write yet never fills the new version.
"""

import contextvars
import logging
import math
import random
import time
from contextlib import contextmanager, nullcontext

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

CHECK_SECONDS = 5
SESSION_KEY = "db_primary_until"
RECENT_WRITE_KEY = "db:recent-content-write"
# Sessions decide who a visitor is: a session written a moment ago must always be found.
PRIMARY_ONLY_APPS = {"sessions"}
LAG_SQL = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN 0
        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
        ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
    END
"""
_MISSING = object()

_replica_reads = contextvars.ContextVar("replica_reads", default=False)
_primary_pinned = contextvars.ContextVar("primary_pinned", default=False)


def measure_lag(alias: str) -> float | None:
    """Seconds the replica is behind the primary, or None when it does not answer."""
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            if connection.vendor != "postgresql":
                return 0.0
            cursor.execute(LAG_SQL)
            return float(cursor.fetchone()[0])
    except DatabaseError:
        logger.warning("Replica %s does not answer; reading from the primary", alias)
        return None


class LagMonitor:
    """Each replica's lag, remembered per process for CHECK_SECONDS and shared through the
    cache for as long. A cache that is down only costs the sharing."""

    def __init__(self, measure=measure_lag, clock=time.monotonic):
        self.measure = measure
        self.clock = clock
        self.seen: dict[str, tuple[float, float | None]] = {}

    def lag(self, alias: str) -> float | None:
        checked_at, lag = self.seen.get(alias, (-math.inf, None))
        if self.clock() - checked_at < CHECK_SECONDS:
            return lag
        lag = _cache_get(_key(alias), _MISSING)
        if lag is _MISSING:
            lag = self.measure(alias)
            _cache_set(_key(alias), lag, CHECK_SECONDS)
        self.seen[alias] = (self.clock(), lag)
        return lag

    def mark_down(self, alias: str) -> None:
        self.seen[alias] = (self.clock(), None)
        _cache_set(_key(alias), None, CHECK_SECONDS)

    def is_usable(self, alias: str) -> bool:
        lag = self.lag(alias)
        return lag is not None and lag <= settings.DATABASE_REPLICA_MAX_LAG_SECONDS

    def status(self, alias: str) -> dict:
        lag = self.lag(alias)
        if lag is None:
            return {"status": "down", "lag_seconds": None}
        state = "ok" if lag <= settings.DATABASE_REPLICA_MAX_LAG_SECONDS else "lagging"
        return {"status": state, "lag_seconds": round(lag, 3)}


monitor = LagMonitor()


def _key(alias: str) -> str:
    return f"db:replica-lag:{alias}"


def _cache_get(key: str, default):
    try:
        return cache.get(key, default)
    except Exception:
        logger.warning("Cache unavailable: replica state not shared", exc_info=True)
        return default


def _cache_set(key: str, value, timeout: int) -> None:
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.warning("Cache unavailable: replica state not shared", exc_info=True)


def _connects(alias: str) -> bool:
    """Django's connection health check, run once per request, finds a replica that went
    away since the last lag check; the request then reads from the primary."""
    connection = connections[alias]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
        return True
    except DatabaseError:
        monitor.mark_down(alias)
        return False


def replica_for_read() -> str | None:
    usable = [alias for alias in settings.DATABASE_REPLICAS if monitor.is_usable(alias)]
    random.shuffle(usable)
    return next((alias for alias in usable if _connects(alias)), None)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            not _replica_reads.get()
            or _primary_pinned.get()
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return replica_for_read() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, **hints):
        return db == DEFAULT_DB_ALIAS


@contextmanager
def primary_reads():
    token = _primary_pinned.set(True)
    try:
        yield
    finally:
        _primary_pinned.reset(token)


def note_content_write() -> None:
    if settings.DATABASE_REPLICAS:
        seconds = math.ceil(settings.DATABASE_REPLICA_MAX_LAG_SECONDS) + CHECK_SECONDS
        _cache_set(RECENT_WRITE_KEY, True, seconds)


def fill_from_primary():
    """For filling a cache entry keyed by a content version: the primary while a replica may
    not have replayed the latest content write yet."""
    recent = settings.DATABASE_REPLICAS and _cache_get(RECENT_WRITE_KEY, False)
    return primary_reads() if recent else nullcontext()


def _reads_own_writes(request) -> bool:
    session = getattr(request, "session", None)
    return session is not None and session.get(SESSION_KEY, 0) > time.time()


class ReplicaReadsMiddleware:
    """After SessionMiddleware: decides per request whether reads may use a replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if response.status_code < 400 and user is not None and user.is_authenticated:
                deadline = time.time() + settings.DATABASE_READ_YOUR_WRITES_SECONDS
                request.session[SESSION_KEY] = deadline
            return response
        if not settings.DATABASE_REPLICAS or _reads_own_writes(request):
            return self.get_response(request)
        token = _replica_reads.set(True)
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)
