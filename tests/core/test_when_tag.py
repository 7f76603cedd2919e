"""`{% when %}`: one way to show a date to people, with the instant and the full date and
time for machines and tooltips."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

INSTANT = datetime.datetime(2026, 11, 30, 14, 5, tzinfo=datetime.UTC)


def render(source: str, **context) -> str:
    return Template("{% load core_tags %}" + source).render(Context(context))


def test_a_datetime_shows_the_date_with_the_instant_and_the_full_date_in_a_tooltip():
    html = render("{% when value %}", value=INSTANT)

    assert html == (
        '<time datetime="2026-11-30T14:05:00+00:00" '
        'title="Monday 30 November 2026, 14:05 UTC">30 Nov 2026</time>'
    )


def test_time_true_adds_the_time_of_day_to_the_text():
    html = render("{% when value time=True %}", value=INSTANT)

    assert ">30 Nov 2026, 14:05 UTC</time>" in html
    assert 'datetime="2026-11-30T14:05:00+00:00"' in html


def test_the_current_time_zone_is_used_and_named():
    with timezone.override(zoneinfo.ZoneInfo("Pacific/Auckland")):
        html = render("{% when value time=True %}", value=INSTANT)

    assert 'datetime="2026-12-01T03:05:00+13:00"' in html  # the next day there
    assert 'title="Tuesday 1 December 2026, 03:05 NZDT"' in html
    assert ">1 Dec 2026, 03:05 NZDT</time>" in html


def test_a_plain_date_has_no_time_and_no_tooltip():
    html = render("{% when value %}", value=datetime.date(2026, 3, 9))

    assert html == '<time datetime="2026-03-09">9 Mar 2026</time>'


@pytest.mark.parametrize("value", [None, ""])
def test_nothing_renders_nothing(value):
    assert render("[{% when value %}]", value=value) == "[]"


def test_the_wording_comes_from_the_language_formats():
    """Django's named formats: another language reads its own way (the languages issue)."""
    with translation.override("de"):
        html = render("{% when value %}", value=INSTANT)

    assert ">30. November 2026</time>" in html
