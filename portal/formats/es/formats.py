"""How dates read in Spanish on the site (core_tags.when): "3 de marzo de 2026" in the text
(with the time: "3 de marzo de 2026, 14:05 UTC"), the full date and time with its time zone
in the tooltip ("martes 3 de marzo de 2026, 14:05 UTC"). Month and day names come from
Django's own Spanish catalogue; numbers as Spain writes them (1.234,5)."""

DATE_FORMAT = r"j \d\e F \d\e Y"
SHORT_DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i T"
DATETIME_FORMAT = r"l j \d\e F \d\e Y, H:i T"
TIME_FORMAT = "H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
