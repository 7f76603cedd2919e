"""Is any English left on a page served in another language?

The English catalogue's sentences (the msgids of locale/<lang>/LC_MESSAGES/django.po) are
looked for in the text of the page: a phrase of three words or more found there is interface
text that was not translated (shorter ones, like "Email" or "Knee osteotomy", are too often
names or the same in both languages to be told apart).

What the page shows its reader is read from its HTML (for a browser test, `page.content()`
once the scripts have run), more strictly than `innerText`: hidden text (a collapsed menu, a
panel that opens on a click), text for screen readers, and the words a reader meets in
attributes (aria-label, title, alt, placeholder, a button's value, a confirmation question)
all count. Left out:
- what members wrote (posts, comments, stories, messages, their names): elements with one of
  MEMBER_CONTENT_CLASSES, or marked `data-member-content`;
- text declared English on purpose, `lang="en"` (an article that has no translation yet);
- scripts, styles and templates.
"""

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
MIN_WORDS = 3

# The one list of what members write, as the templates mark it. Post, comment, message and
# story bodies (.post-card-body), blog post titles in lists (.post-card-title), the signed-in
# member's name in the header (.header-username), held posts in the moderation queue
# (.held-body). Anything else a member wrote: mark it `data-member-content` in the template.
MEMBER_CONTENT_CLASSES = frozenset(
    {"member-content", "post-card-body", "post-card-title", "header-username", "held-body"}
)
MEMBER_CONTENT_ATTRIBUTE = "data-member-content"
# Attributes whose words a reader meets (read aloud, shown as a tooltip or in a dialog).
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "data-confirm")
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}
UNREAD_ELEMENTS = {"script", "style", "template"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip

PLACEHOLDER = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-z]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[sdifr]"  # %s, %d
    r"|\{[^{}]*\}"  # {name}
)
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"[^\W\d_]+")
# Stripped from the ends of a phrase: a sentence's own punctuation around a placeholder
# (brackets stay: "All blogs (Atom)" is read whole).
EDGE_PUNCTUATION = " \t\n.,;:!?¿¡\"'“”‘’«»—–-…/·|"


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def phrases_of(message: str) -> list[str]:
    """The fixed parts of a catalogue message, as a reader sees them: tags and placeholders
    cut the message into phrases; those of MIN_WORDS words or more are kept."""
    text = html.unescape(TAG.sub(" ", message.replace("%%", "%")))
    phrases = []
    for part in PLACEHOLDER.split(text):
        phrase = normalised(part).strip(EDGE_PUNCTUATION)
        if len(WORD.findall(phrase)) >= MIN_WORDS:
            phrases.append(phrase)
    return phrases


def catalogue_phrases(catalogue: polib.POFile) -> frozenset[str]:
    """The English phrases of a catalogue, but not one its translation keeps (a name)."""
    found = set()
    for entry in catalogue:
        if entry.obsolete:
            continue
        translations = [entry.msgstr, *entry.msgstr_plural.values()]
        kept = normalised(" ".join(translations))
        for message in filter(None, (entry.msgid, entry.msgid_plural)):
            found.update(phrase for phrase in phrases_of(message) if phrase not in kept)
    return frozenset(found)


@lru_cache
def english_phrases(language: str = "es") -> frozenset[str]:
    """The English phrases of the interface, from the committed catalogue of `language`."""
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    return catalogue_phrases(polib.pofile(str(path)))


def is_member_content(attributes: dict) -> bool:
    classes = set((attributes.get("class") or "").split())
    language = (attributes.get("lang") or "").lower()
    return (
        MEMBER_CONTENT_ATTRIBUTE in attributes
        or bool(classes & MEMBER_CONTENT_CLASSES)
        or language == "en"
        or language.startswith("en-")
    )


class _ReaderText(HTMLParser):
    """The text and read attributes of a page, minus what is left out (module docstring)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, left out)

    @property
    def leaving_out(self) -> bool:
        return bool(self.open) and self.open[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        left_out = self.leaving_out or tag in UNREAD_ELEMENTS or is_member_content(attributes)
        if not left_out:
            self._read_attributes(tag, attributes)
        self.chunks.append(" ")
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, left_out))

    def handle_startendtag(self, tag, attrs):
        if not (self.leaving_out or is_member_content(dict(attrs))):
            self._read_attributes(tag, dict(attrs))
        self.chunks.append(" ")

    def handle_endtag(self, tag):
        self.chunks.append(" ")
        if any(name == tag for name, _left_out in self.open):
            while self.open.pop()[0] != tag:
                pass  # elements the HTML closed implicitly (<p>, <li>)

    def handle_data(self, data):
        if not self.leaving_out:
            self.chunks.append(data)

    def _read_attributes(self, tag, attributes):
        for name in READ_ATTRIBUTES:
            if attributes.get(name):
                self.chunks.append(f" {attributes[name]} ")
        if tag == "input" and (attributes.get("type") or "").lower() in BUTTON_INPUT_TYPES:
            self.chunks.append(f" {attributes.get('value') or ''} ")


def reader_text(page_html: str) -> str:
    """What the page says to its reader, normalised (whitespace collapsed, case folded)."""
    parser = _ReaderText()
    parser.feed(page_html)
    parser.close()
    return normalised("".join(parser.chunks))


def english_left(page_html: str, phrases: frozenset[str] | None = None) -> list[str]:
    """The English phrases (default: the Spanish catalogue's msgids) found in the page."""
    text = reader_text(page_html)
    found = []
    for phrase in english_phrases() if phrases is None else phrases:
        if phrase in text and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            found.append(phrase)
    return sorted(found)
