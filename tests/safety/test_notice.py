"""The one notice renderer: one notice per level, marked with data-safety-level."""

import pytest
from django.template import Context, Template

from safety.checks import classify
from safety.classifier import SafetyResult

pytestmark = pytest.mark.django_db
NOTICE = Template("{% load safety_tags %}{% safety_notice result after=after %}")


def render(result, after=False) -> str:
    return NOTICE.render(Context({"result": result, "after": after}))


def test_crisis_notice_is_warm_with_the_crisis_lines_and_no_surgical_advice():
    html = render(classify("I don't want to live anymore"))

    assert 'data-safety-level="crisis"' in html
    assert "You are not alone" in html
    assert 'href="tel:988"' in html and "text 988" in html
    assert "Samaritans" in html and "116 123" in html
    assert "surgeon" not in html.lower()


def test_emergency_notice_says_call_the_emergency_number_first_with_the_reason():
    html = render(classify("crushing chest pain and I'm short of breath"))

    assert 'data-safety-level="emergency"' in html
    first_text = html.split("</p>")[0]
    assert "Call your local emergency number now" in first_text
    assert "blood clot in the lung" in html


def test_sign_notice_lists_the_signs_once_and_says_contact_your_surgeons_team_today():
    result = SafetyResult(level="sign", signs=("Fever or chills", "Drainage from the wound"))

    html = render(result, after=True)

    assert 'data-safety-level="sign"' in html
    assert html.count("<li>") == 2
    assert "Contact your surgeon's team today" in html
    assert "Your post is published" in html


def test_no_notice_is_still_marked_while_typing_and_absent_after_posting():
    assert 'data-safety-level="none"' in render(SafetyResult())
    assert "data-safety-level" not in render(SafetyResult(), after=True)
