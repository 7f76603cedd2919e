"""Phrase rules: how editors write them, and how they are matched against member text.

A phrase is words separated by spaces, matched on their stems ("bleeding" matches
"bleed"), with:
- `a|b|c`   one of these words;      `suicid*`  any word starting so (3 letters or more);
- `*` or `*N` up to 3 (or N <= 10) other words of the same sentence ("take all *3 pills");
- `$`       at the end: the clause ends here ("can't go on $");
- `A && B`  both parts somewhere in the text ("swollen calf && short of breath").
Nothing else is allowed, so every phrase runs in time linear in the text: each word starts
at most a bounded number of attempts. Matches just after "no", "not", "never"... (in the
same clause) do not count; matches that sit wholly inside an advice phrase ("go to A&E")
or an idiom ("dying to") do not count.

A phrase belongs to a language (SafetyPhrase.language): it is parsed, and text matched
against it, with that language's stemmer and negators (safety.text.TextRules).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from safety.text import ENGLISH, TextRules, Words, normalise, text_rules

MAX_GAP = 10
DEFAULT_GAP = 3
MAX_ELEMENTS = 16
WORD = re.compile(r"[a-z0-9&']+\*?")
NEGATION_REACH = 4
NEGATORS = ENGLISH.negators
NEGATION_STOPS = ENGLISH.negation_stops
FIRST_PERSON = ENGLISH.first_person


class PhraseError(ValueError):
    """The phrase does not follow the syntax above; the message says where."""


@dataclass(frozen=True)
class Word:
    stems: frozenset
    prefixes: tuple

    def matches(self, words: Words, index: int) -> bool:
        return words.stems[index] in self.stems or words.words[index].startswith(self.prefixes)


@dataclass(frozen=True)
class Gap:
    most: int


class End:
    pass


END = End()


def parse(phrase: str, language: str = "en") -> tuple[tuple, ...]:
    """The phrase as parts, each a tuple of Word / Gap / End; raises PhraseError."""
    return _parse(phrase, text_rules(language).code)


@lru_cache(maxsize=4096)
def _parse(phrase: str, language: str) -> tuple[tuple, ...]:
    rules = text_rules(language)
    text = normalise(phrase)
    parts = tuple(_parse_part(part, rules) for part in text.split("&&"))
    if len(parts) > 3:
        raise PhraseError("Use && at most twice.")
    return parts


def _parse_part(text: str, rules: TextRules) -> tuple:
    items, elements = text.split(), []
    if not items:
        raise PhraseError("Each part of the phrase needs at least one word.")
    for position, item in enumerate(items):
        if item == "$":
            if position != len(items) - 1:
                raise PhraseError("$ (end of the clause) can only come last.")
            elements.append(END)
        elif item.startswith("*"):
            elements.append(_gap(item, elements))
        else:
            elements.extend(_words(item, rules))
    if not isinstance(elements[0], Word):
        raise PhraseError("A phrase starts with a word, not with * or $.")
    if len(elements) > MAX_ELEMENTS:
        raise PhraseError(f"A phrase has at most {MAX_ELEMENTS} words and gaps.")
    return tuple(elements)


def _gap(item: str, elements: list) -> Gap:
    size = item[1:] or str(DEFAULT_GAP)
    if not size.isascii() or not size.isdigit() or not 1 <= int(size) <= MAX_GAP:
        raise PhraseError(f"A gap is * or *1 to *{MAX_GAP}, not {item!r}.")
    if elements and isinstance(elements[-1], Gap):
        raise PhraseError("Two gaps in a row: write one.")
    return Gap(int(size))


def _words(item: str, rules: TextRules) -> list:
    alternatives = item.split("|")
    if any(not WORD.fullmatch(alt) for alt in alternatives):
        raise PhraseError(f"{item!r}: use letters, digits, ' and &, with | between choices.")
    if len(alternatives) == 1 and not item.endswith("*"):
        return [Word(frozenset({rules.stem(word)}), ()) for word in rules.expand(item)]
    stems, prefixes = set(), []
    for alt in alternatives:
        if alt.endswith("*"):
            if len(alt) < 4:
                raise PhraseError(f"{alt!r}: a word ending in * needs 3 letters or more.")
            prefixes.append(alt[:-1])
        elif len(rules.expand(alt)) != 1:
            raise PhraseError(f"{alt!r}: write contractions out in full among choices.")
        else:
            stems.add(rules.stem(rules.expand(alt)[0]))
    return [Word(frozenset(stems), tuple(prefixes))]


def _match(elements: tuple, k: int, i: int, words: Words, sentence: int) -> int:
    """The end (exclusive) of a match of elements[k:] at word i, or -1. Gaps are bounded,
    so the work per starting word is bounded too."""
    if k == len(elements):
        return i
    element = elements[k]
    if element is END:
        return i if words.clause_ends_at(i - 1) else -1
    if isinstance(element, Gap):
        if k == len(elements) - 1:  # a trailing gap reaches to the end of the clause
            end = i
            while (
                end < min(len(words), i + element.most)
                and words.clauses[end] == words.clauses[i - 1]
            ):
                end += 1
            return end
        for j in range(i, min(len(words), i + element.most) + 1):
            if j > i and words.sentences[j - 1] != sentence:
                break
            end = _match(elements, k + 1, j, words, sentence)
            if end >= 0:
                return end
        return -1
    if i < len(words) and words.sentences[i] == sentence and element.matches(words, i):
        return _match(elements, k + 1, i + 1, words, sentence)
    return -1


def is_negated(words: Words, start: int, end: int, own_words: frozenset) -> bool:
    """A negator just before the match (same clause), or inside it but not one of the
    phrase's own words ("coughing, no blood" vs "won't stop bleeding")."""
    clause, negators = words.clauses[start], words.rules.negators
    for index in range(start - 1, max(-1, start - 1 - NEGATION_REACH), -1):
        word = words.words[index]
        if words.clauses[index] != clause or word in words.rules.negation_stops:
            break
        if word in negators:
            return True
    return any(
        words.words[index] in negators and words.stems[index] not in own_words
        for index in range(start, end)
    )


@dataclass(frozen=True)
class Rule:
    level: str
    phrase: str
    reason: str = ""
    parts: tuple = ()
    language: str = "en"

    @classmethod
    def make(cls, level: str, phrase: str, reason: str = "", language: str = "en") -> "Rule":
        return cls(level=level, phrase=phrase, reason=reason, parts=parse(phrase, language),
                   language=language)  # fmt: skip

    def own_stems(self, part: tuple) -> frozenset:
        return frozenset().union(*(e.stems for e in part if isinstance(e, Word)))


@dataclass(frozen=True)
class Match:
    rule: Rule
    part: int
    start: int
    end: int


class RuleIndex:
    """Rules indexed by their first word, so each word of the text looks up only the
    rules that can start there."""

    def __init__(self, rules):
        self.by_stem: dict[str, list] = {}
        self.by_prefix: dict[str, list] = {}
        for rule in rules:
            for number, part in enumerate(rule.parts):
                first = part[0]
                for word_stem in first.stems:
                    self.by_stem.setdefault(word_stem, []).append((rule, number, part))
                for prefix in first.prefixes:
                    self.by_prefix.setdefault(prefix[:3], []).append((rule, number, part))

    def matches(self, words: Words):
        for index in range(len(words)):
            candidates = self.by_stem.get(words.stems[index], []) + self.by_prefix.get(
                words.words[index][:3], []
            )
            for rule, number, part in candidates:
                end = _match(part, 0, index, words, words.sentences[index])
                if end >= 0:
                    yield Match(rule, number, index, end)
