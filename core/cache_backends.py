"""The shared cache: Redis, with the database cache standing in while Redis is unreachable.

django-redis's IGNORE_EXCEPTIONS would answer every failed call with None, and allauth reads
a None from `cache.add` as "the rate-limit lock is taken": every sign-in would wait a second
and be refused. So a failed call is answered by the `fallback` cache (the database) instead,
the outage is logged once per process, and Redis is tried again every RETRY_SECONDS.

Content versions bumped during the outage went to the stand-in, so when Redis answers again
its versions (core.versions) are forgotten: they start afresh, and nothing cached before
the outage is served as if it were current.
"""

import logging
import time

from django.core.cache import caches
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from core.versions import KEY_PREFIX as VERSION_KEY_PREFIX

logger = logging.getLogger(__name__)

FALLBACK_ALIAS = "fallback"
RETRY_SECONDS = 5
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)
# Redis location -> when to try it again; shared by the threads of a process.
_outages: dict[str, float] = {}


def _with_fallback(name: str):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if self.is_degraded:
            return getattr(caches[FALLBACK_ALIAS], name)(*args, **kwargs)
        try:
            result = redis_method(self, *args, **kwargs)
        except REDIS_DOWN as error:
            self._mark_down(error)
            return getattr(caches[FALLBACK_ALIAS], name)(*args, **kwargs)
        if self.location in _outages:
            del _outages[self.location]
            logger.warning("Redis answers again: the cache is back.")
            self._forget_versions()
        return result

    method.__name__ = name
    return method


class RedisCacheWithFallback(RedisCache):
    @property
    def location(self) -> str:
        return str(self._server)

    @property
    def is_degraded(self) -> bool:
        """True while Redis is unreachable and not yet due for another try."""
        return time.monotonic() < _outages.get(self.location, 0)

    def _forget_versions(self) -> None:
        try:
            RedisCache.delete_pattern(self, f"{VERSION_KEY_PREFIX}*")
        except REDIS_DOWN as error:
            self._mark_down(error)

    def _mark_down(self, error: Exception) -> None:
        if self.location not in _outages:
            logger.error(
                "Redis is unreachable (%s): the database cache stands in, and anonymous "
                "pages are not cached, until it answers again.",
                error,
            )
        _outages[self.location] = time.monotonic() + RETRY_SECONDS

    get = _with_fallback("get")
    set = _with_fallback("set")
    add = _with_fallback("add")
    delete = _with_fallback("delete")
    get_many = _with_fallback("get_many")
    set_many = _with_fallback("set_many")
    delete_many = _with_fallback("delete_many")
    incr = _with_fallback("incr")
    decr = _with_fallback("decr")
    has_key = _with_fallback("has_key")
    touch = _with_fallback("touch")
    clear = _with_fallback("clear")
