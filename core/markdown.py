"""The one place where Markdown becomes HTML: rendered once on save, sanitised with nh3.

Nothing a member writes may run script, load a resource from another host, or break
the page's outline, so:
- tags and attributes go through an allow-list (no iframes, no styles; images only from
  our own member-image view, /images/<key>/, which checks who may see them);
- every attribute that holds an address (href, cite) keeps only http(s), mailto and
  relative URLs, and every other attribute only well-formed values (a number for an
  ordered list's start, a known keyword for a header cell's scope);
- links carry rel="nofollow ugc noopener";
- headings move one level down, so user text never adds a second <h1>.
Markdown is parsed by GitHub's cmark (C, linear time on any input: Python-Markdown took
minutes on a post of 10,000 "[" or 4,000 "![" characters). The sanitiser's HTML parser
takes time with the square of how deep elements nest (25,000 "> " took 19 s), so text
nested deeper than any writing needs is shown as typed, not as Markdown.
"""

import re
from collections import Counter

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from django.utils.html import escape, linebreaks

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul", "cite", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": set(),  # none on every tag (nh3 would otherwise allow lang and title everywhere)
    "a": {"href", "title"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "th": {"scope"},
    "ol": {"start"},
    "img": {"src", "alt"},
}
URL_ATTRIBUTES = {"href", "cite"}
URL_SCHEMES = {"http", "https", "mailto"}
SCOPES = {"row", "col", "rowgroup", "colgroup"}
MAX_START_DIGITS = 9
# Raw HTML passes to nh3 (which keeps only the allow-list); a line break stays a line break.
CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_HARDBREAKS
CMARK_EXTENSIONS = ["table", "strikethrough"]
MAX_NESTING = 50
TAG_OR_TEXT = re.compile(r"<[^>]*>|[^<]+")
TAG_OR_TEXT_TEXT = re.compile(r"<(a|code|pre)\b[^>]*>.*?</\1>|<[^>]*>", re.IGNORECASE | re.DOTALL)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b", re.IGNORECASE)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
             "track", "wbr"}  # fmt: skip
HEADING_TAG = re.compile(r"<(/?)h([1-5])(\s|>)", re.IGNORECASE)
# A URL's scheme ends at the first colon before any "/", "?" or "#" (WHATWG URL).
SCHEME = re.compile(r"([^/?#:]*):")
# Browsers drop these from a URL before reading its scheme ("java\tscript:" is "javascript:").
IGNORED_IN_URL = dict.fromkeys([*range(0x21), 0x7F])
# The only images a member's text may show: our own member-image view (core.models.MemberImage).
MEMBER_IMAGE_SRC = re.compile(r"/images/[0-9a-f]{32}/")
IMAGE_WITHOUT_SOURCE = re.compile(r'<img\b(?![^>]*\ssrc=")[^>]*>')
# "@name" not inside a word, an address or an email ("a@b.c"): the forums' mention syntax.
MENTION = re.compile(r"(?<![\w@/])@([\w.+-]{3,40})")
# Text between tags; mentions are linked only outside these elements.
NO_MENTIONS_IN = {"a", "code", "pre"}


def _shift_heading(match: re.Match) -> str:
    closing, level, rest = match.groups()
    return f"<{closing}h{int(level) + 1}{rest}"


def is_safe_url(value: str) -> bool:
    """http(s), mailto, or relative (no scheme at all)."""
    match = SCHEME.match(value.translate(IGNORED_IN_URL))
    return match is None or match.group(1).lower() in URL_SCHEMES


def is_well_formed(attribute: str, value: str, tag: str = "") -> bool:
    if tag == "img" and attribute == "src":
        return MEMBER_IMAGE_SRC.fullmatch(value) is not None
    if attribute in URL_ATTRIBUTES:
        return is_safe_url(value)
    if attribute == "start":
        return value.isascii() and value.isdigit() and len(value) <= MAX_START_DIGITS
    if attribute == "scope":
        return value in SCOPES
    return True  # title, and the rel the cleaner adds: plain text, escaped on output


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    return value if is_well_formed(attribute, value, tag) else None


CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes=URL_SCHEMES,
    link_rel="nofollow ugc noopener noreferrer",
    clean_content_tags={"script", "style"},
    strip_comments=True,
)


def sanitise_html(html: str) -> str:
    # An image whose address was not ours lost its src to the filter: drop what is left.
    return IMAGE_WITHOUT_SOURCE.sub("", CLEANER.clean(html))


def nests_deeper_than(html: str, limit: int) -> bool:
    """Whether elements nest deeper than `limit`, counted as the HTML parser builds them: an
    end tag closes the nearest open element of its name, and nothing when none is open."""
    stack, open_names = [], Counter()
    for match in TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if not closing and name not in VOID_TAGS:
            stack.append(name)
            open_names[name] += 1
            if len(stack) > limit:
                return True
        elif closing and open_names[name]:
            while (top := stack.pop()) != name:
                open_names[top] -= 1
            open_names[name] -= 1
    return False


def without_scripts(source: str) -> str:
    """The source without <script> and <style> elements (the sanitiser drops them with their
    content anyway), so Markdown after one on the same line still counts as Markdown: to
    CommonMark, a line that opens with <script> is raw HTML to its end."""
    lower, kept, position = source.lower(), [], 0
    while match := SCRIPT_OR_STYLE.search(source, position):
        kept.append(source[position : match.start()])
        end = lower.find(f"</{match.group(1).lower()}", match.end())
        close = lower.find(">", end) if end != -1 else -1
        position = len(source) if close == -1 else close + 1
    kept.append(source[position:])
    return "".join(kept)


def render_markdown(source: str, *, member_links=None) -> str:
    """Markdown source -> sanitised HTML, safe to store and show with |safe.

    `member_links(names) -> {name: (member id, profile URL)}`, when given, turns "@name"
    into a link to the profile of each member it knows (see `link_mentions`)."""
    if not source or not source.strip():
        return ""
    html = cmarkgfm.markdown_to_html_with_extensions(
        without_scripts(source), options=CMARK_OPTIONS, extensions=CMARK_EXTENSIONS
    )
    if nests_deeper_than(html, MAX_NESTING):
        return linebreaks(escape(source))
    html = sanitise_html(HEADING_TAG.sub(_shift_heading, html)).strip()
    return link_mentions(html, member_links) if member_links else html


def link_mentions(html: str, member_links) -> str:
    """Sanitised HTML with "@name" linked in its text, outside links, code and pre. Each
    link carries data-member="<id>", so a rename or an erasure finds the posts to render
    again. Names come from the text between tags, which the sanitiser has escaped; a name
    is letters, digits and . + - _ only, so it needs no escaping in the link."""
    names = {name.rstrip(".") for name in MENTION.findall(TAG_OR_TEXT_TEXT.sub(" ", html))}
    if not names:
        return html
    links = member_links(sorted(names))
    if not links:
        return html
    parts, inside = [], Counter()
    for piece in TAG_OR_TEXT.findall(html):
        if piece.startswith("<"):
            match = TAG.match(piece)
            if match and match.group(2).lower() in NO_MENTIONS_IN:
                inside[match.group(2).lower()] += -1 if match.group(1) else 1
            parts.append(piece)
        elif any(count > 0 for count in inside.values()):
            parts.append(piece)
        else:
            parts.append(MENTION.sub(lambda m: _mention_link(m, links), piece))
    return "".join(parts)


def _mention_link(match: re.Match, links) -> str:
    name = match.group(1)
    bare = name.rstrip(".")
    if bare not in links:
        return match.group(0)
    member_id, url = links[bare]
    return (
        f'<a class="mention" href="{escape(url)}" data-member="{int(member_id)}">@{bare}</a>'
        f"{name[len(bare) :]}"
    )


def render_inline_markdown(source: str) -> str:
    """For one-line items (a care instruction, a warning sign): no wrapping paragraph."""
    html = render_markdown(source)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
