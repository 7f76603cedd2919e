from django import template
from django.db.models import prefetch_related_objects
from django.utils.translation import ngettext

register = template.Library()


@register.inclusion_tag("articles/includes/illustrations.html")
def illustrations(article, section: str):
    """The article's pictures placed at the end of `section`: one query for the whole
    article, however many sections ask."""
    prefetch_related_objects([article], "illustrations")
    return {"pictures": [item for item in article.illustrations.all() if item.section == section]}


# unit -> (exact, range, at most): the wording of a stay or recovery time.
DURATIONS = {
    "days": (
        lambda n: ngettext("%(high)s day", "%(high)s days", n),
        lambda n: ngettext("%(low)s–%(high)s day", "%(low)s–%(high)s days", n),
        lambda n: ngettext("up to %(high)s day", "up to %(high)s days", n),
    ),
    "weeks": (
        lambda n: ngettext("%(high)s week", "%(high)s weeks", n),
        lambda n: ngettext("%(low)s–%(high)s week", "%(low)s–%(high)s weeks", n),
        lambda n: ngettext("up to %(high)s week", "up to %(high)s weeks", n),
    ),
    "months": (
        lambda n: ngettext("up to %(high)s month", "up to %(high)s months", n),
        lambda n: ngettext("up to %(low)s–%(high)s month", "up to %(low)s–%(high)s months", n),
        lambda n: ngettext("up to %(high)s month", "up to %(high)s months", n),
    ),
}


@register.simple_tag
def duration(low: int | None, high: int, unit: str) -> str:
    """1, 4, "days" -> "1–4 days"; 3, 3 -> "3 days"; None, 6, "weeks" -> "up to 6 weeks".
    Restrictions ("months") last at most that long: "up to 9–12 months"."""
    exact, between, at_most = DURATIONS[unit]
    if low is None:
        wording = at_most
    elif low == high:
        wording = exact
    else:
        wording = between
    return wording(high) % {"low": low, "high": high}
