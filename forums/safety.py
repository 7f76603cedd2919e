"""Checks on a post's text before and after it is published; they never block posting.

- Warning signs: words from the "see your doctor if" signs of the procedure articles a
  thread is about, plus general emergency words, bring up a calm notice.
- Contact details: emails and phone numbers prompt "this will be public".
"""

from dataclasses import dataclass, field

from articles.models import WarningSign
from core.safety import EMERGENCY_ADVICE as EMERGENCY_NOTICE
from core.safety import contact_details, emergency_words, signs_mentioned

__all__ = ["EMERGENCY_NOTICE", "SafetyCheck", "check_safety", "contact_details"]


@dataclass
class SafetyCheck:
    signs: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.signs or self.words)

    def note(self) -> str:
        return "Mentions: " + ", ".join(self.words) if self.words else "Mentions warning signs"


def check_safety(text: str, article_ids) -> SafetyCheck:
    """Which warning signs (of these articles) and emergency words the text mentions."""
    result = SafetyCheck()
    signs = WarningSign.objects.filter(article_id__in=list(article_ids)).exclude(keywords="")
    for sign, words in signs_mentioned(text, signs):
        result.words.extend(word for word in words if word not in result.words)
        if sign.text not in result.signs:
            result.signs.append(sign.text)
    result.words.extend(word for word in emergency_words(text) if word not in result.words)
    return result
