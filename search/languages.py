"""The languages of search: which language an entry is in, the PostgreSQL text-search
configuration of each, and the accent folding both engines share.

Every entry has one of the site's languages (`settings.LANGUAGES`). Articles declare theirs;
what members write (threads, replies, blog posts) takes the author's language setting at
the time it is indexed, else the site's default, as the best guess we have without guessing
from the text. PostgreSQL stems each entry with its language's configuration (migration
search 0005: the language's own stemmer after `unaccent`, so "osteotomía" and "osteotomia"
are one word), and Spanish entries also with the stemmer reading the words as written
(search 0006: "recuperación" -> "recuper", as "recuperarse" and "me recuperé" stem, where
"recuperacion" keeps its ending); SQLite folds accents in Python on both sides (`fold`) and
strips a light set of each language's endings (`stem`).

Adding a language: a configuration `portal_<name>` and the `portal_search_config` function's
branch in a new migration, and its entries here (TEXT_SEARCH_CONFIGS, ENDINGS; and
AS_WRITTEN_CONFIGS with `portal_search_config_as_written` if its stemmer needs accents).
"""

import re
import unicodedata

from django.conf import settings

from core.enclitics import split_enclitic

DEFAULT = settings.LANGUAGE_CODE
TEXT_SEARCH_CONFIGS = {"en": "portal_english", "es": "portal_spanish"}
# A second configuration whose stems are in the vector too (search 0006): Spanish stemmed as
# written, since the Spanish stemmer knows "-ación" only with its accent.
AS_WRITTEN_CONFIGS = {"es": "spanish"}
# The SQLite engine's light stemming: the first ending that leaves at least 4 letters goes.
ENDINGS = {
    "en": ("ations", "ation", "ments", "ment", "ings", "ing", "ness", "ies", "ed", "es", "s"),
    "es": (
        "aciones", "acion", "amientos", "amiento", "imientos", "imiento", "ando", "iendo",
        "ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida", "ar", "er", "ir", "es",
        "as", "os", "e", "a", "o", "s",
    ),
}  # fmt: skip
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


def phrase_query_sql(code: str) -> str:
    """SQL for a word or phrase (the one parameter) as a tsquery of this language: its stems
    in each of the language's configurations (constants of ours, never the reader's text)."""
    config, written = text_search_config(code), AS_WRITTEN_CONFIGS.get(code)
    if written:
        return f"portal_phrase_query('{config}', '{written}', %s)"  # search 0006
    return f"phraseto_tsquery('{config}', %s)"


def stem(word: str, language: str = DEFAULT) -> str:
    """A folded word's stem for the SQLite engine's containment match and the highlighter:
    "walking" -> "walk"; in Spanish a joined pronoun comes off first (core.enclitics), so
    "recuperarse", "recuperación" and "recuperé" all give "recuper"."""
    if language == "es":
        word = split_enclitic(word)[0]
    for ending in ENDINGS.get(language, ENDINGS[DEFAULT]):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


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
