"""The one place where Markdown becomes HTML: rendered once on save, sanitised with nh3.

Nothing a member writes may run script, load a resource from another host, or break
the page's outline, so:
- tags and attributes go through an allow-list (no images, no iframes, no styles);
- links keep only http(s) and mailto schemes and carry rel="nofollow ugc noopener";
- headings move one level down, so user text never adds a second <h1>.
"""

import re

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul", "cite",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "th": {"scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
MARKDOWN_EXTENSIONS = ["fenced_code", "tables", "sane_lists", "nl2br"]
HEADING_TAG = re.compile(r"<(/?)h([1-5])(\s|>)", re.IGNORECASE)


def _shift_heading(match: re.Match) -> str:
    closing, level, rest = match.groups()
    return f"<{closing}h{int(level) + 1}{rest}"


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        clean_content_tags={"script", "style"},
        strip_comments=True,
    )


def render_markdown(source: str) -> str:
    """Markdown source -> sanitised HTML, safe to store and show with |safe."""
    if not source or not source.strip():
        return ""
    html = markdown_lib.markdown(source, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return sanitise_html(HEADING_TAG.sub(_shift_heading, html))


def render_inline_markdown(source: str) -> str:
    """For one-line items (a care instruction, a warning sign): no wrapping paragraph."""
    html = render_markdown(source)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
