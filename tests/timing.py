"""A budget for code that runs patterns over member text (issue 10).

A linear pattern scans 100 kB in a few milliseconds; a quadratic one takes seconds. 50 ms
sits far from both. A busy machine (several test runs sharing two cores) slows everything
alike, so the budget grows with the time a plain linear scan takes right then: a quadratic
pattern still misses it by orders of magnitude.
"""

import re
import time
from collections.abc import Callable

BUDGET_SECONDS = 0.05
SIZE = 100_000
# A plain linear scan of 100 kB (`\w+` over "a a a …") takes about this long on an idle machine.
REFERENCE_SECONDS = 0.004
_REFERENCE_TEXT = "a " * (SIZE // 2)
_WORD = re.compile(r"\w+")


def adversarial(unit: str, size: int = SIZE) -> str:
    """`unit` repeated to `size` characters: the shape that makes a pattern backtrack."""
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(function: Callable, argument) -> float:
    start = time.perf_counter()
    function(argument)
    return time.perf_counter() - start


def assert_fast(function: Callable[[str], object], text: str, budget=BUDGET_SECONDS) -> None:
    """`function(text)` finishes within `budget` (scaled by how slow the machine is now).
    The best of three runs counts; a run far over budget ends the test at once."""
    best = reference = float("inf")
    for _ in range(3):
        reference = min(reference, _seconds(_WORD.findall, _REFERENCE_TEXT))
        best = min(best, _seconds(function, text))
        allowed = budget * max(1, reference / REFERENCE_SECONDS)
        if best < allowed or best > 20 * allowed:
            break
    assert best < allowed, (
        f"{getattr(function, '__name__', function)} took {best * 1000:.0f} ms on "
        f"{len(text):,} characters of {text[:12]!r}… (budget {allowed * 1000:.0f} ms)"
    )
