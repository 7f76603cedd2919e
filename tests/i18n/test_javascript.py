"""The scripts' own words (static/js) in the page's language, through Django's
JavaScriptCatalog (locale/<lang>/LC_MESSAGES/djangojs.po), and still English if the catalogue
fails to load."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

SCRIPTS = sorted((Path(settings.BASE_DIR) / "static" / "js").glob("*.js"))
COMMENT = re.compile(r"/\*.*?\*/|(?<!:)//[^\n]*", re.DOTALL)  # not https://
# String literals in order (so that a quote inside one never starts another); one with a
# two words in it is words, unless it is one of NOT_WORDS.
LITERAL = re.compile(r"""(gettext\(\s*)?(["'])((?:(?!\2)[^\\\n]|\\.)*)\2""")
TWO_WORDS = re.compile(r"[^\W\d_]+\s+[^\W\d_]+")
NOT_WORDS = {"use strict", "autoplay; encrypted-media; picture-in-picture"}
FALLBACK = "window.gettext || function (text) { return text; }"


def unwrapped_sentences(source: str) -> list[str]:
    code = COMMENT.sub("", source)
    return [
        literal
        for wrapped, _quote, literal in LITERAL.findall(code)
        if TWO_WORDS.search(literal) and not wrapped and literal not in NOT_WORDS
    ]


def test_the_check_finds_a_sentence_outside_gettext():
    source = (
        'say(gettext("Image added.")); say("Upload failed, sorry."); /* "A comment" */\n'
        'link("https://", "link text"); // "Another comment"'
    )
    assert unwrapped_sentences(source) == ["Upload failed, sorry.", "link text"]


def test_every_sentence_of_the_scripts_goes_through_gettext():
    assert SCRIPTS
    for script in SCRIPTS:
        source = script.read_text()
        assert unwrapped_sentences(source) == [], f"{script.name}: wrap it in gettext()"
        if "gettext(" in source:
            assert FALLBACK in source, f"{script.name}: English when the catalogue is missing"


def test_the_spanish_catalogue_translates_the_scripts(client):
    spanish = client.get("/es/jsi18n/")
    assert spanish.status_code == 200
    assert spanish["Content-Type"].startswith("text/javascript")
    text = spanish.content.decode()
    assert '"Uploading\\u2026": "Subiendo\\u2026"' in text or '"Subiendo' in text
    assert "Reproductor de v" in text
    english = client.get("/jsi18n/").content.decode()
    assert "function gettext" in english or "django.gettext" in english
    assert "Subiendo" not in english


def test_pages_load_the_catalogue_of_their_language_before_the_scripts(client):
    for prefix in ("", "/es"):
        page = client.get(f"{prefix}/").content.decode()
        catalogue = page.index(f'<script src="{prefix}/jsi18n/"></script>')
        assert catalogue < page.index("js/portal.js")
