"""Text checks every kind of member writing shares (forum posts, blog posts, comments).

They never block posting: the apps show a calm notice and flag the item for a moderator.
- Warning signs: a procedure's "see your doctor if" signs carry keywords (fever, drainage…);
  general emergency words apply everywhere.
- Contact details: email addresses and phone numbers prompt "this will be public".
"""

import re
from collections.abc import Iterable

EMERGENCY_WORDS = (
    "chest pain", "can't breathe", "cannot breathe", "can not breathe", "cant breathe",
    "short of breath", "shortness of breath", "struggling to breathe", "suicide", "suicidal",
    "kill myself", "end my life", "overdose", "overdosed", "unconscious", "passed out",
    "fainted", "collapsed", "coughing up blood", "coughing blood", "stroke", "seizure",
    "severe bleeding", "won't stop bleeding", "calf pain", "swollen calf", "blood clot",
    "sepsis",
)  # fmt: skip
EMERGENCY_ADVICE = (
    "contact your surgeon or urgent care; in an emergency call your local emergency number"
)

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, optionally separated by spaces, dots, dashes or parentheses.
PHONE_PATTERN = re.compile(r"(?<![\w/])\+?\(?\d(?:[\s.()-]{0,2}\d){6,}(?![\w/])")
DATE_PATTERN = re.compile(r"^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$")


def normalise(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def mentions(text: str, phrase: str) -> bool:
    """Whole-word, case-insensitive: "fever" is in "a fever", not in "feverfew"."""
    return re.search(rf"(?<!\w){re.escape(normalise(phrase))}(?!\w)", normalise(text)) is not None


def emergency_words(text: str) -> list[str]:
    return [word for word in EMERGENCY_WORDS if mentions(text, word)]


def signs_mentioned(text: str, signs: Iterable) -> list[tuple[object, list[str]]]:
    """(sign, the sign's keywords the text mentions) for each warning sign it mentions.
    A sign is anything with `keyword_list` (articles' WarningSign)."""
    found = []
    for sign in signs:
        words = [word for word in sign.keyword_list if mentions(text, word)]
        if words:
            found.append((sign, words))
    return found


def contact_details(text: str) -> list[str]:
    """Email addresses and phone numbers found in the text (dates are not phone numbers)."""
    found = [match.group(0) for match in EMAIL_PATTERN.finditer(text)]
    phones = (match.group(0).strip() for match in PHONE_PATTERN.finditer(text))
    return found + [phone for phone in phones if not DATE_PATTERN.match(phone)]
