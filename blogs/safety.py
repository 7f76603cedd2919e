"""The safety prompt and the contact-details check for blog posts and comments.

A post that mentions a linked procedure's warning signs ("see your doctor if": fever,
drainage…) or general emergency words gets a calm notice for its author, before posting
(in the live preview) and after, and an automatic flag for a moderator's look. It never
blocks posting. Emails and phone numbers prompt "this will be public" before publishing.

(Written for blogs; the forums may carry the same checker, to be shared later.)
"""

import re
from dataclasses import dataclass, field

EMERGENCY_WORDS = (
    "chest pain", "can't breathe", "cannot breathe", "short of breath", "shortness of breath",
    "coughing blood", "coughing up blood", "blood clot", "unconscious", "fainted", "collapsed",
    "suicide", "suicidal", "kill myself", "end my life", "overdose", "severe bleeding",
    "won't stop bleeding", "sepsis",
)  # fmt: skip
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])\+?\d[\d\s().-]{6,}\d(?![\w/])")
ADVICE = (
    "If this is happening to you now, please contact your surgeon or urgent care; "
    "in an emergency call your local emergency number."
)


@dataclass
class SafetyCheck:
    warning_signs: list[str] = field(default_factory=list)
    emergency_words: list[str] = field(default_factory=list)
    contact_details: list[str] = field(default_factory=list)

    @property
    def needs_prompt(self) -> bool:
        return bool(self.warning_signs or self.emergency_words)

    @property
    def mentions(self) -> str:
        """What the notice names ("fever or chills; chest pain"), without end stops."""
        return "; ".join(item.rstrip(". ") for item in self.warning_signs + self.emergency_words)

    def flag_note(self) -> str:
        return f"Mentions: {self.mentions}"[:500]


def _mentions(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def check_text(text: str, *, article=None) -> SafetyCheck:
    """What the author should be told about this text. `article` is a procedure whose
    warning signs (with `keyword_list`) apply; its warning_signs are read once."""
    result = SafetyCheck()
    if article is not None:
        for sign in article.warning_signs.all():
            if any(_mentions(text, word) for word in sign.keyword_list):
                result.warning_signs.append(sign.text)
    result.emergency_words = [word for word in EMERGENCY_WORDS if _mentions(text, word)]
    result.contact_details = find_contact_details(text)
    return result


def find_contact_details(text: str) -> list[str]:
    found = EMAIL.findall(text)
    found += [match.strip() for match in PHONE.findall(text) if _digit_count(match) >= 9]
    return found


def _digit_count(value: str) -> int:
    return sum(character.isdigit() for character in value)
