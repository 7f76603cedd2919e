"""classify(): the one safety check for member text, with the phrases saved in the database.

Every language's phrases are checked, the page's language first: a Spanish speaker may
write on an English page (or the other way round), and a missed crisis costs far more than
a check in one more language. Each language's classifier also knows the other languages'
advice and idioms (and all negators, safety.text), so that checking more languages does
not add false alarms. The result says which languages' phrases matched
(`SafetyResult.languages`, also in the moderators' flag note).

The classifiers are built once per process and rebuilt when the phrase rows change (per
language: their count, last id or last update; one small query per check). A database with
no phrase at all (flushed) falls back to the shipped data: never a blank check."""

from django.db.models import Count, Max
from django.utils.translation import get_language

from safety.classifier import EXEMPTING, Classifier, Classifiers, SafetyResult
from safety.corpus import load_phrases
from safety.models import SafetyPhrase
from safety.rules import PhraseError, Rule
from safety.text import text_rules

DEFAULT_LANGUAGE = "en"
_built: dict = {}


def rules_from(phrases, language: str | None = None) -> list[Rule]:
    """Rules from phrase rows (or anything with level, phrase, reason, language), parsed in
    their own language or in `language`; a row whose phrase does not parse is skipped (the
    admin refuses to save one)."""
    rules = []
    for row in phrases:
        try:
            rules.append(Rule.make(row.level, row.phrase, row.reason, language or row.language))
        except PhraseError:
            continue
    return rules


def _fingerprint() -> tuple:
    """Per language with active phrases: (language, count, last id, last update)."""
    rows = (
        SafetyPhrase.objects.active()
        .values("language")
        .annotate(Count("pk"), Max("pk"), Max("updated_at"))
        .order_by("language")
    )
    return tuple(tuple(row.values()) for row in rows)


def _phrases() -> list:
    rows = list(SafetyPhrase.objects.active())
    return rows or [SafetyPhrase(**row) for row in load_phrases()]


def build(phrases) -> dict[str, Classifier]:
    """A classifier per language of these phrase rows."""
    by_language: dict[str, list] = {}
    for row in phrases:
        by_language.setdefault(row.language, []).append(row)
    classifiers = {}
    for language, rows in by_language.items():
        others = [row for row in phrases if row.language != language and row.level in EXEMPTING]
        classifiers[language] = Classifier(
            rules_from(rows), language, other_exempting=rules_from(others, language)
        )
    return classifiers


def _classifiers() -> dict[str, Classifier]:
    fingerprint = _fingerprint()
    if _built.get("fingerprint") != fingerprint or "classifiers" not in _built:
        _built.update(fingerprint=fingerprint, classifiers=build(_phrases()))
    return _built["classifiers"]


def classifier_for(language: str = DEFAULT_LANGUAGE) -> Classifier:
    """One language's phrases (the shipped ones when the database has none at all)."""
    return _classifiers().get(language) or Classifier([], language)


def classifiers(first: str | None = None) -> Classifiers:
    """Every language's phrases, `first` (default: the active language) first."""
    built = _classifiers()
    first = text_rules(first or get_language() or DEFAULT_LANGUAGE).code
    order = sorted(built, key=lambda language: (language != first, language))
    return Classifiers(built[language] for language in order)


def classify(text: str, language: str | None = None, warning_signs=()) -> SafetyResult:
    """The level of this text (crisis, emergency, sign or none), what matched and in which
    languages' phrases, the emergency reasons, the deduplicated warning signs and any
    contact details. `language`: the page's (default: the active language).
    `warning_signs`: objects with `text` and `keyword_list` (articles' WarningSign)."""
    return classifiers(language).classify(text, warning_signs)
