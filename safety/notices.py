"""The notice after posting: kept in the session by the view that saved the text, shown
once at the top of the next page (base.html's {% posted_safety_notice %})."""

from django.shortcuts import redirect

from safety.classifier import SafetyResult

SESSION_KEY = "safety_notice"


def redirect_with_notice(request, result: SafetyResult, url: str):
    """Go to `url`; with a notice to show, to the notice at the top of that page."""
    if not result.needs_notice:
        return redirect(url)
    request.session[SESSION_KEY] = result.as_dict()
    return redirect(url.split("#")[0] + "#safety-notice")


def pop(request) -> SafetyResult | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or SESSION_KEY not in request.session:
        return None
    return SafetyResult(**request.session.pop(SESSION_KEY))
