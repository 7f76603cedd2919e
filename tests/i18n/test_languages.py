"""One URL, one language: prefixes, the first-visit redirect, the switcher, members' choice."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_a_spanish_browser_is_sent_once_to_the_spanish_page(client):
    response = client.get("/articles/?page=1", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/es/articles/?page=1"
    assert "Accept-Language" in response["Vary"]
    spanish = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="es")
    assert spanish.status_code == 200
    assert spanish["Content-Language"] == "es"
    assert b'<html lang="es">' in spanish.content


def test_an_english_browser_stays_on_the_unprefixed_page(client):
    response = client.get("/articles/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert b'<html lang="en">' in response.content


def test_a_language_we_do_not_have_falls_back_to_english(client):
    response = client.get("/articles/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_the_chosen_language_wins_over_the_browser(client):
    client.cookies[COOKIE] = "en"
    english = client.get("/articles/", HTTP_ACCEPT_LANGUAGE="es")
    assert english.status_code == 200
    client.cookies[COOKIE] = "es"
    assert client.get("/articles/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/es/articles/"


def test_a_prefixed_page_is_in_its_language_whatever_the_browser_says(client):
    response = client.get("/es/articles/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Language"] == "es"


def test_tools_outside_the_prefixes_are_not_redirected(client):
    for path in ("/healthz", "/robots.txt", "/sitemap.xml"):
        assert client.get(path, HTTP_ACCEPT_LANGUAGE="es").status_code == 200, path
    assert client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="es")["Content-Language"] == "es"


def test_posts_are_not_redirected(client):
    response = client.post("/accounts/login/", {}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200


def test_the_switcher_keeps_the_page_and_remembers_the_choice(client):
    response = client.get("/language/es/", {"next": "/articles/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/es/articles/?page=2"
    assert response.cookies[COOKIE].value == "es"
    back = client.get("/language/en/", {"next": "/es/articles/?page=2"})
    assert back["Location"] == "/articles/?page=2"
    assert back.cookies[COOKIE].value == "en"


def test_the_switcher_refuses_other_hosts_and_unknown_languages(client):
    response = client.get("/language/es/", {"next": "https://evil.example/"})
    assert response["Location"] == "/es/"
    assert client.get("/language/xx/").status_code == 404


def test_the_switcher_saves_a_members_choice(client, patient):
    client.force_login(patient)
    client.get("/language/es/", {"next": "/"})
    patient.refresh_from_db()
    assert patient.language == "es"


def test_a_members_setting_follows_them_to_a_new_device(client, patient):
    patient.language = "es"
    patient.save(update_fields=["language"])
    client.force_login(patient)
    first = client.get("/articles/")
    assert first.cookies[COOKIE].value == "es"
    assert client.get("/articles/")["Location"] == "/es/articles/"


def test_every_page_links_to_the_other_language(client):
    english = client.get("/articles/").content.decode()
    assert 'href="/language/es/?next=/articles/"' in english
    spanish = client.get("/es/articles/").content.decode()
    assert 'href="/language/en/?next=/es/articles/"' in spanish
    assert 'href="/language/es/' not in spanish  # no link to the language already shown


def test_account_pages_under_a_prefix_are_not_page_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/es/accounts/login/")
    response = client.get("/es/accounts/login/")
    assert "X-Page-Cache" not in response
    assert client.get("/es/articles/")["X-Page-Cache"] == "miss"  # positive control
    assert client.get("/es/articles/")["X-Page-Cache"] == "hit"


def test_the_javascript_catalogue_is_per_language_and_cached_by_browsers(client):
    spanish = client.get("/es/jsi18n/")
    assert spanish.status_code == 200
    catalogue = spanish.content.decode()
    assert '"Are you sure?"' in catalogue  # the JavaScript strings, keyed by their English
    assert "Cambiar el idioma a" not in catalogue  # only the JavaScript strings
    assert "max-age=3600" in spanish["Cache-Control"]
    again = client.get("/es/jsi18n/", HTTP_IF_MODIFIED_SINCE=spanish["Last-Modified"])
    assert again.status_code == 304
    assert client.get("/jsi18n/").status_code == 200


def test_every_page_names_its_other_language_versions_for_search_engines(client):
    english = client.get("/forums/").content.decode()
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/forums/">' in english
    assert '<link rel="alternate" hreflang="en" href="http://testserver/forums/">' in english
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/forums/">' in english
    spanish = client.get("/es/forums/").content.decode()
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/forums/">' in spanish


def test_a_missing_page_names_no_alternates(client):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert 'hreflang="x-default"' not in response.content.decode()
    assert 'hreflang="x-default"' in client.get("/es/").content.decode()  # the control
