"""The polish of issue 14 in a real browser: dark mode following the system setting, a
header that fits a long pseudonym, the home page's balanced columns, and the account pages
(allauth's) in the site's style with the way back to Settings. Every `assert_accessible`
runs axe in both colour schemes and checks the page's title."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import use_colour_scheme
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LONG_NAME = "physio_margaret_1987"  # 20 characters


def background(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).backgroundColor")


def test_the_site_follows_the_systems_dark_setting(page, live_server, assert_accessible):
    call_command("load_demo", stdout=StringIO())

    for path in ["/", "/articles/knee-osteotomy/", "/forums/", "/blogs/", "/heroes/"]:
        page.goto(path)
        use_colour_scheme(page, "dark")
        assert page.evaluate("document.documentElement.dataset.bsTheme") == "dark"
        assert background(page, "body") == "rgb(33, 37, 41)"
        use_colour_scheme(page, "light")
        assert background(page, "body") == "rgb(255, 255, 255)"
        assert_accessible(page)  # light and dark


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_header_fits_a_long_pseudonym(page, live_server, login, assert_accessible, viewport):
    login(page, live_server, make_user(username=LONG_NAME))
    page.set_viewport_size(viewport)
    page.goto("/")

    if viewport is PHONE:
        page.get_by_role("button", name="Show the menu").click()
    account = page.get_by_role("button", name=LONG_NAME)  # the whole name for screen readers
    expect(account).to_be_visible()
    assert account.get_attribute("title") == LONG_NAME
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    header = page.locator(".site-header .navbar").bounding_box()
    if viewport is DESKTOP:
        assert header["height"] < 80, "the desktop header wrapped onto a second line"
        name = page.locator(".header-username")
        assert name.evaluate("el => el.scrollWidth > el.clientWidth")  # cut short with …
    account.click()
    expect(page.get_by_role("link", name="Settings")).to_be_visible()
    assert_accessible(page)


def test_the_home_page_has_no_empty_column_on_a_wide_screen(page, live_server, assert_accessible):
    call_command("load_demo", stdout=StringIO())
    page.set_viewport_size(DESKTOP)
    page.goto("/")

    main = page.locator("main").bounding_box()
    sections = page.locator("aside .sidebar-section")
    boxes = [sections.nth(i).bounding_box() for i in range(sections.count())]
    left = [box for box in boxes if abs(box["x"] - main["x"]) < 20]
    right = [box for box in boxes if box["x"] > main["x"] + main["width"]]
    assert left and right, "the sidebar's sections should fill both columns"
    left_bottom = max(box["y"] + box["height"] for box in left)
    right_bottom = max(box["y"] + box["height"] for box in right)
    assert abs(left_bottom - right_bottom) < 0.35 * max(left_bottom, right_bottom)
    assert_accessible(page)

    page.set_viewport_size(PHONE)  # one column, the article first
    first_section = page.locator("aside .sidebar-section").first.bounding_box()
    assert first_section["y"] > page.locator("main").bounding_box()["y"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(
    "path", ["/accounts/2fa/", "/accounts/email/", "/accounts/password/change/"]
)
def test_account_pages_look_like_the_site_and_lead_back_to_settings(
    page, live_server, login, assert_accessible, path, viewport
):
    login(page, live_server, make_user(username="kneehealer"))
    page.set_viewport_size(viewport)
    page.goto(path)

    assert page.locator(".site-header").is_visible()
    assert page.locator("main li .btn").count() == 0  # no button in a bulleted list
    assert_accessible(page)
    page.get_by_role("link", name="Back to Settings").click()
    page.wait_for_url("**/accounts/settings/")


def test_two_factor_setup_asks_to_confirm_access_in_the_site_style(
    page, live_server, login, assert_accessible
):
    login(page, live_server, make_user(username="kneehealer"))
    page.goto("/accounts/2fa/")

    page.get_by_role("link", name="Activate").click()

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.locator("main input.form-control").count() >= 1
    assert page.get_by_role("link", name="Back to Settings").is_visible()
    assert_accessible(page)
