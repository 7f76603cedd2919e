"""Member text as words: lower case, accents folded, contractions spelled out, each word with
its stem, its sentence and its clause. Pure Python, one pass, linear in the length of the text.

Each language has its own `TextRules` (stemmer, contractions, negators, first person):
English and Spanish here; phrases and text of a language go through the same rules."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from core.enclitics import split_enclitic

# Words (with "&" for "A&E"), sentence ends, clause breaks. Hyphens and slashes join nothing
# and break nothing ("self-harm" is "self harm").
TOKEN = re.compile(r"[a-z0-9&']+|[.!?;\n]|[,:()\u2013\u2014\"]")
SENTENCE_END = frozenset(".!?;\n")
# Words after which a negation no longer reaches ("no fever but chest pain").
CLAUSE_WORDS = frozenset({"but", "although", "though", "however", "except", "yet"})

CONTRACTIONS = {
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not",
    "wont": "will not", "shan't": "shall not", "ain't": "am not", "i'm": "i am", "im": "i am",
    "wanna": "want to", "gonna": "going to", "gotta": "got to", "ive": "i have",
    "dont": "do not", "didnt": "did not", "doesnt": "does not", "isnt": "is not",
    "wasnt": "was not", "havent": "have not", "hasnt": "has not", "couldnt": "could not",
    "wouldnt": "would not", "shouldnt": "should not", "arent": "are not", "werent": "were not",
}  # fmt: skip
SUFFIXES = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would", "'s": ""}
IRREGULAR = {
    "died": "die", "dying": "die", "dies": "die", "bled": "bleed", "felt": "feel", "took": "tak",
    "taken": "tak", "woke": "wak", "woken": "wak", "swollen": "swell", "swole": "swell",
    "fell": "fall", "fallen": "fall", "lying": "lie", "lay": "lie", "coughed": "cough",
    "thought": "think", "went": "go", "gone": "go", "left": "left", "hung": "hang",
    "breaths": "breath", "unable": "unable",
}  # fmt: skip
VOWELS = frozenset("aeiouy")


def stem(word: str) -> str:
    """A light English stemmer: "bleeding", "bleeds" -> "bleed"; "breathe", "breathing" ->
    "breath"; "pills" -> "pill". Phrases and text go through the same function, so a stem
    only has to be consistent, not a dictionary word."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif (
        len(word) > 4
        and word.endswith("ed")
        and not word.endswith("eed")
        or len(word) > 4
        and word.endswith(("ches", "shes", "sses", "xes", "zes"))
    ):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in VOWELS | set("lsz"):
        word = word[:-1]  # "stopp" -> "stop", "cutt" -> "cut"
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]  # "breathe" -> "breath", "save" -> "sav"
    return word


def normalise(text: str) -> str:
    """Lower case, typographic quotes as ', accents folded ("está" and "esta", "ñ" and "n"
    are the same word: members type both)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def expand(word: str) -> list[str]:
    """One raw English word as the words it stands for: "don't" -> ["do", "not"]."""
    word = word.strip("'")
    if word in CONTRACTIONS:
        return CONTRACTIONS[word].split()
    for suffix, replacement in SUFFIXES.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)] + replacement).split()
    return [word] if word else []


SPANISH_CONTRACTIONS = {"del": "de el", "al": "a el", "pa": "para", "q": "que", "xq": "porque"}


def expand_spanish(word: str) -> list[str]:
    """Contractions spelled out; pronouns joined to an infinitive, gerund or command come
    apart (core.enclitics), so "matarme" is "matar me" like "me mato" has "me", and a phrase
    writes "me" once."""
    word = word.strip("'")
    if word in SPANISH_CONTRACTIONS:
        return SPANISH_CONTRACTIONS[word].split()
    return split_enclitic(word) if word else []


SPANISH_IRREGULAR = {"muero": "mor", "muere": "mor", "muera": "mor", "muriendo": "mor",
                     "murio": "mor", "morir": "mor", "muerto": "muert", "muerta": "muert"}  # fmt: skip


def stem_spanish(word: str) -> str:
    """A light Spanish stemmer: plural and gender endings off ("pastillas", "pastilla" ->
    "pastill"; "hinchada", "hinchado" -> "hinchad"; "dolores" -> "dolor")."""
    if word in SPANISH_IRREGULAR:
        return SPANISH_IRREGULAR[word]
    if len(word) > 4 and word.endswith("es") and word[-3] not in VOWELS:
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s"):
        word = word[:-1]
    if len(word) > 3 and word[-1] in "aoe":
        word = word[:-1]
    return word


# Negators and the words a negation does not reach past, in every language: each language's
# phrases are also tried on text in the other (checks.classify), where "not suicidal" or
# "sin fiebre" must stay negated.
NEGATORS = frozenset(
    {"no", "not", "never", "without", "nor", "none", "deny", "denies"}
    | {"nunca", "jamas", "sin", "ni", "ningun", "ninguna", "ninguno", "tampoco", "nada", "nadie"}
    | {"niego"}
)
# A negation does not reach past these: "I can't sleep and my chest hurts".
NEGATION_STOPS = frozenset(
    {"and", "but", "although", "though", "so", "because", "then"}
    | {"y", "e", "pero", "aunque", "asi", "porque", "luego", "entonces"}
)


@dataclass(frozen=True)
class TextRules:
    """How one language's words are split, stemmed and negated."""

    code: str
    stem: Callable[[str], str]
    expand: Callable[[str], list[str]]
    clause_words: frozenset
    negators: frozenset
    negation_stops: frozenset
    first_person: frozenset


ENGLISH = TextRules(
    code="en",
    stem=stem,
    expand=expand,
    clause_words=CLAUSE_WORDS,
    negators=NEGATORS,
    negation_stops=NEGATION_STOPS,
    first_person=frozenset({"i", "me", "my", "myself", "mine"}),
)
SPANISH = TextRules(
    code="es",
    stem=stem_spanish,
    expand=expand_spanish,
    clause_words=frozenset({"pero", "aunque", "sino", "excepto", "salvo", "embargo"}),
    negators=NEGATORS,
    negation_stops=NEGATION_STOPS,
    first_person=frozenset({"yo", "me", "mi", "mis", "mio", "mia", "conmigo"}),
)
TEXT_RULES = {rules.code: rules for rules in (ENGLISH, SPANISH)}


def text_rules(language: str) -> TextRules:
    """The rules for a language code ("es-mx" -> Spanish); English for one we lack."""
    return TEXT_RULES.get(language.lower().split("-")[0], ENGLISH)


@dataclass
class Words:
    """The words of a text, and for each its stem, sentence number and clause number."""

    words: list[str] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)
    rules: TextRules = ENGLISH

    def __len__(self) -> int:
        return len(self.words)

    def clause_ends_at(self, index: int) -> bool:
        return index + 1 >= len(self.words) or self.clauses[index + 1] != self.clauses[index]


def split_words(text: str, rules: TextRules = ENGLISH) -> Words:
    result = Words(rules=rules)
    sentence = clause = 0
    for match in TOKEN.finditer(normalise(text)):
        token = match.group(0)
        if token in SENTENCE_END:
            sentence, clause = sentence + 1, clause + 1
            continue
        if not token[0].isalnum() and token[0] not in "&'":
            clause += 1
            continue
        if token in rules.clause_words:
            clause += 1
        for word in rules.expand(token):
            result.words.append(word)
            result.stems.append(rules.stem(word))
            result.sentences.append(sentence)
            result.clauses.append(clause)
    return result
