"""The languages of search: which language an entry is in, the PostgreSQL text-search
configuration of each, and the accent folding both engines share.

Every entry has one of the site's languages (`settings.LANGUAGES`). Articles declare theirs;
what members write (threads, replies, blog posts) takes the author's language setting at
the time it is indexed, else the site's default, as the best guess we have without guessing
from the text. PostgreSQL stems each entry with its language's configuration (migration
search 0005: the language's own stemmer after `unaccent`, so "osteotomía" and "osteotomia"
are one word); SQLite folds accents in Python on both sides (`fold`).

Adding a language: a configuration `portal_<name>` and the `portal_search_config` function's
branch in a new migration, and its entry here.
"""

import re
import unicodedata

from django.conf import settings

DEFAULT = settings.LANGUAGE_CODE
TEXT_SEARCH_CONFIGS = {"en": "portal_english", "es": "portal_spanish"}
COMBINING_MARK = re.compile(r"[\u0300-\u036f]")


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def entry_language(code: str | None) -> str:
    """One of the site's languages: a region falls back to its language ("es-MX" → "es"),
    anything else to the default."""
    base = (code or "").lower().split("-")[0]
    return base if base in codes() else DEFAULT


def text_search_config(code: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(code, TEXT_SEARCH_CONFIGS[DEFAULT])


def language_of_author(author) -> str:
    """Member-written content: the author's chosen language when it is indexed."""
    return entry_language(getattr(author, "language", "") if author else "")


def fold(text: str) -> str:
    """Lower case without accents: "Osteotomía" → "osteotomia" (the SQLite engine's
    matching, the synonyms' comparison)."""
    if text.isascii():
        return text.lower()
    return COMBINING_MARK.sub("", unicodedata.normalize("NFD", text)).lower()


def _accented_variants() -> dict[str, str]:
    """Each unaccented letter with the accented letters that fold to it (á, à, ä… for a)."""
    variants: dict[str, str] = {}
    for code_point in range(0xC0, 0x250):
        char = chr(code_point)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            variants[base] = variants.get(base, "") + char
    return variants


VARIANTS = _accented_variants()


def accent_insensitive(stem: str) -> str:
    """A regular expression for a folded stem that matches it with or without accents, so the
    highlighter marks "osteotomía" for "osteotomia" without copying the text."""
    pattern = []
    for char in stem:
        accented = VARIANTS.get(char)
        pattern.append(f"[{char}{accented}]" if accented else re.escape(char))
    return "".join(pattern)
