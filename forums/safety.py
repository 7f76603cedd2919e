"""Checks on a post's text before and after it is published; they never block posting.

- Warning signs: words from the "see your doctor if" signs of the procedure articles a
  thread is about, plus general emergency words, bring up a calm notice.
- Contact details: emails and phone numbers prompt "this will be public".
"""

import re
from dataclasses import dataclass, field

from articles.models import WarningSign

EMERGENCY_WORDS = (
    "chest pain", "can't breathe", "cannot breathe", "can not breathe", "cant breathe",
    "short of breath", "shortness of breath", "struggling to breathe", "suicide", "suicidal",
    "kill myself", "end my life", "overdose", "overdosed", "unconscious", "passed out",
    "coughing up blood", "coughing blood", "stroke", "seizure", "severe bleeding",
    "won't stop bleeding", "calf pain", "swollen calf", "blood clot",
)  # fmt: skip

EMERGENCY_NOTICE = (
    "contact your surgeon or urgent care; in an emergency call your local emergency number"
)

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Seven or more digits, optionally separated by spaces, dots, dashes or parentheses.
PHONE_PATTERN = re.compile(r"(?<![\w/])\+?\(?\d(?:[\s.()-]{0,2}\d){6,}(?![\w/])")
DATE_PATTERN = re.compile(r"^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$")


@dataclass
class SafetyCheck:
    signs: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.signs or self.words)

    def note(self) -> str:
        return "Mentions: " + ", ".join(self.words) if self.words else "Mentions warning signs"


def _mentions(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def _normalise(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def check_safety(text: str, article_ids) -> SafetyCheck:
    """Which warning signs (of these articles) and emergency words the text mentions."""
    lowered = _normalise(text)
    result = SafetyCheck()
    signs = WarningSign.objects.filter(article_id__in=list(article_ids)).exclude(keywords="")
    for sign in signs:
        matched = [word for word in sign.keyword_list if _mentions(lowered, word)]
        if matched:
            result.words.extend(word for word in matched if word not in result.words)
            if sign.text not in result.signs:
                result.signs.append(sign.text)
    emergency = [word for word in EMERGENCY_WORDS if _mentions(lowered, word)]
    result.words.extend(word for word in emergency if word not in result.words)
    return result


def contact_details(text: str) -> list[str]:
    """Email addresses and phone numbers found in the text."""
    found = [match.group(0) for match in EMAIL_PATTERN.finditer(text)]
    phones = (match.group(0).strip() for match in PHONE_PATTERN.finditer(text))
    found += [phone for phone in phones if not DATE_PATTERN.match(phone)]
    return found
