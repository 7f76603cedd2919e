"""Redis down: every page still answers (anonymous pages uncached, sessions and sign-in
rate limits in the database), the outage is logged once, /healthz says "degraded" with
200, and the cache is used again when Redis returns. Keys carry the deployment's prefix."""

import logging
import uuid

import pytest
from django.core.cache import caches
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

from core import cache_backends
from core.cache_backends import RedisCacheWithFallback
from forums.posting import reply
from tests.factories import PASSWORD
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/5"  # this suite's own Redis database


class _RefusingClient:
    def __getattr__(self, name):
        def refuse(*args, **kwargs):
            raise ConnectionInterrupted(connection=None) from RedisConnectionError("refused")

        return refuse


class SwitchableRedisCache(RedisCacheWithFallback):
    """The real backend whose Redis can be switched off (every call refused) and on."""

    down = True

    @property
    def client(self):
        return _RefusingClient() if SwitchableRedisCache.down else super().client


def _caches(backend: str, location: str, prefix: str = "outage-test") -> dict:
    fallback = {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "portal_cache_fallback", "KEY_PREFIX": prefix}  # fmt: skip
    return {"default": {"BACKEND": backend, "LOCATION": location, "KEY_PREFIX": prefix},
            "fallback": fallback}  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh_outage_state(monkeypatch):
    monkeypatch.setattr(cache_backends, "_outages", {})
    SwitchableRedisCache.down = True


@pytest.fixture
def redis_down(settings):
    settings.CACHES = _caches(f"{__name__}.SwitchableRedisCache", REDIS)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PAGE_CACHE_SECONDS = 300


def test_the_site_keeps_serving_and_logs_the_outage_once(client, patient, redis_down, caplog):
    thread = make_thread(title="Knee brace")
    caplog.set_level(logging.WARNING, logger="core.cache_backends")

    pages = [client.get(url) for url in ("/", "/robots.txt", thread.get_absolute_url()) * 2]
    signed_in = client.post("/accounts/login/", {"login": "patient", "password": PASSWORD})
    as_member = client.get(thread.get_absolute_url())
    health = client.get("/healthz")

    assert [page.status_code for page in pages] == [200] * 6
    assert all("X-Page-Cache" not in page for page in pages)  # anonymous pages uncached
    assert signed_in.status_code == 302
    assert 'header-username">patient</span>' in as_member.content.decode()  # the session holds
    assert health.status_code == 200
    assert health.json() == {
        "status": "degraded",
        "database": True,
        "cache": False,
        "tasks_waiting": 0,
    }
    assert len([r for r in caplog.records if r.levelno == logging.ERROR]) == 1


def test_the_cache_is_used_again_when_redis_returns(client, redis_down, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger="core.cache_backends")
    monkeypatch.setattr(cache_backends, "RETRY_SECONDS", 0)  # try Redis again at once
    assert client.get("/").status_code == 200

    SwitchableRedisCache.down = False
    caches["default"].clear()  # this suite's Redis database: no page from an earlier run
    first, second = client.get("/"), client.get("/")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert client.get("/healthz").json()["cache"] is True
    assert "answers again" in caplog.text


def test_a_redis_url_on_a_closed_port_serves_pages_and_sign_in(client, patient, settings):
    settings.CACHES = _caches("core.cache_backends.RedisCacheWithFallback",
                              "redis://127.0.0.1:1/0")  # fmt: skip
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

    assert client.get("/").status_code == 200
    assert (
        client.post("/accounts/login/", {"login": "patient", "password": PASSWORD}).status_code
        == 302
    )
    assert client.get("/healthz").json()["cache"] is False


def test_two_deployments_sharing_one_redis_do_not_read_each_others_keys(settings):
    SwitchableRedisCache.down = False
    site_a = _caches(f"{__name__}.SwitchableRedisCache", REDIS, prefix="site-a")["default"]
    site_b = _caches(f"{__name__}.SwitchableRedisCache", REDIS, prefix="site-b")["default"]
    settings.CACHES = {**_caches("django.core.cache.backends.locmem.LocMemCache", "x"),
                       "site_a": site_a, "site_b": site_b}  # fmt: skip

    caches["site_a"].set("version:any-content", 41)
    caches["site_b"].set("version:any-content", 7)

    assert caches["site_a"].get("version:any-content") == 41
    assert caches["site_b"].get("version:any-content") == 7
    assert settings.CACHE_KEY_PREFIX.startswith("portal-")


def test_a_reply_during_the_outage_shows_once_redis_returns(
    client, patient, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Pages cached before the outage are keyed by versions Redis still holds; a reply's
    bump went to the stand-in, so Redis's versions start afresh when it answers again."""
    prefix = f"outage-test-{uuid.uuid4().hex}"  # this run's own keys: none from an earlier run
    settings.CACHES = _caches(f"{__name__}.SwitchableRedisCache", REDIS, prefix=prefix)
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(cache_backends, "RETRY_SECONDS", 0)
    thread = make_thread(title="Knee brace")
    SwitchableRedisCache.down = False
    before = [client.get(thread.get_absolute_url()) for _ in range(2)]

    SwitchableRedisCache.down = True
    with django_capture_on_commit_callbacks(execute=True):
        reply(thread=thread, author=patient, body="The brace came off today.")
    SwitchableRedisCache.down = False
    client.get("/robots.txt")  # any use of the cache finds Redis back
    after = client.get(thread.get_absolute_url())
    caches["default"].delete_pattern("*")  # this prefix's keys only

    assert [page["X-Page-Cache"] for page in before] == ["miss", "hit"]
    assert after["X-Page-Cache"] == "miss"
    assert "The brace came off today." in after.content.decode()
