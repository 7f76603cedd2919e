"""The safety prompt and the contact-details check for blog posts and comments.

A post that mentions a linked procedure's warning signs ("see your doctor if": fever,
drainage…) or general emergency words gets a calm notice for its author, before posting
(in the live preview) and after, and an automatic flag for a moderator's look. It never
blocks posting. Emails and phone numbers prompt "this will be public" before publishing.

The word lists and patterns are shared with the forums: `core/safety.py`.
"""

from dataclasses import dataclass, field

from core.safety import EMERGENCY_ADVICE, emergency_words, signs_mentioned
from core.safety import contact_details as find_contact_details

__all__ = ["ADVICE", "SafetyCheck", "check_text", "find_contact_details"]

ADVICE = f"If this is happening to you now, please {EMERGENCY_ADVICE}."


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


def check_text(text: str, *, article=None) -> SafetyCheck:
    """What the author should be told about this text. `article` is a procedure whose
    warning signs (with `keyword_list`) apply; its warning_signs are read once."""
    result = SafetyCheck()
    if article is not None:
        signs = signs_mentioned(text, article.warning_signs.all())
        result.warning_signs = [sign.text for sign, _words in signs]
    result.emergency_words = emergency_words(text)
    result.contact_details = find_contact_details(text)
    return result
