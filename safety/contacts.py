"""Contact details in member text (emails, phone numbers): "this will be public".

Every pattern is bounded, so a search over 100 kB of hostile text stays linear: a start
position is only tried after a non-word character, and each repetition has a ceiling.
"""

import re

# The first character class comes before the look-behind (which checks the character
# before it), so the regex engine can skip the characters no address starts with.
EMAIL_PATTERN = re.compile(r"[\w.+-](?<![\w.+-].)[\w.+-]{0,63}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
# 7 to 15 digits, optionally separated by spaces, dots, dashes or parentheses.
PHONE_PATTERN = re.compile(r"(?<![\w/+(])\+?\(?\d(?:[ .()-]{0,2}\d){6,14}(?![\w/])")
DATE_PATTERN = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")


def contact_details(text: str) -> list[str]:
    """Email addresses and phone numbers found in the text (dates are not phone numbers)."""
    found = [match.group(0) for match in EMAIL_PATTERN.finditer(text)] if "@" in text else []
    if sum(map(text.count, "0123456789")) < 7:
        return found  # no room for a phone number: skip the scan
    phones = (match.group(0).strip() for match in PHONE_PATTERN.finditer(text))
    return found + [phone for phone in phones if not DATE_PATTERN.fullmatch(phone)]
