"""Named content versions: what a cached page or fragment shows, and when it changed.

A version is a number in the shared cache under a name that says what it covers:
`thread:12`, `article:3`, `member:7`, `latest-threads`, … A write bumps the names of what it
changes, once its transaction commits; anything cached remembers the versions it was built
from and is used only while they all still hold. So a reply shows on the very next request,
and a sign-in, a read state or a notification invalidates nothing (they bump nothing).

The API (stable; other apps build on it):

- `bump(*names)`: after the current transaction commits (at once outside one), move these
  versions on. A rolled-back write bumps nothing. Reads within the replica lag bound are
  then filled from the primary (`core.db_router.note_content_write`).
- `current(names) -> {name: version}`: one `get_many`. A name never seen (or evicted) gets a
  fresh version that no earlier entry can hold.
- `depends_on(*names) -> {name: version}`: `current`, and records the names with the
  request's collector, so the page being built depends on them. Call it *before* reading
  what the names cover (a write committing in between then only costs a miss).
- `declare(*names)`: `depends_on` for a view that does not need the versions (a page
  stored whole); free for members' pages.
- `collecting()`: a context manager yielding the {name: version} the code inside depended
  on (the anonymous page cache, `portal.page_cache`, stores pages with it).
- `cached(key, names, compute, timeout, shown=True)`: a value kept until one of `names`
  moves, in one round trip (one `get_many` for the value and its versions); its names are
  recorded too, unless the value is not shown (`shown=False`).
- `{% load core_tags %}{% versions "article:3" "articles" as v %}`: the same as
  `depends_on`, as a string (with the language and time zone) to key a fragment with:
  `{% fragment fragment_seconds "article-body" v %}…{% endfragment %}` (Django's `{% cache %}`,
  its misses filled from the primary like the page cache's), where the view sets
  `fragment_seconds = versions.lifetime(seconds_until_next_publication())`.

Which names each write bumps is declared per app in its `caching.py` (`BUMPS`: {model:
function(instance, **signal kwargs) -> names}, `QUIET`: models whose writes show nowhere),
read here through `core.plugins.app_modules`. Writes to undeclared models of the content
apps bump `ANY` only: the version of pages that declare nothing (lists, search, profiles).
Every declared content write bumps `ANY` too.

Names in use (keep them in step with the apps' `caching.py`):

| name                      | bumped by                                                     |
| ------------------------- | ------------------------------------------------------------- |
| `post:<id>`               | the forum post, its reactions                                 |
| `thread:<id>`             | the thread, a post in it                                      |
| `forum:<id>`              | the forum, a thread or post in it                             |
| `latest-threads`          | any thread or post (the home page's section)                  |
| `member:<id>`, `members`  | a member's public profile (name, bio, badge, deletion)        |
| `member-posts:<id>`       | a forum post by the member (their post count, recent posts)   |
| `article:<id>`, `articles`| the article, its care instructions, warning signs, illustrations, body part |
| `article-sections:<id>`   | a thread or blog post about that article                      |
| `article-sections`        | videos, heroes, forums' links to articles (every article page)|
| `blog:<id>`, `blog-post:<id>`, `latest-blog-posts` | blog posts, comments, tags           |
| `video:<id>`, `featured-video` | videos and their chapters                                |
| `hero:<id>`, `featured-hero`   | heroes and their published stories                       |
| `roles:<user id>`, `roles`| a member's groups, MFA; a group's permissions (not content)   |
"""

import contextvars
import functools
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction

from core.db_router import fill_from_primary, note_content_write
from core.plugins import app_modules

KEY_PREFIX = "version:"
# The longest a fragment is kept: a safety net, never what makes it fresh.
FRAGMENT_SECONDS = 3600
ANY = "any-content"
CONTENT_APPS = {
    "core", "search", "accounts", "articles", "forums", "blogs", "videos", "heroes", "taggit",
}  # fmt: skip

_collector: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "version_collector", default=None
)


def _key(name: str) -> str:
    return KEY_PREFIX + name


def _fresh() -> int:
    """A version no earlier entry can hold, even after the name was evicted."""
    return time.time_ns() // 1000


def bump(*names: str) -> None:
    names = tuple(dict.fromkeys(name for name in names if name))
    if names:
        # After the commit: a reader on another connection must not store what it read
        # before the commit under the new version (and a rolled-back write bumps nothing).
        transaction.on_commit(functools.partial(_bump_now, names), robust=True)


