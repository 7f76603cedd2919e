"""What a URL may carry: query parameters and path parts, parsed in one place.

Views never read `request.GET` themselves: they call these helpers with a key listed in
`QUERY_KEYS` (a test scans the source for both rules). A value that cannot be what its key
names never reaches a query: PostgreSQL refuses NUL in text, `int("²")` raises although
`"²".isdigit()` is true, and no slug or username holds markup or "../".
- Numbers are forgiving, as Django's paginator is: `?page=²` is the first page.
- Slugs and usernames are strict: a malformed one answers 404, as an unknown one does.
- Free text (the search box) loses the characters no keyboard types.
Path parts use the converters below, so a malformed name never reaches a view.
"""

import re

from django.http import Http404
from django.urls import register_converter

# Every query parameter a view reads.
QUERY_KEYS = frozenset(
    {"page", "quote", "reply_to", "thread", "forum", "procedure", "body_part", "letter", "q",
     "type", "hero", "member", "to", "post", "step", "next"}
)  # fmt: skip
MAX_DIGITS = 18  # fits a bigint
SLUG = re.compile(r"[-\w]{1,200}")
USERNAME = re.compile(r"[\w.@+-]{1,150}")
# Control characters other than tab and line breaks, and lone surrogates (invalid UTF-8).
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def parse_int(raw: str | None) -> int | None:
    """A plain number from 0 up, or None: "²", "١", "1.5", "-1", "" and NUL are not."""
    raw = raw or ""
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS:
        return int(raw)
    return None


def query_value(request, key: str) -> str:
    """The raw ?key= value ("" when missing): the one place that reads request.GET."""
    return request.GET.get(key, "")


def query_int(request, key: str) -> int | None:
    return parse_int(query_value(request, key))


def query_slug(request, key: str, pattern: re.Pattern = SLUG) -> str:
    """The slug (or, with `pattern=USERNAME`, the username) in ?key=, "" when missing."""
    value = query_value(request, key)
    if value and not pattern.fullmatch(value):
        raise Http404(f"No such {key}.")
    return value


def query_text(request, key: str, max_length: int = 1000) -> str:
    """Free text in ?key=, without control characters, at most `max_length` long."""
    return UNSTORABLE.sub("", query_value(request, key)[:max_length])


def unstorable_character(text: str) -> str | None:
    """The first character of `text` that cannot be stored or shown, if any."""
    match = UNSTORABLE.search(text)
    return match.group(0) if match else None


class UsernameConverter:
    """<username:…>: the characters a username may have (accounts.validators)."""

    regex = USERNAME.pattern

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class TagSlugConverter(UsernameConverter):
    """<tag:…>: a tag's slug, which may hold any letter (taggit slugifies with Unicode)."""

    regex = SLUG.pattern


register_converter(UsernameConverter, "username")
register_converter(TagSlugConverter, "tag")
