"""The phrase syntax editors write: checked when saved, linear by construction."""

import pytest

from safety.rules import PhraseError, parse


@pytest.mark.parametrize(
    "phrase",
    ["chest pain", "suicid*", "take all *3 pills", "can not go on $", "calf && breathless",
     "want|wish to die", "don't want to live"],
)  # fmt: skip
def test_valid_phrases(phrase):
    assert parse(phrase)


@pytest.mark.parametrize(
    "phrase",
    ["(a+)+", "* pain", "pain $ now", "pain *11 chest", "pain * * chest", "ab*", "a&&b&&c&&d",
     "can't|won't"],
)  # fmt: skip
def test_anything_else_is_refused(phrase):
    with pytest.raises(PhraseError):
        parse(phrase)