def _bump_now(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            cache.incr(_key(name))
        except ValueError:  # never seen, or evicted: a fresh start beyond any stored entry
            cache.set(_key(name), _fresh(), None)
    note_content_write()


def current(names: Iterable[str]) -> dict[str, int]:
    names = list(dict.fromkeys(names))
    if not names:
        return {}
    found = cache.get_many([_key(name) for name in names])
    return {name: _value(name, found.get(_key(name))) for name in names}


def _value(name: str, found) -> int:
    if found is not None:
        return found
    fresh = _fresh()
    if cache.add(_key(name), fresh, None):
        return fresh
    return cache.get(_key(name), fresh)


def _record(versions: dict[str, int]) -> None:
    collected = _collector.get()
    if collected is not None:
        for name, version in versions.items():
            collected.setdefault(name, version)


def depends_on(*names: str) -> dict[str, int]:
    versions = current(names)
    _record(versions)
    return versions


def declare(*names: str) -> None:
    """`depends_on` for a view that does not use the versions itself: outside a collector
    (a member's page, never stored whole) it costs nothing."""
    if _collector.get() is not None:
        depends_on(*names)


@contextmanager
def collecting():
    collected: dict[str, int] = {}
    token = _collector.set(collected)
    try:
        yield collected
    finally:
        _collector.reset(token)


def collected_names() -> list[str]:
    """The names the code running now has depended on so far (none outside `collecting`)."""
    return list(_collector.get() or ())


def cached(key: str, names: Iterable[str], compute: Callable, *, timeout=300, shown=True):
    """`compute()`, kept under `key` until one of `names` moves, for at most `timeout`
    seconds (a number, or a function of the value computed: until the next scheduled
    publication that would change it). `shown=False` for a value the page does not show
    (how long to keep it, a member's roles): its names are then not recorded."""
    names = list(dict.fromkeys(names))
    found = cache.get_many([key, *(_key(name) for name in names)])
    entry = found.get(key)
    if entry is not None and all(entry[0].get(n) == found.get(_key(n)) for n in names):
        if shown:
            _record(entry[0])
        return entry[1]
    versions = {name: _value(name, found.get(_key(name))) for name in names}
    if shown:
        _record(versions)
    with fill_from_primary():
        value = compute()
    cache.set(key, (versions, value), timeout(value) if callable(timeout) else timeout)
    return value


def cached_until_content_changes(
    name: str,
    compute: Callable,
    *,
    names: Iterable[str] = (ANY,),
    timeout: int = 300,
    expires_in: Callable[[], int | None] = lambda: None,
):
    """A value worth computing once per version of what it shows (a tag cloud, search
    counts; by default any content), kept no longer than `timeout`, nor past `expires_in()`
    seconds (the next scheduled publication that would change it)."""

    return cached(
        f"computed:{name}", names, compute, timeout=lambda value: lifetime(expires_in(), timeout)
    )


def lifetime(upcoming: int | None, longest: int = FRAGMENT_SECONDS) -> int:
    """How long to keep something that must not outlive the next scheduled publication
    (`upcoming` seconds away, or None): versions make it fresh, this is the safety net."""
    return longest if upcoming is None else max(1, min(longest, upcoming))


# Which names a write bumps: each app's `caching.py`.


@functools.cache
def _declarations() -> tuple[dict, frozenset]:
    bumps: dict[type, list[Callable]] = {}
    quiet: set[type] = set()
    for module in app_modules("caching"):
        for model, names_for in getattr(module, "BUMPS", {}).items():
            bumps.setdefault(model, []).append(names_for)
        quiet.update(getattr(module, "QUIET", ()))
    return bumps, frozenset(quiet)


def _is_content(sender) -> bool:
    meta = sender._meta
    return meta.app_label in CONTENT_APPS and not sender.__name__.startswith("Historical")


def on_write(sender, instance=None, **kwargs) -> None:
    """post_save, post_delete and m2m_changed of every model (connected by core.apps)."""
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed: only once the rows have changed
    bumps, quiet = _declarations()
    declared = bumps.get(sender)
    if declared is not None:
        names = [name for names_for in declared for name in names_for(instance, **kwargs)]
    elif sender in quiet or not _is_content(sender):
        return
    else:
        names = []
    if names or declared is None:
        shows_content = _is_content(sender) and not all(map(is_role_name, names or [""]))
        bump(*names, *((ANY,) if shows_content else ()))


def is_role_name(name: str) -> bool:
    """Role versions key what a member may do (core.roles), not what pages show."""
    return name == "roles" or name.startswith("roles:")
