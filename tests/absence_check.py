"""A test that only asserts absences ("x" not in page, a 404, `.exists()` false…) also
passes when the page is broken, empty or the feature is switched off. Every such test must
also assert a positive control: a visible sibling that does appear, next to the thing that
must not. This plugin fails a test whose `assert` statements are all absences, unless it is
marked `@pytest.mark.absence_only("why no positive control fits")`.
"""

import ast
import functools
import inspect
import textwrap

import pytest

ABSENT_STATUSES = {404, 410}
EMPTY_SOURCES = {"[]", "()", "{}", "set()", "''", "None", "False"}


def is_absence(test: ast.expr) -> bool:
    """Whether an `assert` expression only says that something is not there."""
    if isinstance(test, ast.BoolOp):
        return all(is_absence(value) for value in test.values)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return True
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return False
    op, right = test.ops[0], test.comparators[0]
    if isinstance(op, ast.NotIn):
        return True
    number = right.value if isinstance(right, ast.Constant) else None
    if isinstance(op, ast.Eq) and type(number) is int:
        # status_code == 404; len(x) == 0 or x.count() == 0 (but not returncode == 0)
        return number in ABSENT_STATUSES or (number == 0 and isinstance(test.left, ast.Call))
    return isinstance(op, ast.Eq | ast.Is) and ast.unparse(right) in EMPTY_SOURCES


def is_positive_call(node: ast.AST) -> bool:
    """`pytest.raises(...)` and Playwright's `expect(...).to_...()` assert that something is."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    name, owner = node.func.attr, node.func.value
    expect = isinstance(owner, ast.Call) and getattr(owner.func, "id", "") == "expect"
    return name == "raises" or (expect and name.startswith("to_"))


@functools.cache
def only_absences(function) -> bool:
    """Whether `function` has `assert` statements, all of them absences, and nothing else
    that asserts."""
    nodes = list(ast.walk(ast.parse(textwrap.dedent(inspect.getsource(function)))))
    asserts = [node.test for node in nodes if isinstance(node, ast.Assert)]
    if not asserts or any(is_positive_call(node) for node in nodes):
        return False
    return all(is_absence(test) for test in asserts)


def absence_only_problem(item: pytest.Function) -> str | None:
    """What is wrong with `item` for this check, or None."""
    marker = item.get_closest_marker("absence_only")
    if marker is not None:
        reason = marker.args[0] if marker.args else ""
        if isinstance(reason, str) and reason.strip():
            return None
        return "@pytest.mark.absence_only needs a reason: absence_only('why')."
    if not only_absences(item.function):
        return None
    return (
        f"{item.originalname} only asserts that things are absent, so it also passes when the "
        "page is empty or the feature is switched off. Add a positive control: create a "
        "visible sibling (a published post next to the hidden one, the author next to the "
        "outsider…) and assert that it does appear. If no control can exist, mark the test "
        '@pytest.mark.absence_only("why").'
    )


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if problem := absence_only_problem(pyfuncitem):
        pytest.fail(problem, pytrace=False)
