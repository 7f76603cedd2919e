"""Searching from the header, as a visitor would, then opening a result."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_searches_from_the_header_and_opens_a_result(page, live_server, assert_accessible):
    make_article(title="Knee osteotomy", other_names="bone realignment", summary="Cutting bone.")
    make_article(title="Hip replacement", summary="A new hip joint.")

    page.goto("/articles/")
    page.get_by_role("searchbox", name="Search the portal").fill("bone realignment")
    page.keyboard.press("Enter")

    page.wait_for_url("**/search/?q=bone+realignment")
    assert page.get_by_role("heading", level=1).inner_text() == "Search"
    # "bone realignment" is the osteotomy's other name, so its title words are matches too.
    marked = {text.lower() for text in page.locator(".search-results mark").all_inner_texts()}
    assert marked <= {"knee", "osteotomy", "bone", "realignment"} and marked
    assert_accessible(page)
    page.get_by_role("link", name="Knee osteotomy").first.click()
    page.wait_for_url("**/articles/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Knee osteotomy"
