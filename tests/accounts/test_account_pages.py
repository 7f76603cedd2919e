"""allauth's pages in the site's layout: the header and footer, Bootstrap forms, the way back
to Settings on the account pages, and two-factor methods in boxes (no stray bullet)."""

import re

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db

MANAGE_PAGES = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
]
ENTRANCE_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]


def in_site_layout(html: str) -> bool:
    return 'class="skip-link"' in html and "site-header" in html and "site-footer" in html


@pytest.mark.parametrize("url", MANAGE_PAGES)
def test_account_pages_are_in_the_site_layout_and_lead_back_to_settings(client, url):
    client.force_login(make_user())

    html = client.get(url).content.decode()

    assert in_site_layout(html)
    assert re.search(
        r'<a class="settings-back" href="/accounts/settings/">.*Back to Settings', html
    )
    assert "allauth-page" in html
    assert "<strong>Menu:</strong>" not in html  # allauth's own bare layout


@pytest.mark.parametrize("url", ENTRANCE_PAGES)
def test_sign_in_and_sign_up_pages_are_in_the_site_layout(client, url):
    html = client.get(url).content.decode()

    assert in_site_layout(html)
    assert 'class="form-control' in html
    assert "settings-back" not in html  # a visitor has no settings


def test_two_factor_methods_are_boxes_with_buttons_not_a_bulleted_list(client):
    client.force_login(make_user())

    html = client.get("/accounts/2fa/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]

    assert main.count('<section class="card') >= 2  # authenticator app, recovery codes
    assert re.search(r'<a href="/accounts/2fa/totp/activate/"\s+class="btn btn-primary', main)
    assert "<ul>" not in main and "<li>" not in main


def test_email_page_uses_bootstrap_radios_and_badges(client):
    client.force_login(make_user(email="me@example.com"))

    html = client.get("/accounts/email/").content.decode()

    assert 'class="form-check-input"' in html
    assert '<span class="badge text-bg-success">' in html
    assert 'class="btn btn-outline-danger' in html  # Remove looks destructive


def test_settings_lists_every_account_page(client):
    client.force_login(make_user())

    html = client.get("/accounts/settings/").content.decode()

    for url in MANAGE_PAGES:
        assert f'href="{url}"' in html
