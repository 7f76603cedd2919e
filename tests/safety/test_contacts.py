"""Contact details ("this will be public"): emails and phones, never dates; linear time."""

import time

import pytest

from safety.contacts import contact_details


@pytest.mark.parametrize(
    "text",
    ["mail me at jo.bloggs@example.com", "call 07700 900123", "ring +44 (0)20 7946 0958",
     "mail me: jo.smith+knee@example.co.uk", "ring +44 (0)161 496 0000"],
)  # fmt: skip
def test_contact_details_are_found(text):
    assert contact_details(text)


@pytest.mark.parametrize(
    "text",
    ["I walked 5000 steps", "Day 12 after surgery, 2018-07-16", "on 2024-01-15 I walked 3000",
     "90 degrees at week 6"],
)  # fmt: skip
def test_ordinary_numbers_are_not_contact_details(text):
    assert contact_details(f"{text}, call 07700 900123")
    assert contact_details(text) == []


def test_emails_and_phones_but_not_dates():
    text = "Mail jo@example.org or ring +44 20 7946 0958. Surgery was 2024-01-15."

    assert contact_details(text) == ["jo@example.org", "+44 20 7946 0958"]


ADVERSARIAL = ["a" * 100_000, "a@" * 50_000, "1 " * 50_000, "1" * 100_000, "a." * 50_000,
               "a@b." * 25_000, "@" * 100_000, "1-" * 50_000, "x@x" + ".x" * 49_998]  # fmt: skip


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda text: repr(text[:6]))
def test_100_kb_of_adversarial_input_takes_under_50_ms(text):
    """Best of five runs, so a busy machine does not fail a linear pattern."""
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        contact_details(text)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.05
