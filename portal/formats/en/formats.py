"""How dates read in English on the site (core_tags.when): "30 Nov 2026" in the text (with
the time: "30 Nov 2026, 14:05 UTC", the zone named since members choose theirs), the full
date and time with its time zone in the tooltip. Other languages bring their own module
(portal/formats/<lang>/formats.py) or fall back to Django's."""

DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i T"
DATETIME_FORMAT = "l j F Y, H:i T"
