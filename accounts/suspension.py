"""What a suspended member is told: when they sign in and whenever they try to post."""

import datetime

from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

# An indefinite suspension ends at this date: until a moderator lifts it.
INDEFINITE = datetime.datetime(9000, 1, 1, tzinfo=datetime.UTC)


def suspension_notice(user) -> str:
    """Why and until when the member is suspended, or "" when they are not."""
    if not user.is_suspended:
        return ""
    reason = user.suspension_reason or gettext("No reason was given.")
    if user.suspended_until >= INDEFINITE:
        return gettext(
            "Your account is suspended until a moderator lifts it. Reason: %(reason)s"
        ) % {"reason": reason}
    until = date_format(timezone.localtime(user.suspended_until), "DATETIME_FORMAT")
    return gettext("Your account is suspended until %(date)s. Reason: %(reason)s") % {
        "date": until,
        "reason": reason,
    }


def tell_on_login(sender, request, user, **kwargs) -> None:
    """`user_logged_in` receiver: the member learns of a suspension as soon as they sign in."""
    notice = suspension_notice(user)
    if notice:
        notice = f"{notice} {gettext('You can still read the site.')}"
        messages.warning(request, notice, fail_silently=True)
