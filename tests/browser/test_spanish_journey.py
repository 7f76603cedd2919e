"""A Spanish-speaking patient's journey, driven through the browser like a person would:
their browser asks for Spanish, so the home page opens at /es/; they read an article, search
without accents, sign up (one mistake first), confirm their address from the Spanish email,
give their country, reply in the forums with words of crisis (the Spanish notice with Spain's
024) and start a thread naming warning signs (the procedure's signs, in Spanish), hear of a
mention on the bell's page and by email, download their data and delete their account.

Every page is `<html lang="es">` with no English left (tests/i18n/english_left.py); the pages
no other Spanish test checks are axe-checked here."""

import html
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import Notification, User
from articles import demo as articles_demo
from articles.models import Article
from forums import posting
from moderation.models import Report
from tests.factories import make_user
from tests.forums.factories import make_forum, make_thread
from tests.i18n.english_left import english_left

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(locale="es-ES"),  # Accept-Language: es-ES
]

PSEUDONYM = "rodillanueva"
PASSWORD = "una-contraseña-larga-7"
CRISIS = "Ya no puedo más con este dolor, no quiero seguir viviendo"
SIGN = "Desde ayer tengo fiebre y la herida está roja y caliente"
SPANISH_SIGN = "Tiene fiebre u otros síntomas que hagan pensar en una infección."


def in_spanish(page) -> None:
    """The page is in Spanish: its language, and no English phrase of the interface."""
    assert page.locator("html").get_attribute("lang") == "es", page.url
    assert "/es/" in page.url, page.url
    leftovers = english_left(page.content())
    assert leftovers == [], f"English left on {page.url}:\n  " + "\n  ".join(leftovers)


def email_in_spanish(message) -> None:
    text = f"{message.subject}\n{message.body}"
    leftovers = english_left(f'<html lang="es"><body><pre>{html.escape(text)}</pre></body></html>')
    assert leftovers == [], f"English left in the email {message.subject!r}: {leftovers}"


def open_link(page, url: str) -> None:
    """A link from an email, opened on the test server (emails name PORTAL_SITE_URL)."""
    path = re.sub(r"^https?://[^/]+", "", url)
    page.goto(path)


def seed():
    """The demo's articles (the knee osteotomy also in Spanish), the knee forum linked to the
    English original as the demo does, and a thread by another Spanish-speaking member."""
    articles_demo.load(stdout=StringIO())
    original = Article.objects.get(slug="knee-osteotomy")
    forum = make_forum(name="Cirugía de rodilla", slug="knee", articles=[original])
    other = make_user(username="caminante", language="es", country="ES")
    thread = make_thread(
        forum=forum,
        author=other,
        article=original,
        title="Primera semana después de la osteotomía",
        body="¿Cómo lleváis los primeros días en casa?",
    )
    return forum, thread, other


