"""The shared text checks behind the forums' and blogs' safety prompts."""

from types import SimpleNamespace

from core import safety


def test_mentions_whole_words_only_and_ignores_case_and_curly_quotes():
    assert safety.mentions("I have a Fever tonight", "fever")
    assert not safety.mentions("feverfew tea", "fever")
    assert safety.mentions("I can\u2019t breathe", "can't breathe")


def test_warning_signs_are_matched_by_their_keywords():
    fever = SimpleNamespace(text="Fever", keyword_list=["fever", "temperature"])
    drainage = SimpleNamespace(text="Drainage", keyword_list=["pus", "drainage"])

    found = safety.signs_mentioned("My temperature is 39", [fever, drainage])

    assert found == [(fever, ["temperature"])]


def test_emergency_words_are_found_anywhere():
    assert safety.emergency_words("Sudden chest pain and my calf pain") == [
        "chest pain",
        "calf pain",
    ]


def test_contact_details_find_emails_and_phones_but_not_dates():
    text = "Mail jo@example.org or ring +44 20 7946 0958. Surgery was 2024-01-15."

    assert safety.contact_details(text) == ["jo@example.org", "+44 20 7946 0958"]
