"""Members' time zones: the IANA names Python knows (`zoneinfo`), one chosen in Settings
(filled in from the browser at sign-up and on the Settings page while none is chosen),
and activated for each of the member's requests, so every time is shown as their clock
reads it. Visitors and members without one see the site's TIME_ZONE."""

import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


@functools.cache
def available_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(available_time_zones())]


def validate_time_zone(value: str) -> None:
    if value and value not in available_time_zones():
        raise ValidationError(
            _("“%(value)s” is not a time zone we know. Please choose one from the list."),
            code="unknown_time_zone",
            params={"value": value[:64]},
        )


class MemberTimeZoneMiddleware:
    """Activate the signed-in member's time zone for this request (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = getattr(request.user, "time_zone", "") if request.user.is_authenticated else ""
        if name in available_time_zones():
            timezone.activate(zoneinfo.ZoneInfo(name))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
