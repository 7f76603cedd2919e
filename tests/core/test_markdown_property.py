"""The sanitiser, over generated markup: whatever a member writes, the stored HTML holds only
allowed tags and attributes, safe addresses and well-formed values."""

from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown, sanitise_html

TAGS = sorted(ALLOWED_TAGS | {"script", "img", "iframe", "svg", "a", "math", "style", "form"})
ATTRIBUTES = ["href", "cite", "start", "scope", "title", "onclick", "style", "src", "srcset",
              "formaction", "xlink:href", "id", "class", "rel"]  # fmt: skip
SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", " javascript:", "&#106;avascript:",
           "&#x6A;avascript:", "vbscript:", "data:text/html,", "file:", "http:", "https:",
           "mailto:", "//", "/", "", "#"]  # fmt: skip
VALUE_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
VALUES = st.one_of(
    st.builds(lambda scheme, rest: scheme + rest, st.sampled_from(SCHEMES), VALUE_TEXT),
    st.sampled_from(["1", "3", "1 onclick=alert(1)", "-1", "1e3", "²", "row", "col", "x"]),
    VALUE_TEXT,
)
QUOTES = st.sampled_from(['"', "'", ""])


@st.composite
def element(draw, depth=0):
    tag = draw(st.sampled_from(TAGS))
    quote = draw(QUOTES)
    attrs = draw(st.lists(st.tuples(st.sampled_from(ATTRIBUTES), VALUES), max_size=3))
    attr_text = "".join(f" {name}={quote}{value}{quote}" for name, value in attrs)
    inner = draw(st.lists(element(depth + 1), max_size=2)) if depth < 2 else []
    text = draw(st.sampled_from(["", "x", "[a](javascript:alert(1))", "> quote", "1. one"]))
    return f"<{tag}{attr_text}>{text}{''.join(inner)}</{tag}>"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def _elements(html: str):
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser.found


def _scheme(url: str) -> str | None:
    compact = "".join(ch for ch in url if ord(ch) > 0x20 and ch != "\x7f").lower()
    head = compact.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return head.split(":", 1)[0] if ":" in head else None


def _assert_safe(html: str) -> None:
    for tag, attrs in _elements(html):
        assert tag in ALLOWED_TAGS, html
        for name, value in attrs:
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
            assert name in allowed, html
            if name in {"href", "cite"}:
                assert _scheme(value) in {None, "http", "https", "mailto"}, html
            if name == "start":
                assert value.isascii() and value.isdigit(), html
            if name == "scope":
                assert value in {"row", "col", "rowgroup", "colgroup"}, html


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(element(), min_size=1, max_size=4))
def test_generated_markup_comes_out_safe(elements):
    markup = "\n\n".join(elements)

    _assert_safe(sanitise_html(markup))
    _assert_safe(render_markdown(markup))


def test_the_cases_from_the_report_are_cleaned():
    html = render_markdown(
        '<blockquote cite="javascript:alert(1)">quoted</blockquote>\n\n'
        '<ol start="1 onclick=alert(1)"><li>one</li></ol>'
    )

    assert html == "<blockquote>quoted</blockquote>\n<ol><li>one</li></ol>"


def test_safe_values_are_kept():
    html = render_markdown(
        '<blockquote cite="https://example.org/a">q</blockquote>\n\n3. three\n4. four\n\n'
        "[home](/articles/) [mail](mailto:a@example.org)"
    )

    assert 'cite="https://example.org/a"' in html and '<ol start="3">' in html
    assert 'href="/articles/"' in html and 'href="mailto:a@example.org"' in html
