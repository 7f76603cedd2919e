"""Fast links for long lists: the URL pattern is reversed once, then filled in.

A forum page shows 60 links to threads and posts; `reverse()` walks the URL resolver
every time, which was a tenth of the page's cost. The patterns still come from the
URLconf (so `forums/urls.py` stays the one source of truth) and are forgotten whenever
the URLconf or the script prefix could change (setting_changed in tests).
"""

from functools import cache
from urllib.parse import quote

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse

_NUMBER = 918273645546372819
_TEXT = "zzslugmarkerzz"
# What Django's reverse() leaves unquoted in a path segment.
_SAFE = "!$&'()*+,;=/~:@"


@cache
def _pattern(name: str, *kinds: str) -> str:
    args = [_NUMBER if kind == "int" else _TEXT for kind in kinds]
    return reverse(name, args=args)


def _fill(pattern: str, *values) -> str:
    for value in values:
        marker = str(_NUMBER) if isinstance(value, int) else _TEXT
        pattern = pattern.replace(
            marker, str(value) if isinstance(value, int) else quote(value, _SAFE), 1
        )
    return pattern


def thread_url(pk: int, slug: str) -> str:
    return _fill(_pattern("forums:thread_detail", "int", "str"), pk, slug)


def post_url(pk: int) -> str:
    return _fill(_pattern("forums:post_permalink", "int"), pk)


def member_url(username: str) -> str:
    return _fill(_pattern("accounts:profile", "str"), username)


@receiver(setting_changed)
def _forget_patterns(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _pattern.cache_clear()
