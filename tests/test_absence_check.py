"""The absence-only check (tests/absence_check.py) bites, and lets controlled tests pass."""

from tests.absence_check import only_absences


def only_absent(client, page):
    assert "hidden" not in page
    assert not client.get("/").context["threads"]
    assert client.get("/secret/").status_code == 404


def with_a_positive_control(page):
    assert "shown" in page
    assert "hidden" not in page


def expecting_an_error(pytest, parse):
    with pytest.raises(ValueError):
        parse("")
    assert parse.calls == []


def test_only_a_test_with_nothing_but_absences_is_caught():
    checked = [only_absences(f) for f in (only_absent, with_a_positive_control, expecting_an_error)]

    assert checked == [True, False, False]
