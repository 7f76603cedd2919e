"""Classify member text: crisis beats emergency beats a warning sign beats none.

`Classifier` is pure Python over one language's rules (safety.rules); `Classifiers` runs
several languages' classifiers over the same text and keeps the most urgent answer, because
a Spanish speaker may write on an English page and the other way round.
`safety.checks.classify` gives them the phrases saved in the database.
"""

from dataclasses import dataclass, field

from safety.contacts import contact_details
from safety.levels import RANK, URGENT, Level
from safety.rules import PhraseError, Rule, RuleIndex, is_negated, parse
from safety.text import split_words, text_rules

EXEMPTING = ("advice", "idiom")
SIGN_STOPWORDS = frozenset(
    {"a", "an", "the", "or", "and", "of", "your", "you", "have", "has", "any", "if", "new"}
)


@dataclass(frozen=True)
class SafetyResult:
    """What the author should be told, and what a moderator should see in the flag."""

    level: str = Level.NONE
    phrases: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # whose phrases found the level (crisis, emergency)

    @property
    def needs_notice(self) -> bool:
        return self.level != Level.NONE

    def as_dict(self) -> dict:
        """For the session (the notice shown after posting); SafetyResult(**d) reads it."""
        return {name: list(value) if isinstance(value, tuple) else str(value)
                for name, value in self.__dict__.items()}  # fmt: skip

    def note(self) -> str:
        """For the moderators' flag: what matched (never the whole text), and which language's
        phrases found it when not English: "(es) quiero morir*". Data in no language, so each
        moderator reads it under a heading in theirs; the flag carries its level."""
        found = self.phrases if self.level in URGENT else self.signs
        languages = f"({', '.join(self.languages)}) " if set(self.languages) - {"en"} else ""
        return f"{languages}{'; '.join(found)}"[:500]


@dataclass(frozen=True)
class Sign:
    """A procedure's "see your doctor if" sign as the classifier needs it."""

    text: str
    keywords: tuple[str, ...] = field(default=())


class Classifier:
    def __init__(self, rules, language: str = "en", other_exempting=()):
        """`other_exempting`: other languages' advice and idioms, parsed in this language,
        so that "if you ever feel suicidal, call..." stays advice for every language's
        phrases."""
        self.rules = list(rules)
        self.language = language
        self.text_rules = text_rules(language)
        self.risk = RuleIndex(rule for rule in self.rules if rule.level in URGENT)
        exempting = [rule for rule in self.rules if rule.level in EXEMPTING]
        self.exempting = RuleIndex(exempting + list(other_exempting))

    def classify(self, text: str, warning_signs=()) -> SafetyResult:
        words = split_words(text, self.text_rules)
        spans = self._exempt_spans(words)
        found = self._counted(words, self.risk.matches(words), spans)
        signs = self._signs(words, warning_signs, spans)
        crisis = [rule for rule in found if rule.level == Level.CRISIS]
        emergency = [rule for rule in found if rule.level == Level.EMERGENCY]
        if crisis:
            level, rules = Level.CRISIS, crisis
        elif emergency:
            level, rules = Level.EMERGENCY, emergency
        else:
            level, rules = (Level.SIGN if signs else Level.NONE), []
        return SafetyResult(
            level=level,
            phrases=_unique(rule.phrase for rule in rules),
            reasons=_unique(rule.reason for rule in rules if rule.reason),
            signs=signs,
            contacts=tuple(contact_details(text)),
            languages=(self.language,) if rules else (),
        )

    def _exempt_spans(self, words) -> list[tuple[str, int, int]]:
        spans = []
        for match in self.exempting.matches(words):
            if match.rule.level == "advice" and any(
                words.words[i] in words.rules.first_person for i in range(match.start, match.end)
            ):
                continue  # "if you knew how much I..." is not advice
            spans.append((match.rule.level, match.start, match.end))
        return spans

    def _counted(self, words, matches, spans) -> list[Rule]:
        """Rules with every part matched at least once, not negated and not exempted."""
        parts_found: dict[Rule, set[int]] = {}
        for match in matches:
            part = match.rule.parts[match.part]
            if is_negated(words, match.start, match.end, match.rule.own_stems(part)):
                continue
            if any(_exempts(span, match) for span in spans):
                continue
            parts_found.setdefault(match.rule, set()).add(match.part)
        return [rule for rule, parts in parts_found.items() if len(parts) == len(rule.parts)]

    def _signs(self, words, warning_signs, spans) -> tuple[str, ...]:
        rules = [
            rule
            for sign in _deduplicated(warning_signs, self.text_rules)
            for rule in _sign_rules(sign, self.language)
        ]
        found = self._counted(words, RuleIndex(rules).matches(words), spans)
        return _unique(rule.reason for rule in found)


class Classifiers:
    """Several languages' classifiers, the page's language first: the most urgent level any
    of them finds, with the phrases and reasons of the languages that found it, and the
    warning signs any of them found."""

    def __init__(self, classifiers):
        self.classifiers = list(classifiers)

    def classify(self, text: str, warning_signs=()) -> SafetyResult:
        results = [classifier.classify(text, warning_signs) for classifier in self.classifiers]
        if not results:
            return SafetyResult(contacts=tuple(contact_details(text)))
        level = max((result.level for result in results), key=RANK.__getitem__)
        found = [result for result in results if result.level == level and level in URGENT]
        return SafetyResult(
            level=level,
            phrases=_unique(phrase for result in found for phrase in result.phrases),
            reasons=_unique(reason for result in found for reason in result.reasons),
            signs=_unique(sign for result in results for sign in result.signs),
            contacts=results[0].contacts,
            languages=_unique(language for result in found for language in result.languages),
        )


def _exempts(span, match) -> bool:
    """An advice phrase exempts the matches wholly inside it ("if you get chest pain, call
    999"); an idiom exempts any match it overlaps ("I collapsed on the sofa")."""
    level, start, end = span
    if level == "advice":
        return start <= match.start and match.end <= end
    return start < match.end and match.start < end


def _sign_rules(sign, language: str) -> list[Rule]:
    """Each keyword of a sign as a phrase; the sign's text rides along as the "reason"."""
    rules = []
    for keyword in getattr(sign, "keyword_list", None) or sign.keywords:
        try:
            rules.append(Rule(level=Level.SIGN, phrase=keyword, reason=sign.text,
                              parts=parse(keyword, language), language=language))  # fmt: skip
        except PhraseError:
            continue
    return rules


def _deduplicated(signs, rules) -> list:
    """Near-duplicate signs (the same content words, as several articles word them) once."""
    seen, kept = set(), []
    for sign in signs:
        words = split_words(sign.text, rules)
        key = frozenset(
            stem
            for word, stem in zip(words.words, words.stems, strict=True)
            if word not in SIGN_STOPWORDS
        )
        if key not in seen:
            seen.add(key)
            kept.append(sign)
    return kept


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))
