"""The labelled corpora (data/corpus.json in English, data/corpus_<language>.json for the
others) and the scores a classifier gets on them.

Used by the tests (which print the scores) and by the admin, which refuses a phrase change
that would take crisis or emergency recall below RECALL_TARGET."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from safety.classifier import Classifier, Sign
from safety.levels import Level

DATA = Path(__file__).resolve().parent / "data"
RECALL_TARGET = 0.95
FALSE_POSITIVE_LIMIT = 0.05


@dataclass(frozen=True)
class Scores:
    crisis_recall: float
    emergency_recall: float
    false_positive_rate: float  # on ordinary recovery talk, idioms, negations and advice
    sign_recall: float
    misses: tuple[tuple[str, str, str], ...]  # (text, expected, found)

    def problems(self) -> list[str]:
        found = []
        if self.crisis_recall < RECALL_TARGET:
            found.append(
                _("crisis recall would be %(value)s, below %(target)s")
                % {"value": _percent(self.crisis_recall), "target": _percent(RECALL_TARGET)}
            )
        if self.emergency_recall < RECALL_TARGET:
            found.append(
                _("emergency recall would be %(value)s, below %(target)s")
                % {"value": _percent(self.emergency_recall), "target": _percent(RECALL_TARGET)}
            )
        if self.false_positive_rate > FALSE_POSITIVE_LIMIT:
            found.append(
                _("false positives would be %(value)s, above %(limit)s")
                % {
                    "value": _percent(self.false_positive_rate),
                    "limit": _percent(FALSE_POSITIVE_LIMIT),
                }
            )
        return found

    def __str__(self) -> str:
        return (
            f"crisis recall {self.crisis_recall:.1%}, emergency recall "
            f"{self.emergency_recall:.1%}, sign recall {self.sign_recall:.1%}, false "
            f"positives {self.false_positive_rate:.1%}"
        )


def _data_file(name: str, language: str) -> Path:
    """English data is name.json; another language's, name_<language>.json."""
    return DATA / (f"{name}.json" if language == "en" else f"{name}_{language}.json")


@cache
def load(language: str = "en") -> dict:
    path = _data_file("corpus", language)
    if not path.exists():
        return {"language": language, "phrases": [], "warning_signs": []}
    with open(path, encoding="utf-8") as file:
        corpus = json.load(file)
    return corpus if corpus["language"] == language else {"phrases": [], "warning_signs": []}


def evaluate(classifier: Classifier, language: str = "en") -> Scores:
    corpus = load(language)
    signs = [Sign(s["text"], tuple(k.strip() for k in s["keywords"].split(","))) for s in corpus["warning_signs"]]  # fmt: skip
    found = {Level.CRISIS: 0, Level.EMERGENCY: 0, Level.SIGN: 0, Level.NONE: 0}
    totals = dict.fromkeys(found, 0)
    misses = []
    for row in corpus["phrases"]:
        level = classifier.classify(row["text"], signs).level
        expected = row["level"]
        totals[expected] += 1
        # For "none" rows, `found` counts the false positives.
        hit = level != Level.NONE if expected == Level.NONE else level == expected
        found[expected] += hit
        if hit == (expected == Level.NONE):
            misses.append((row["text"], expected, str(level)))
    return Scores(
        crisis_recall=_share(found[Level.CRISIS], totals[Level.CRISIS]),
        emergency_recall=_share(found[Level.EMERGENCY], totals[Level.EMERGENCY]),
        false_positive_rate=_share(found[Level.NONE], totals[Level.NONE]),
        sign_recall=_share(found[Level.SIGN], totals[Level.SIGN]),
        misses=tuple(misses),
    )


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _rows(name: str) -> list[dict]:
    """Every language's shipped rows: name.json, then name_<language>.json."""
    rows = []
    for path in sorted(DATA.glob(f"{name}*.json"), key=lambda path: (path.stem != name, path.stem)):
        with open(path, encoding="utf-8") as file:
            rows.extend(json.load(file))
    return rows


def load_phrases() -> list[dict]:
    """The shipped phrases (the data migrations load them; editors change the rows)."""
    return _rows("phrases")


def load_crisis_lines() -> list[dict]:
    return _rows("crisis_lines")
