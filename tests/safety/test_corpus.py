"""The classifier measured on the labelled corpus (safety/data/corpus.json), with the
phrases a fresh database holds (the data migration)."""

import pytest

from safety import corpus
from safety.checks import classifier_for
from safety.levels import Level

pytestmark = pytest.mark.django_db


def test_corpus_is_big_enough_and_covers_every_level_and_kind():
    rows = corpus.load("en")["phrases"]
    kinds = {row["kind"] for row in rows}

    assert len(rows) >= 200
    assert {row["level"] for row in rows} == set(Level.values)
    assert {"recovery", "idiom", "negation", "advice"} <= kinds


def test_recall_and_false_positives_meet_the_targets():
    scores = corpus.evaluate(classifier_for("en"))
    # The issue asks for the scores in the test output (pytest -s shows them).
    print(f"\nSafety classifier on the labelled corpus: {scores}")  # noqa: T201
    for text, expected, found in scores.misses:
        print(f"  miss: {text!r} expected {expected}, found {found}")  # noqa: T201

    assert scores.crisis_recall >= corpus.RECALL_TARGET
    assert scores.emergency_recall >= corpus.RECALL_TARGET
    assert scores.false_positive_rate <= corpus.FALSE_POSITIVE_LIMIT
    assert scores.problems() == []
