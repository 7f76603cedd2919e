"""What a moderation log entry's note says, in the reader's language (the pattern of
accounts.notification_text): the code stores facts in `params`, a sentence per fact is
worded when a moderator reads the log, then comes the note the moderator wrote, as written.

The facts: `source` (where the action was taken: one of SOURCES), `reason` (the report's,
Report.Reason), `outcome` (a safety flag's acknowledgement, Report.Acknowledgement), `from`
and `to` (the forums a thread moved between), `hero` and `published` (an approved
nomination), `duplicate_of` and `duplicate` (the earlier nomination's number and name).
"""

from django.db.models import TextChoices
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SOURCES = {
    "admin": _("From the admin."),
    "report": _("From a report."),
    "forum_page": _("From the forum's page."),
    "nomination_queue": _("From the nomination queue."),
}
# What callers pass as `params` to say where an action came from.
FROM_ADMIN = {"source": "admin"}
FROM_REPORT = {"source": "report"}
FROM_FORUM_PAGE = {"source": "forum_page"}
FROM_NOMINATION_QUEUE = {"source": "nomination_queue"}


def _label(choices: type[TextChoices], code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return code


def _facts(params: dict, reasons: type[TextChoices], outcomes: type[TextChoices]) -> list[str]:
    said = []
    if params.get("source") in SOURCES:
        said.append(str(SOURCES[params["source"]]))
    if "reason" in params:
        reason = _label(reasons, params["reason"])
        said.append(gettext("Reported: %(reason)s.") % {"reason": reason})
    if "outcome" in params:
        said.append(_label(outcomes, params["outcome"]) + ".")
    if "from" in params and "to" in params:
        said.append(gettext("Moved from %(from)s to %(to)s.") % params)
    if "hero" in params:
        sentence = (
            gettext("Hero: %(name)s (published).")
            if params.get("published")
            else (gettext("Hero: %(name)s."))
        )
        said.append(sentence % {"name": params["hero"]})
    if "duplicate_of" in params:
        said.append(
            gettext("Duplicate of #%(number)s (%(name)s).")
            % {"number": params["duplicate_of"], "name": params.get("duplicate", "")}
        )
    return said


def render(
    params: dict, note: str, *, reasons: type[TextChoices], outcomes: type[TextChoices]
) -> str:
    """An entry's facts, then the moderator's own note (`reasons` and `outcomes`: the
    report's reasons and a flag's acknowledgements, moderation.models.Report)."""
    return " ".join([*_facts(params or {}, reasons, outcomes), *([note] if note else [])])
