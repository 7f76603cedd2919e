"""Factories for heroes and nominations (plain functions, like tests/factories.py)."""

import itertools
import uuid

from heroes.models import STORY_MIN_LENGTH, Hero, Nomination
from tests.factories import make_user

_counter = itertools.count(1)
STORY = ("She explained every step of the operation and called me the evening after. " * 4)[
    : STORY_MIN_LENGTH + 60
]


def make_hero(**fields) -> Hero:
    n = next(_counter)
    procedures = fields.pop("procedures", ())
    fields.setdefault("honorific", "Dr.")
    fields.setdefault("name", f"Hero Surgeon{n}")
    fields.setdefault("slug", f"hero-{n}")
    fields.setdefault("specialty", "Orthopaedic surgery")
    fields.setdefault("status", Hero.Status.PUBLISHED)
    hero = Hero.objects.create(**fields)
    if procedures:
        hero.procedures.set(procedures)
    return hero


def make_nomination(**fields) -> Nomination:
    if "nominator" not in fields:
        fields["nominator"] = make_user()
    if "hero" not in fields and not fields.get("surgeon_name"):
        fields["hero"] = make_hero()
    fields.setdefault("relationship", Nomination.Relationship.PATIENT)
    fields.setdefault("story", STORY)
    fields.setdefault("consent_to_policy", True)
    fields.setdefault("form_token", uuid.uuid4())
    return Nomination.objects.create(**fields)


def nomination_data(**overrides) -> dict:
    """POST data for the nomination form (a new surgeon unless `hero` is given)."""
    data = {
        "surgeon_name": "Dr. Jane Newname",
        "surgeon_specialty": "Knee surgery",
        "surgeon_practice": "City Hospital",
        "surgeon_city": "Springfield",
        "relationship": "patient",
        "story": STORY,
        "may_publish_story": "on",
        "consent_to_policy": "on",
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
