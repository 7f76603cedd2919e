"""The site's shell in Spanish: header, footer, home page, error pages, site pages (each
in the reader's language, else English with a note), dates, and allauth's pages."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.template import Context, Template
from django.utils import translation

from core import demo
from core.models import SitePage
from tests.factories import make_user
from tests.i18n.english_left import english_left

pytestmark = pytest.mark.django_db

INSTANT = datetime.datetime(2026, 3, 3, 14, 5, tzinfo=datetime.UTC)


def render_when(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load core_tags %}" + source).render(Context(context))


def test_the_home_page_is_english_without_a_prefix_and_spanish_under_es(client):
    english = client.get("/").content.decode()
    spanish = client.get("/es/").content.decode()

    assert "Skip to main content" in english and "Browse procedures by body part" in english
    assert "Saltar al contenido principal" in spanish
    assert "Intervenciones por parte del cuerpo" in spanish
    assert "Información, no consejo médico." in spanish  # the footer's disclaimer
    assert "Normas de la comunidad" in spanish
    assert "Browse procedures by body part" not in spanish
    assert "Skip to main content" not in spanish


def test_the_page_title_and_description_are_spanish(client):
    page = client.get("/es/").content.decode()

    assert "<title>La cirugía y la recuperación, explicadas y compartidas ·" in page
    assert 'content="Información para pacientes sobre cirugía ortopédica' in page
    assert "Surgery and recovery, explained and shared" not in page


def test_a_member_sees_the_header_menu_in_spanish(client):
    client.force_login(make_user(username="lucia"))

    page = client.get("/es/").content.decode()

    assert "Mi recuperación" in page and "Cerrar sesión" in page
    assert "Sign out" not in page


def test_the_demo_privacy_page_is_spanish_with_the_facts_translated(client):
    demo.load(stdout=io.StringIO())

    page = client.get("/es/pages/privacy/").content.decode()

    assert "<h1>Privacidad</h1>" in page
    assert "Qué guardamos, por qué, durante cuánto tiempo y quién lo ve" in page
    assert "Última actualización:" in page
    assert "What we keep, why, for how long, and who sees it" not in page
    assert "Esta página aún no está traducida" not in page


def test_the_english_privacy_page_stays_english(client):
    demo.load(stdout=io.StringIO())

    page = client.get("/pages/privacy/").content.decode()

    assert "<h1>Privacy</h1>" in page
    assert "<h1>Privacidad</h1>" not in page


def test_a_page_without_a_translation_falls_back_to_english_with_a_note(client):
    SitePage.objects.create(slug="accessibility", title="Accessibility", body="We test.")

    page = client.get("/es/pages/accessibility/").content.decode()

    assert '<h1 lang="en">Accessibility</h1>' in page
    assert "Esta página aún no está traducida" in page
    english = client.get("/pages/accessibility/").content.decode()
    assert "<h1>Accessibility</h1>" in english
    assert "not translated yet" not in english


def test_a_page_in_neither_the_language_nor_english_is_not_found(client):
    SitePage.objects.create(slug="terms", language="es", title="Condiciones", body="Una.")

    assert client.get("/es/pages/missing/").status_code == 404
    assert client.get("/pages/terms/").status_code == 404  # Spanish is no fallback for English
    assert client.get("/es/pages/terms/").status_code == 200


def test_one_page_per_slug_and_language():
    SitePage.objects.create(slug="terms", title="Terms", body="One.")
    SitePage.objects.create(slug="terms", language="es", title="Condiciones", body="Una.")

    assert SitePage.objects.filter(slug="terms").count() == 2
    with pytest.raises(IntegrityError):
        SitePage.objects.create(slug="terms", language="es", title="Otra", body="Dos.")


def test_a_spanish_page_links_to_its_spanish_address():
    page = SitePage.objects.create(slug="terms", language="es", title="Condiciones", body="Una.")

    assert page.get_absolute_url() == "/es/pages/terms/"


def test_the_demo_spanish_pages_are_marked_as_demo_content():
    demo.load(stdout=io.StringIO())

    spanish = SitePage.objects.filter(language="es")
    assert set(spanish.values_list("slug", flat=True)) == set(demo.PAGES)
    assert all(page.is_demo for page in spanish)


def test_when_writes_a_spanish_date_under_spanish():
    html = render_when("{% when value %}", "es", value=INSTANT)

    assert ">3 de marzo de 2026</time>" in html
    assert 'title="martes 3 de marzo de 2026, 14:05 UTC"' in html
    english = render_when("{% when value %}", "en", value=INSTANT)
    assert ">3 Mar 2026</time>" in english


def test_when_writes_a_spanish_plain_date():
    html = render_when("{% when value %}", "es", value=INSTANT.date())

    assert html == '<time datetime="2026-03-03">3 de marzo de 2026</time>'


def test_the_404_page_is_spanish(client):
    response = client.get("/es/no-such-page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "No hemos encontrado esa página" in page
    assert "We couldn't find that page" not in page


def test_the_allauth_sign_in_page_is_spanish(client):
    response = client.get("/es/accounts/login/")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Iniciar sesión" in page
    assert "Skip to main content" not in page


def test_the_welcome_page_and_its_messages_are_spanish(client):
    client.force_login(make_user(username="lucia"))

    page = client.get("/es/welcome/").content.decode()

    assert "Le damos la bienvenida, lucia" in page
    assert "2. La fecha de su cirugía" in page
    assert "Four short steps make the site yours" not in page


def test_the_composer_labels_are_spanish():
    with translation.override("es"):
        html = Template('{% include "includes/composer.html" %}').render(
            Context({"composer": {"images": True, "audience": "members"}})
        )

    assert 'aria-label="Negrita"' in html
    assert "Describa la imagen (obligatorio)" in html
    assert "Los miembros que puedan leer esto verán la imagen" in html
    assert "Add an image" not in html


@pytest.mark.parametrize(
    "url", ["/es/", "/es/pages/privacy/", "/es/pages/terms/", "/es/welcome/", "/es/no-such/"]
)
def test_no_english_is_left_on_the_spanish_shell_pages(client, url):
    demo.load(stdout=io.StringIO())
    client.force_login(make_user(username="lucia"))

    page = client.get(url).content.decode()

    assert "Cerrar sesión" in page and "Información, no consejo médico." in page
    assert english_left(page) == []


def test_the_home_page_features_the_readers_version_of_the_featured_article(client):
    call_command("load_demo", stdout=io.StringIO())
    english = client.get("/").content.decode()
    spanish = client.get("/es/").content.decode()
    assert "/articles/knee-osteotomy/" in english
    assert "/es/articles/osteotomia-de-rodilla/" in spanish
    assert "/es/articles/knee-osteotomy/" not in spanish