def test_a_spanish_speaking_patient_uses_the_site_in_spanish(
    page, live_server, assert_accessible, settings
):
    settings.SIGNUP_MIN_SECONDS = 0  # a test types faster than any person
    forum, thread, other = seed()

    # Their browser prefers Spanish: the home page opens in Spanish.
    page.goto("/")
    page.wait_for_url("**/es/")
    in_spanish(page)

    # They read the knee osteotomy in Spanish.
    page.get_by_role("navigation").get_by_role("link", name="Artículos", exact=True).click()
    page.wait_for_url("**/es/articles/")
    page.get_by_role("link", name="Osteotomía de rodilla").first.click()
    page.wait_for_url("**/es/articles/osteotomia-de-rodilla/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Osteotomía de rodilla")
    expect(page.get_by_text(SPANISH_SIGN).first).to_be_visible()
    in_spanish(page)
    assert_accessible(page)

    # They search without the accent and find it.
    page.get_by_role("searchbox", name="Buscar en el portal").fill("osteotomia")
    page.get_by_role("button", name="Buscar", exact=True).click()
    page.wait_for_url(re.compile(r"/es/search/\?q=osteotomia$"))
    results = page.get_by_role("main")
    expect(results.get_by_role("link", name="Osteotomía de rodilla").first).to_be_visible()
    in_spanish(page)

    # They sign up: a mistake first, said in Spanish, and nothing is created.
    page.get_by_role("link", name="Registrarse").first.click()
    page.wait_for_url("**/es/accounts/signup/")
    page.get_by_label("Seudónimo").fill(PSEUDONYM)
    page.get_by_label("Correo electrónico").fill(f"{PSEUDONYM}@example.com")
    page.get_by_label("Contraseña*", exact=True).fill(PASSWORD)
    page.get_by_label("Contraseña (de nuevo)").fill(PASSWORD + "x")
    page.get_by_label("Acepto las condiciones de uso").check()
    page.get_by_label("Seguiré las normas de la comunidad").check()
    page.get_by_label("Tengo 16 años o más").check()
    page.get_by_role("button", name="Registrarse").click()
    expect(page.get_by_text("Debe escribir la misma contraseña cada vez.")).to_be_visible()
    assert not User.objects.filter(username=PSEUDONYM).exists()
    in_spanish(page)

    page.get_by_label("Contraseña*", exact=True).fill(PASSWORD)
    page.get_by_label("Contraseña (de nuevo)").fill(PASSWORD)
    page.get_by_role("button", name="Registrarse").click()
    page.wait_for_url("**/es/accounts/confirm-email/")
    in_spanish(page)
    assert_accessible(page)

    # The confirmation email is in Spanish and links to the Spanish page.
    confirmation = mail.outbox[-1]
    assert confirmation.to == [f"{PSEUDONYM}@example.com"]
    assert "confirme su dirección de correo electrónico" in confirmation.subject
    email_in_spanish(confirmation)
    link = re.search(r"https?://\S+/es/accounts/confirm-email/\S+", confirmation.body).group(0)
    open_link(page, link)
    in_spanish(page)
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirmar").click()
    page.wait_for_url("**/es/welcome/")
    expect(page.get_by_role("button", name=PSEUDONYM)).to_be_visible()
    in_spanish(page)
    assert_accessible(page)
    member = User.objects.get(username=PSEUDONYM)

    # They give their country, for the crisis lines.
    page.get_by_role("button", name=PSEUDONYM).click()
    page.get_by_role("link", name="Ajustes", exact=True).click()
    page.wait_for_url("**/es/accounts/settings/")
    page.get_by_label("País").select_option(label="España")
    with page.expect_navigation():
        page.get_by_role("button", name="Guardar los ajustes").click()
    expect(page.get_by_text("Se guardaron sus ajustes.")).to_be_visible()
    in_spanish(page)
    member.refresh_from_db()
    assert member.country == "ES" and member.language == "es"  # signed up in Spanish

    # They reply with words of crisis: the Spanish notice, with Spain's line.
    page.goto(thread.get_absolute_url())
    assert page.url.endswith("/es" + thread.get_absolute_url())
    page.get_by_label("Su mensaje").fill(CRISIS)
    notice = page.locator('#post-check [data-safety-level="crisis"]')
    expect(notice).to_contain_text("No está solo ni sola")
    expect(notice).to_contain_text("024")
    with page.expect_navigation():
        page.get_by_role("button", name="Publicar la respuesta").click()
    after = page.locator('#safety-notice [data-safety-level="crisis"]')
    expect(after).to_contain_text("024")
    expect(after).to_contain_text("Línea 024 de atención a la conducta suicida")
    expect(after).not_to_contain_text("Línea de la Vida")  # Mexico's, not for Spain
    in_spanish(page)
    assert_accessible(page)
    assert Report.objects.get(level="crisis").object_id

    # They start a thread naming warning signs: the procedure's signs, in Spanish.
    page.goto(forum.get_absolute_url())
    page.get_by_role("link", name="Abrir un hilo").first.click()
    page.wait_for_url("**/es/forums/knee/new/")
    page.wait_for_load_state("load")  # the live check listens once the scripts have run
    page.get_by_role("textbox", name="Título").fill("Fiebre en la segunda semana")
    page.get_by_label("Su primer mensaje").fill(SIGN)
    check = page.locator('#post-check [data-safety-level="sign"]')
    expect(check).to_contain_text(SPANISH_SIGN)
    in_spanish(page)
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Publicar el hilo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiebre en la segunda semana")
    notice = page.locator('#safety-notice [data-safety-level="sign"]')
    expect(notice).to_contain_text(SPANISH_SIGN)
    expect(notice).to_contain_text("Contacte hoy")
    in_spanish(page)

    # Another member mentions them: the bell's page and the email say so in Spanish.
    mail.outbox.clear()
    posting.reply(thread=thread, author=other, body=f"@{PSEUDONYM} ánimo, no está sola.")
    page.goto(forum.get_absolute_url())
    bell = page.get_by_role("link", name=re.compile("^Notificaciones 1"))
    bell.click()
    page.wait_for_url("**/es/notifications/")
    sentence = f"caminante le mencionó en «{thread.title}»"
    expect(page.get_by_role("main").get_by_text(sentence)).to_be_visible()
    in_spanish(page)
    (email,) = [m for m in mail.outbox if m.to == [f"{PSEUDONYM}@example.com"]]
    assert sentence in email.subject
    assert "/es/" in email.body
    email_in_spanish(email)
    assert Notification.objects.get(recipient=member).kind == "forum_mention"

    # They download their data from the settings page.
    page.get_by_role("button", name=PSEUDONYM).click()
    page.get_by_role("link", name="Ajustes", exact=True).click()
    page.wait_for_url("**/es/accounts/settings/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar sus datos (JSON)").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"portal-data-{PSEUDONYM}-")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["account"]["username"] == PSEUDONYM and data["account"]["country"] == "ES"
    assert sentence in [n["message"] for n in data["notifications"]]

    # They delete their account: a wrong pseudonym is refused in Spanish, then it goes.
    page.get_by_role("link", name="Eliminar su cuenta").click()
    page.wait_for_url("**/es/accounts/delete/")
    in_spanish(page)
    page.get_by_label("Escriba su seudónimo para confirmar").fill("otra")
    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    with page.expect_navigation():
        page.get_by_role("button", name="Eliminar mi cuenta").click()
    expect(page.get_by_text("Ese no es su seudónimo.")).to_be_visible()
    assert User.objects.get(pk=member.pk).deleted_at is None
    page.get_by_label("Escriba su seudónimo para confirmar").fill(PSEUDONYM)
    with page.expect_navigation():
        page.get_by_role("button", name="Eliminar mi cuenta").click()
    page.wait_for_url("**/es/")
    expect(page.get_by_text("Su cuenta se ha eliminado.")).to_be_visible()
    assert questions == ["¿Eliminar su cuenta? No se puede deshacer."] * 2
    expect(page.get_by_role("link", name="Iniciar sesión")).to_be_visible()
    in_spanish(page)
    gone = User.objects.get(pk=member.pk)
    assert gone.deleted_at is not None and not gone.is_active
    assert gone.username == f"deleted-{member.pk}" and gone.email == ""
    assert not gone.emailaddress_set.exists() and not gone.notifications.exists()
