"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Every browser test in this folder looks like this:

    @pytest.mark.browser
    @pytest.mark.django_db(transaction=True)
    def test_visitor_reads_an_article(page, live_server, assert_accessible):
        page.goto(live_server.url + "/articles/")
        assert_accessible(page)

What the fixtures give you:
- `page`: a fresh page (its own browser context, so its own cookies) that records every
  request and every console error. At teardown the test fails if the page asked another
  host for anything (no CDN, no fonts, no analytics: requests to other hosts are also
  aborted, so a test never reaches the network) or if the console showed an error
  (that is where Content-Security-Policy violations and JavaScript errors appear).
  `page_watch` is the recorder itself, for tests that check it mid-way, or that expect
  an error: `page_watch.expect_console_error("status of 404")` on a page tested for 404.
- `assert_accessible(page)`: runs axe-core (bundled by axe-playwright-python) with the
  WCAG 2.x A/AA rules plus best practices, in the light and the dark colour scheme (the
  site follows the system's); fails on serious or critical violations.
- `login(page, live_server, user)`: signs `user` in by giving the browser a session cookie
  (no form to fill). Use the real allauth form only where the sign-in itself is tested.

The browser: `CHROMIUM_PATH`, else `/usr/bin/chromium` (Debian's `chromium` package;
`playwright install` cannot download browsers here). Without one, browser tests are
skipped with the reason; with `REQUIRE_BROWSER=1` (CI) a missing browser fails them.
Run only these tests with `make test-browser` (`pytest -m browser`).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from core.site import site_name

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# axe-core rule tags: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")
# The site follows the system's colour scheme: every page is checked in both.
COLOUR_SCHEMES = ("light", "dark")
FAILING_IMPACTS = ("serious", "critical")
# Schemes that never leave the browser (Bootstrap draws some icons as data: SVGs).
LOCAL_SCHEMES = {"data", "blob", "about"}


def pytest_collection_modifyitems(config, items):
    """Browser tests elsewhere would get pytest-playwright's plain `page`, without the
    request, console and marker checks above: refuse them."""
    here = Path(__file__).resolve().parent
    for item in items:
        if item.get_closest_marker("browser") and here not in Path(item.path).resolve().parents:
            raise pytest.UsageError(
                f"{item.nodeid} is marked browser: move it into tests/browser/ so that it "
                "gets the checked `page` fixture."
            )


def chromium_path() -> str | None:
    """The Chromium binary to drive, or None when there is none on this machine."""
    path = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch options, pointed at Debian's Chromium."""
    path = chromium_path()
    if path is None:
        reason = (
            f"No Chromium at {os.environ.get('CHROMIUM_PATH') or DEFAULT_CHROMIUM}: "
            "install Debian's `chromium` package or set CHROMIUM_PATH."
        )
        if browser_required():
            pytest.fail(f"REQUIRE_BROWSER=1 but the browser tests cannot run. {reason}")
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    """Relative URLs (`page.goto("/articles/")`) go to the live server; a desktop viewport
    so that the main navigation is expanded."""
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture(scope="session", autouse=True)
def _allow_sync_orm_next_to_playwright():
    """Playwright's sync API keeps an event loop running in the main thread, and Django
    refuses ORM calls from a thread with a running loop. Allowed for the test process
    only, from the first browser test to the end of the session (never in settings)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class PageWatch:
    """What a page asked for and complained about, to check at the end of a test."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def is_foreign(self, url: str) -> bool:
        scheme = urlsplit(url).scheme
        return scheme not in LOCAL_SCHEMES and _origin(url) != self.origin

    def on_request(self, request) -> None:
        self.requests.append(request.url)
        if self.is_foreign(request.url):
            self.foreign_requests.append(request.url)

    def on_console(self, message) -> None:
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            self.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_page_error(self, error) -> None:
        self.console_errors.append(f"Uncaught: {error}")

    def problems(self) -> list[str]:
        found = [f"request to another host: {url}" for url in self.foreign_requests]
        found += [f"console error: {text}" for text in self.console_errors]
        return found

    def check(self) -> None:
        """Raise AssertionError listing every foreign request and console error so far."""
        problems = self.problems()
        if problems:
            raise AssertionError(
                "The page broke the browser rules (only our own origin, no console errors):\n"
                + "\n".join(f"  - {problem}" for problem in problems)
            )

    def expect_console_error(self, text: str) -> None:
        """Accept the console errors containing `text`, which the test expects (a page that
        answers 404 on purpose logs "status of 404"); fail if there is none."""
        expected = [error for error in self.console_errors if text in error]
        assert expected, f"Expected a console error with {text!r}, got {self.console_errors}"
        self.console_errors = [error for error in self.console_errors if text not in error]

    def reset(self) -> None:
        """Forget what was recorded (negative-control tests, after checking it fired)."""
        self.requests.clear()
        self.foreign_requests.clear()
        self.console_errors.clear()


@pytest.fixture
def page_watch(live_server) -> PageWatch:
    return PageWatch(origin=_origin(live_server.url))


@pytest.fixture
def page(context, page_watch, request):
    """A page that records requests and console errors; the test fails at teardown if
    the page requested anything from another host or logged a console error."""
    _require_browser_markers(request.node)

    def route(route_request):
        if page_watch.is_foreign(route_request.request.url):
            route_request.abort("blockedbyclient")  # never reach the network from a test
        else:
            route_request.fallback()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(10_000)  # a missing element fails in 10 s, not 30
    page.on("request", page_watch.on_request)
    page.on("console", page_watch.on_console)
    page.on("pageerror", page_watch.on_page_error)
    yield page
    page_watch.check()


def _require_browser_markers(item) -> None:
    if item.get_closest_marker("browser") is None:
        pytest.fail("Browser tests must be marked @pytest.mark.browser.")
    db_marker = item.get_closest_marker("django_db")
    if db_marker is None or not db_marker.kwargs.get("transaction"):
        pytest.fail("Browser tests need @pytest.mark.django_db(transaction=True) (live server).")


def axe_violations(page, *, impacts=FAILING_IMPACTS) -> list[dict]:
    """Run axe-core on the page as it is now; return the violations of the given impacts."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [v for v in results.response["violations"] if v.get("impact") in impacts]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node.get("target", []))
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {node.get('html', '')[:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def use_colour_scheme(page, scheme: str) -> None:
    """Emulate the system's light or dark setting, and wait until the page follows it
    (js/theme.js sets <html data-bs-theme>) and its colour transitions have ended (motion
    reduced: they last 0.01 ms), so that no colour is read halfway."""
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    page.wait_for_function(
        "scheme => (!document.documentElement.hasAttribute('data-bs-theme')"
        " || document.documentElement.getAttribute('data-bs-theme') === scheme)"
        " && !document.getAnimations().some(a => a instanceof CSSTransition)",
        arg=scheme,
    )


def check_page_title(page) -> None:
    """Every page of the site is titled "Page · Site name" (the admin has its own titles;
    the negative controls in test_checks.py are not the site's)."""
    path = urlsplit(page.url).path
    if path.startswith(("/admin/", "/__")):
        return
    title = page.title()
    name, separator, site = title.rpartition(" · ")
    expected = site_name(page.evaluate("document.documentElement.lang"))
    assert separator and site == expected and name.strip(), (
        f"{page.url} is titled {title!r}, not 'Page · {expected}'"
    )
    assert "·" not in name, f"{page.url} is titled {title!r}: a doubled separator"


def check_accessible(page, *, impacts=FAILING_IMPACTS) -> None:
    """axe in both colour schemes (the site follows the system's), then back to light; and
    the page's title."""
    check_page_title(page)
    found = []
    try:
        for scheme in COLOUR_SCHEMES:
            use_colour_scheme(page, scheme)
            violations = axe_violations(page, impacts=impacts)
            if violations:
                found.append(f"in the {scheme} colour scheme:\n{format_violations(violations)}")
    finally:
        use_colour_scheme(page, "light")
    if found:
        levels = "/".join(sorted(impacts, key=ALL_IMPACTS.index))
        raise AssertionError(
            f"axe found {levels} accessibility problem(s) on {page.url} " + "\n".join(found)
        )


@pytest.fixture
def assert_accessible():
    """`assert_accessible(page)`: no serious or critical axe-core violations.
    `assert_accessible(page, impacts=ALL_IMPACTS)` is stricter: no violation at all."""
    return check_accessible


def force_login(page, live_server, user) -> None:
    """Give the page's browser context a logged-in session cookie for `user`."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


@pytest.fixture
def login():
    """`login(page, live_server, user)`: sign `user` in without going through the form."""
    return force_login
