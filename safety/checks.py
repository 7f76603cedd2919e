"""classify(): the one safety check for member text, with the phrases saved in the database.

A classifier is built once per process and language, and rebuilt when the phrase rows
change (their count, last id or last update: one small query per check). A database with no
phrase or crisis line at all (flushed) falls back to the shipped data: never a blank check
or a crisis notice without lines."""

from django.db.models import Count, Max

from safety.classifier import Classifier, SafetyResult
from safety.corpus import load_crisis_lines, load_phrases
from safety.models import CrisisLine, SafetyPhrase
from safety.rules import PhraseError, Rule

DEFAULT_LANGUAGE = "en"
_built: dict[str, tuple[tuple, Classifier]] = {}


def rules_from(phrases) -> list[Rule]:
    """Rules from phrase rows (or anything with level, phrase, reason); a row whose phrase
    no longer parses is skipped (the admin refuses to save one)."""
    rules = []
    for row in phrases:
        try:
            rules.append(Rule.make(row.level, row.phrase, row.reason))
        except PhraseError:
            continue
    return rules


def phrases_for(language: str):
    phrases = SafetyPhrase.objects.active().filter(language=language)
    if language != DEFAULT_LANGUAGE and not phrases.exists():
        phrases = SafetyPhrase.objects.active().filter(language=DEFAULT_LANGUAGE)
    return phrases


def classifier_for(language: str = DEFAULT_LANGUAGE) -> Classifier:
    phrases = phrases_for(language)
    state = phrases.aggregate(Count("pk"), Max("pk"), Max("updated_at"))
    fingerprint = tuple(state.values())
    built = _built.get(language)
    if built is None or built[0] != fingerprint:
        rules = rules_from(phrases) if state["pk__count"] else _shipped_rules(language)
        built = (fingerprint, Classifier(rules))
        _built[language] = built
    return built[1]


def _shipped_rules(language: str) -> list[Rule]:
    rows = [row for row in load_phrases() if row["language"] in (language, DEFAULT_LANGUAGE)]
    return [Rule.make(row["level"], row["phrase"], row["reason"]) for row in rows]


def crisis_lines() -> list[CrisisLine]:
    lines = list(CrisisLine.objects.filter(is_active=True))
    return lines or [CrisisLine(**row) for row in load_crisis_lines()]


def classify(text: str, language: str = DEFAULT_LANGUAGE, warning_signs=()) -> SafetyResult:
    """The level of this text (crisis, emergency, sign or none), what matched, the
    emergency reasons, the deduplicated warning signs and any contact details.
    `warning_signs`: objects with `text` and `keyword_list` (articles' WarningSign)."""
    return classifier_for(language).classify(text, warning_signs)
