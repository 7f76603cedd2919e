"""An article shaped like the seed's knee osteotomy, with every section filled."""

import datetime

from articles.models import Article
from tests.factories import make_article, make_body_part

CARE_INSTRUCTIONS = [
    "Keep the wound clean and dry.",
    "Use crutches as your physiotherapist showed you.",
    "Do the exercises you were given, every day.",
    "Keep your leg raised when sitting, to reduce swelling.",
    "Put ice packs on the knee for 20 minutes at a time.",
    "Do not drive until your surgeon says you may.",
    "Go to every follow-up appointment.",
]
WARNING_SIGNS = [
    ("Pain, swelling, redness, drainage or bleeding increases", "pain, swelling, redness"),
    ("You have a fever", "fever, temperature"),
]


def make_osteotomy(**fields) -> Article:
    fields.setdefault("body_part", make_body_part(name="Knee", slug="knee"))
    defaults = {
        "title": "Knee osteotomy",
        "slug": "knee-osteotomy",
        "other_names": "Bone realignment\nHigh tibial osteotomy",
        "specialist": "Orthopedic surgeon",
        "summary": "Knee osteotomy **reshapes** a leg bone to take weight off a worn part.",
        "why_done": "To relieve arthritis pain on one side of the knee.",
        "description": "The surgeon cuts the shin bone and opens or closes a wedge.",
        "hospital_stay_min_days": 1,
        "hospital_stay_max_days": 4,
        "home_recovery_min_weeks": 4,
        "home_recovery_max_weeks": 12,
        "home_recovery_note": "depending on surgery",
        "restrictions": "Avoid running and jumping.",
        "restriction_min_months": 9,
        "restriction_max_months": 12,
        "risks": "Infection, and failure of the bone to heal.",
        "medicines": "Prescription and non-prescription painkillers.",
        "sources": "National guidance on knee surgery.",
        "reviewer_name": "Dr. A. Reviewer",
        "reviewer_credentials": "FRCS (Orth)",
        "last_reviewed_on": datetime.date(2001, 10, 26),
        "next_review_due_on": datetime.date(2002, 10, 26),
        "is_featured": True,
        "is_demo": True,
        "care_instructions": CARE_INSTRUCTIONS,
        "warning_signs": WARNING_SIGNS,
    }
    return make_article(**{**defaults, **fields})
