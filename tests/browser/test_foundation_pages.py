"""The foundation's pages in a real browser: axe-clean, our own origin only, no console
error (the `page` fixture checks the last two at teardown), and usable by keyboard."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import User
from accounts.notifications import notify
from core.models import SitePage
from tests.articles.factories import make_osteotomy as _make_osteotomy
from tests.browser.conftest import ALL_IMPACTS
from tests.factories import make_article, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_osteotomy():
    article = _make_osteotomy()
    make_article(title="Knee arthroscopy", slug="knee-arthroscopy", body_part=article.body_part)
    return article


def test_visitor_home_page(page, live_server, assert_accessible):
    make_osteotomy()

    page.goto("/")

    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name="Knee osteotomy").count() >= 1
    assert_accessible(page)


def test_visitor_article_list(page, live_server, assert_accessible):
    make_osteotomy()

    page.goto("/articles/")

    assert page.get_by_role("heading", level=1).inner_text() == "Procedure articles"
    assert page.get_by_role("link", name="Knee arthroscopy").is_visible()
    assert_accessible(page)


def test_visitor_article_page(page, live_server, assert_accessible):
    make_osteotomy()

    page.goto("/articles/knee-osteotomy/")

    assert page.get_by_role("heading", level=1).inner_text() == "Knee osteotomy"
    assert page.get_by_text("1–4 days").is_visible()
    assert page.locator(".warning-signs").count() == 2
    assert_accessible(page)


def test_visitor_signs_up_verifies_email_and_signs_in(
    page, live_server, assert_accessible, settings
):
    settings.SIGNUP_MIN_SECONDS = 0  # a test types faster than any person
    page.goto("/accounts/signup/")
    assert_accessible(page)

    page.get_by_label("Pseudonym").fill("newknee")
    page.get_by_label("Email").fill("newknee@example.com")
    page.get_by_label("Password*", exact=True).fill("a-long-browser-password-7")
    page.get_by_label("Password (again)").fill("a-long-browser-password-7")
    page.get_by_label("I accept the terms of use").check()
    page.get_by_label("I will follow the community guidelines").check()
    page.get_by_label("I am 16 or older").check()
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert_accessible(page)

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + link[link.index("/accounts/") :])
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    # Confirming signs the member in and opens the welcome page.
    page.wait_for_url(live_server.url + "/welcome/")
    assert page.get_by_role("button", name="newknee").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Pseudonym or email").fill("newknee")
    page.get_by_label("Password*", exact=True).fill("a-long-browser-password-7")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("button", name="newknee").is_visible()
    assert User.objects.get(username="newknee").emailaddress_set.get().verified


def test_member_profile_page(page, live_server, login, assert_accessible):
    member = make_user(username="kneehealer", bio="Two years after my osteotomy.")
    login(page, live_server, member)

    page.goto("/members/kneehealer/")

    assert page.get_by_role("heading", level=1).inner_text() == "kneehealer"
    assert_accessible(page)


def test_member_settings_page(page, live_server, login, assert_accessible):
    member = make_user(username="hipnewme")
    login(page, live_server, member)

    page.goto("/accounts/settings/")
    assert_accessible(page)
    page.get_by_label("About me").fill("New hip in March.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save settings").click()

    expect(page.get_by_text("Your settings were saved.")).to_be_visible()
    member.refresh_from_db()
    assert member.bio == "New hip in March."
    assert_accessible(page)


def test_main_navigation_works_with_the_keyboard(page, live_server):
    make_osteotomy()
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto("/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Articles":
            break
    else:
        pytest.fail("Tab never reached the Articles link in the main navigation.")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/articles/")
    assert page.get_by_role("heading", level=1).inner_text() == "Procedure articles"


def test_demo_content_pages(page, live_server, assert_accessible):
    call_command("load_demo", stdout=StringIO())

    for path in ["/", "/articles/", "/articles/?body_part=knee", "/articles/knee-osteotomy/"]:
        page.goto(path)
        assert_accessible(page, impacts=ALL_IMPACTS)  # not even a minor violation
    assert page.get_by_text("due for review").is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/pages/privacy/",
        "/accounts/login/",
        "/accounts/password/reset/",
        "/search/?q=knee",
    ],
)
def test_visitor_pages(page, live_server, assert_accessible, path):
    SitePage.objects.create(slug="privacy", title="Privacy", body="We keep **little**.")
    make_osteotomy()

    page.goto(path)

    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_not_found_page(page, live_server, page_watch, assert_accessible):
    with page.expect_console_message(lambda message: message.type == "error"):
        response = page.goto("/no-such-page/")

    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "We couldn't find that page"
    assert_accessible(page)
    page_watch.expect_console_error("status of 404")


@pytest.mark.parametrize(
    "path",
    [
        "/notifications/",
        "/accounts/delete/",
        "/accounts/verification/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
    ],
)
def test_member_pages(page, live_server, login, assert_accessible, path):
    member = make_user(username="kneehealer")
    notify(
        recipient=member, kind="reply", params={"legacy_text": "runagain replied to you"}, url="/"
    )
    login(page, live_server, member)

    page.goto(path)

    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/articles/", "/articles/knee-osteotomy/"])
def test_pages_reflow_on_a_narrow_screen(page, live_server, assert_accessible, path):
    """320 CSS pixels wide is a 1280-pixel window at 400% zoom (WCAG 1.4.10 reflow)."""
    make_osteotomy()
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(path)

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_collapsed_menu_opens_with_the_keyboard(page, live_server):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    toggler = page.get_by_role("button", name="Show the menu")
    articles = page.locator("#main-nav").get_by_role("link", name="Articles", exact=True)
    assert not articles.is_visible()

    toggler.focus()
    page.keyboard.press("Enter")

    expect(articles).to_be_visible()
    assert toggler.get_attribute("aria-expanded") == "true"


def test_article_prints_without_the_site_chrome(page, live_server):
    make_osteotomy()
    page.goto("/articles/knee-osteotomy/")

    page.emulate_media(media="print")

    assert page.get_by_role("heading", level=1).is_visible()
    assert page.locator(".warning-signs").first.is_visible()
    assert page.locator(".timeline").is_visible()
    assert not page.locator("header nav").is_visible()
    assert not page.locator("aside.sidebar").is_visible()
    assert not page.get_by_role("button", name="Print this article").is_visible()
