"""The safety prompt's word matching and the contact-details check."""

import pytest

from blogs.safety import check_text, find_contact_details
from tests.factories import make_article


@pytest.mark.parametrize(
    "text",
    ["mail me: jo.smith+knee@example.co.uk", "call 07700 900123", "ring +44 (0)161 496 0000"],
)
def test_contact_details_are_found(text):
    assert find_contact_details(text)


@pytest.mark.parametrize(
    "text",
    ["Day 12 after surgery", "on 2024-01-15 I walked 3000 steps", "90 degrees at week 6"],
)
def test_ordinary_numbers_are_not_contact_details(text):
    assert find_contact_details(text) == []


@pytest.mark.django_db
def test_article_warning_signs_match_whole_words_only():
    article = make_article(warning_signs=[("Redness around the wound", "redness, red")])

    assert check_text("the wound is red today", article=article).warning_signs
    assert not check_text("I read a book", article=article).needs_prompt
    assert not check_text("Fred visited", article=article).needs_prompt


def test_general_emergency_words_apply_without_an_article():
    check = check_text("Sudden CHEST PAIN and short of breath")

    assert check.emergency_words == ["chest pain", "short of breath"]
    assert "chest pain" in check.flag_note()
