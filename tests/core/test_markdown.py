"""Markdown -> sanitised HTML: nothing a member writes may run script, load a resource
from another host or add a second <h1>."""

import pytest

from core.markdown import render_inline_markdown, render_markdown


def test_plain_markdown_renders():
    html = render_markdown("Some **bold** text and a [link](https://example.org/).")

    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org/"' in html
    assert 'rel="nofollow ugc noopener noreferrer"' in html


def test_script_tags_are_removed_with_their_content():
    html = render_markdown("Hello <script>alert('x')</script> world")

    assert "<script" not in html
    assert "alert" not in html
    assert "Hello" in html


def test_style_tags_are_removed_with_their_content():
    html = render_markdown("<style>body { display: none }</style>Text")

    assert "Text" in html
    assert "<style" not in html
    assert "display" not in html


@pytest.mark.parametrize(
    "source",
    [
        '<a href="https://example.org/" onclick="steal()">x</a>',
        '<p onmouseover="steal()">x</p>',
        '<b onload="steal()" style="color:red">x</b>',
    ],
)
def test_event_handlers_and_styles_are_removed(source):
    html = render_markdown(source)

    assert ">x<" in html
    assert "steal" not in html
    assert "onclick" not in html and "onmouseover" not in html and "onload" not in html
    assert "style=" not in html


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        '<a href="JaVaScRiPt:alert(1)">click</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>',
        '<a href="vbscript:msgbox(1)">click</a>',
    ],
)
def test_dangerous_link_schemes_are_removed(source):
    html = render_markdown(source)

    assert "javascript:" not in html.lower()
    assert "data:" not in html
    assert "vbscript:" not in html
    assert "click" in html


@pytest.mark.parametrize(
    "source",
    [
        "![tracker](https://tracker.example.com/pixel.png)",
        '<img src="https://tracker.example.com/pixel.png" alt="x">',
        '<iframe src="https://evil.example.com/"></iframe>',
        '<object data="https://evil.example.com/x.swf"></object>',
        '<link rel="stylesheet" href="https://evil.example.com/x.css">',
        '<video src="https://evil.example.com/v.mp4"></video>',
    ],
)
def test_resources_from_other_hosts_are_removed(source):
    html = render_markdown(f"Kept {source}")

    assert "Kept" in html
    assert "example.com" not in html
    for tag in ("<img", "<iframe", "<object", "<link", "<video"):
        assert tag not in html


def test_headings_shift_down_one_level_so_there_is_one_h1_per_page():
    html = render_markdown("# Title\n\n## Section\n\n##### Deep")

    assert "<h1" not in html
    assert "<h2>Title</h2>" in html
    assert "<h3>Section</h3>" in html
    assert "<h6>Deep</h6>" in html


def test_raw_h1_is_shifted_too():
    html = render_markdown("<h1>Shout</h1>")

    assert "Shout" in html
    assert "<h1" not in html


def test_comments_are_stripped():
    html = render_markdown("Text <!-- hidden <script>x</script> -->")

    assert "Text" in html
    assert "<!--" not in html


def test_empty_source_renders_empty():
    assert render_markdown("Text") == "<p>Text</p>"
    assert render_markdown("") == ""
    assert render_markdown("   \n ") == ""


def test_inline_markdown_has_no_wrapping_paragraph():
    assert render_inline_markdown("Keep the *dressing* dry.") == "Keep the <em>dressing</em> dry."
