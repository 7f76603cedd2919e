"""Negative controls: each browser check is shown to fire on a page that breaks it, so
none of them can pass by never running. The broken pages are served by Playwright's
router on the live server's origin (`page.route`), so the product gains no route."""

import pytest

from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTROL_PATH = "/__browser-control__/"


def serve(page, live_server, html: str, *, headers=None) -> str:
    """Serve `html` at a made-up URL on the live server's origin; return the URL."""
    url = live_server.url + CONTROL_PATH
    page.route(
        url,
        lambda route: route.fulfill(
            status=200, content_type="text/html", body=html, headers=headers or {}
        ),
    )
    return url


def control_page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Control</title>'
        f'<link rel="icon" href="data:,"></head><body><main><h1>Control</h1>{body}</main>'
        "</body></html>"
    )


def test_axe_finds_an_unlabelled_image_and_input(page, live_server, assert_accessible):
    html = control_page('<img src="/static/img/logo.svg"><form><input type="text"></form>')
    page.goto(serve(page, live_server, html))

    with pytest.raises(AssertionError, match="serious/critical") as failure:
        assert_accessible(page)

    rules = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "label"} <= rules
    assert "image-alt" in str(failure.value)


def test_axe_passes_the_same_page_once_fixed(page, live_server, assert_accessible):
    html = control_page(
        '<img src="/static/img/logo.svg" alt="Logo">'
        '<form><label for="q">Search</label><input id="q" type="text"></form>'
    )
    page.goto(serve(page, live_server, html))

    assert_accessible(page)


def test_axe_checks_the_dark_colour_scheme_too(page, live_server, assert_accessible):
    style = (
        "<style>@media (prefers-color-scheme: dark) {"
        " body { background: #222; } p { color: #333; } }</style>"
    )
    page.goto(serve(page, live_server, control_page(style + "<p>Hard to read in the dark</p>")))

    with pytest.raises(AssertionError, match="dark colour scheme") as failure:
        assert_accessible(page)

    assert "color-contrast" in str(failure.value)
    assert "light colour scheme" not in str(failure.value)  # readable in light


def test_request_check_catches_an_image_from_another_host(page, live_server, page_watch):
    html = control_page('<img src="https://cdn.example.com/pixel.png" alt="A pixel">')
    with page.expect_request("https://cdn.example.com/pixel.png"):
        page.goto(serve(page, live_server, html))

    assert page_watch.foreign_requests == ["https://cdn.example.com/pixel.png"]
    with pytest.raises(AssertionError, match="request to another host: https://cdn.example"):
        page_watch.check()
    page_watch.reset()  # the control has made its point; let the teardown check pass


def test_console_check_catches_a_script_error(page, live_server, page_watch):
    html = control_page("<script>console.error('deliberate control error')</script>")
    with page.expect_console_message(lambda message: message.type == "error"):
        page.goto(serve(page, live_server, html))

    with pytest.raises(AssertionError, match="console error: deliberate control error"):
        page_watch.check()
    page_watch.reset()


@pytest.mark.absence_only("the positive is the refusal caught by page_watch (pytest.raises)")
def test_console_check_catches_a_content_security_policy_violation(page, live_server, page_watch):
    page.goto(live_server.url + "/")

    with page.expect_console_message(lambda message: message.type == "error"):
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.inlineRan = true";
                document.body.append(script);
            }"""
        )

    assert page.evaluate("window.inlineRan") is None  # the site's CSP refused it...
    with pytest.raises(AssertionError, match="Content Security Policy"):
        page_watch.check()  # ...and the refusal was caught as a console error
    page_watch.reset()
