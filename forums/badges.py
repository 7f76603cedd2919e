"""Recovery badges in words: "Day 5 after ACL reconstruction", in the active language.

A badge is stored as data (the procedure and the day after surgery, `Post.recovery_*`) and
put into words only when a page shows it, so each reader sees it in their own language.
"""

import datetime

from django.utils.translation import gettext, ngettext

# Past these days after surgery, a badge counts in months, then in years.
DAYS_SHOWN_AS_DAYS = 120
DAYS_SHOWN_AS_MONTHS = 730


def describe_day(days: int, procedure: str) -> str:
    """`days` after the surgery (negative: before it), in the active language."""
    if days < 0:
        return ngettext(
            "%(count)d day before %(procedure)s",
            "%(count)d days before %(procedure)s",
            -days,
        ) % {"count": -days, "procedure": procedure}
    if days < DAYS_SHOWN_AS_DAYS:
        text = gettext("Day %(number)d after %(procedure)s")
        number = days
    elif days < DAYS_SHOWN_AS_MONTHS:
        text = gettext("Month %(number)d after %(procedure)s")
        number = days // 30
    else:
        text = gettext("Year %(number)d after %(procedure)s")
        number = days // 365
    return text % {"number": number, "procedure": procedure}


def describe_interval(surgery_date: datetime.date, on: datetime.date, procedure: str) -> str:
    return describe_day((on - surgery_date).days, procedure)
