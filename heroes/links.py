"""Pure helpers for heroes: the featured piece's link and surgeon-name matching."""

import re
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONORIFICS = ("dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame")
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s-]+")


def own_hosts() -> set[str]:
    """Host names that count as "our site" for a featured piece's link."""
    host = urlsplit(settings.SITE_URL).hostname
    return {host} if host else set()


def validate_own_site_url(value: str) -> None:
    """A featured piece must live on our site: a relative path, or an absolute URL on our
    own domain (so the hero page never sends readers, or their browsers, elsewhere)."""
    if not value:
        return
    parts = urlsplit(value)
    if value.startswith("/") and not value.startswith("//") and not parts.netloc:
        return
    if parts.scheme in {"http", "https"} and parts.hostname in own_hosts():
        return
    raise ValidationError(
        _(
            "Link to a page on this site: a path such as /articles/knee-osteotomy/, "
            "or a full address on our own domain."
        ),
        code="external_url",
    )


def local_path(value: str) -> str:
    """The same link as a path on this site (absolute URLs on our domain lose the host)."""
    if not value:
        return ""
    parts = urlsplit(value)
    path = parts.path or "/"
    return (
        path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def split_honorific(full_name: str) -> tuple[str, str]:
    """ "Dr. Jane Smith" -> ("Dr.", "Jane Smith"); no honorific -> ("", name)."""
    words = full_name.split()
    if len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS:
        return words[0], " ".join(words[1:])
    return "", " ".join(words)


def name_key(full_name: str) -> str:
    """A surgeon's name, normalised for matching: no honorific, accents, case or punctuation.
    "Dr. José  O'Neil-Smith" and "jose oneil smith" give the same key."""
    _, name = split_honorific(full_name.strip())
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SPACES.sub(" ", _NON_WORD.sub("", ascii_name.lower())).strip()
