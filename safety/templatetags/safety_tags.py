from django import template

from safety import notices
from safety.classifier import SafetyResult
from safety.levels import URGENT
from safety.lines import lines_for

register = template.Library()


def _notice(request, result: SafetyResult | None, after: bool) -> dict:
    result = result or SafetyResult()
    lines = lines_for(request) if result.level == "crisis" else ()
    return {"result": result, "after": after, "lines": lines}


@register.inclusion_tag("safety/notice.html", takes_context=True)
def safety_notice(context, result: SafetyResult | None, after: bool = False):
    """The one notice for a safety result, by level; `after`: the text is already posted.
    A crisis notice lists the lines of the page's language for the reader's country."""
    return _notice(context.get("request"), result, after)


@register.inclusion_tag("safety/notice.html", takes_context=True)
def posted_safety_notice(context):
    """The notice for what the member just posted, once, at the top of the next page."""
    request = context.get("request")
    result = notices.pop(request) if request is not None else None
    return _notice(request, result, after=True) | {"anchor": result is not None}


@register.inclusion_tag("safety/banner.html")
def safety_banner(level: str):
    """For readers, on content classified crisis or emergency: where to find help."""
    return {"show": level in URGENT}
