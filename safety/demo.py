"""Demo reviewers for the safety wording of each language: plainly marked as demo content,
so the crisis page shows where a real clinician's name belongs and never claims a review
that did not happen."""

import datetime

from safety.models import SafetyReview

DEMO_REVIEWERS = {
    "en": "Demo content: not medically reviewed",
    "es": "Contenido de demostración: sin revisión médica",
}
DEMO_DATE = datetime.date(2026, 11, 20)


def load(*, stdout) -> None:
    for language, name in DEMO_REVIEWERS.items():
        SafetyReview.objects.get_or_create(
            language=language,
            defaults={"reviewer_name": name, "last_reviewed_on": DEMO_DATE},
        )
    stdout.write(f"Safety reviews: {len(DEMO_REVIEWERS)} (demo, not medical reviews).")
