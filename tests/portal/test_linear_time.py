"""Every pattern that runs on member text runs in linear time: each is timed on 100 kB of
the input that would make it backtrack (tests/timing.py). The contact-details patterns
(core/safety.py) are being rewritten in the safety app, with their own timing tests."""

import contextlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from taggit.models import Tag

from core import inputs
from core.markdown import HEADING_TAG, _shift_heading, is_safe_url, render_markdown
from forums.posting import MENTION_PATTERN
from heroes.links import name_key
from search import query as search
from search.indexing import VOCABULARY_WORD
from tests.timing import adversarial, assert_fast
from videos.embeds import parse_video_url

SHAPES = ["a", " ", "@", "@a", "a@", "-", "'", "'-", ".", "<h1", "[", "![", "*_", "\x00", "²",
          'a"', '-"', "knee", "a-", "1 ", ":", "/", "java\tscript"]  # fmt: skip


def _video(text):
    with contextlib.suppress(ValidationError):  # a refusal is an answer: its time counts
        parse_video_url("https://youtu.be/" + text)


QUERY = search.parse_query("knee pain aaa")
PATTERN_USERS = {
    "mentions": MENTION_PATTERN.findall,
    "search words": search._words,
    "search tokens": search.TOKEN.findall,
    "search highlight": lambda text: search.highlight(text, QUERY),
    "search snippet": lambda text: search.snippet(text, QUERY),
    "search query": search.parse_query,
    "vocabulary": VOCABULARY_WORD.findall,
    "headings": lambda text: HEADING_TAG.sub(_shift_heading, text),
    "safe url": is_safe_url,
    "surgeon names": name_key,
    "video links": _video,
    "slugs": slugify,
    "tag slugs": Tag().slugify,
    "storable text": inputs.unstorable_character,
    "slug filter": inputs.SLUG.fullmatch,
    "username filter": inputs.USERNAME.fullmatch,
}


@pytest.mark.parametrize("name", PATTERN_USERS)
@pytest.mark.parametrize("shape", SHAPES)
def test_patterns_on_member_text_are_linear(name, shape):
    assert_fast(PATTERN_USERS[name], adversarial(shape))


@pytest.mark.parametrize("shape", ["[", "![", "*]", "*_", "`", "<", "&", "a\n", "> ", "[a](",
                                   "[]( \"", "\\", "_]", "**a**]", "<script>", "<style></style>"])  # fmt: skip
def test_markdown_renders_the_longest_post_in_linear_time(shape):
    """Rendering builds HTML, so it has a larger budget than a pattern scan; Python-Markdown,
    which this replaced, took over a minute on 10,000 "[" characters."""
    assert_fast(render_markdown, adversarial(shape, 50_000), budget=1.0)


def test_the_budget_catches_a_quadratic_pattern():
    """The contact-details email pattern as it was: quadratic on a long word without "@"."""
    quadratic = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

    with pytest.raises(AssertionError, match="budget"):
        assert_fast(quadratic.findall, adversarial("a", 10_000))
