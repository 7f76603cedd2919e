"""Blogs and moderation in Spanish: the blog pages under /es/, the report form, and the back
office (unprefixed) in the staff member's chosen language. Members' words stay as written."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.models import Block
from core.site import site_name
from moderation import services
from tests.blogs.factories import make_comment, make_post
from tests.factories import make_user
from tests.heroes.factories import make_nomination
from tests.i18n.english_left import english_left

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def spanish_url(view_name: str, *args) -> str:
    with translation.override("es"):
        return reverse(view_name, args=args)


def page(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_blog_list_is_in_spanish_and_the_posts_as_written(client):
    make_post(title="Mi rodilla, semana dos", tags=["rodilla"])

    html = page(client, "/es/blogs/")

    assert "Blogs de pacientes" in html
    assert "Los miembros escriben sobre su operación y su recuperación" in html
    assert "Mi rodilla, semana dos" in html and "0 comentarios" in html
    assert "Members write about their surgery" not in html
    assert "Write about your recovery" not in html


def test_no_english_is_left_on_the_spanish_blog_pages(client, patient, other_patient):
    post = make_post(author=patient, title="Día cinco", tags=["rodilla"])
    comment = make_comment(post=post, author=other_patient, body="¡Ánimo con la recuperación!")
    client.force_login(other_patient)
    paths = [
        "/es/blogs/", "/es/blogs/tag/rodilla/", "/es/blogs/new/", "/es/blogs/settings/",
        spanish_url("blogs:blog_detail", patient.username),
        spanish_url("blogs:post_detail", patient.username, post.pk, post.slug),
        spanish_url("blogs:comment_edit", comment.pk),
        spanish_url("moderation:report", "blogs", "blogpost", post.pk),
    ]  # fmt: skip

    for path in paths:
        html = page(client, path)
        assert '<html lang="es">' in html, path
        assert english_left(html) == [], path


def test_the_english_blog_list_is_unchanged(client):
    make_post(title="My knee, week two")

    html = page(client, "/blogs/", HTTP_ACCEPT_LANGUAGE="en")

    assert "Members write about their surgery and recovery" in html
    assert "Los miembros escriben" not in html


def test_a_blog_post_page_in_spanish(client, patient):
    post = make_post(author=patient, title="Día cinco", body="Hoy **caminé** un poco.")

    html = page(client, spanish_url("blogs:post_detail", patient.username, post.pk, post.slug))

    assert "Día cinco" in html and "caminé" in html  # the member's words, untouched
    assert "Comentarios (0)" in html and "Todavía no hay comentarios." in html
    assert "Inicie sesión</a> para comentar." in html
    assert "No comments yet." not in html and "to comment." not in html


def test_the_post_form_in_spanish(client, patient):
    client.force_login(patient)

    html = page(client, "/es/blogs/new/")

    for spanish in ("Escribir una entrada", "Guardar borrador", "Publicar", "Vista previa",
                    "Fecha y hora de publicación", "Imagen de portada", "Etiquetas",
                    "Su blog es público"):  # fmt: skip
        assert spanish in html, spanish
    for english in ("Save draft", "Publication time", "Start typing", "Your blog is public"):
        assert english not in html, english


def test_a_refused_post_says_why_in_spanish(client, patient):
    client.force_login(patient)
    tags = ", ".join(f"etiqueta{n}" for n in range(12))

    response = client.post("/es/blogs/new/", {"title": "Hola", "body": "Texto", "tags": tags})

    html = response.content.decode()
    assert "Use como máximo 8 etiquetas." in html
    assert "Please use at most" not in html


def test_the_report_form_in_spanish(client, patient, other_patient):
    post = make_post(author=other_patient, title="Una entrada")
    client.force_login(patient)

    html = page(client, spanish_url("moderation:report", "blogs", "blogpost", post.pk))

    assert "Denunciar contenido: entrada de blog" in html
    assert "Insultos o acoso" in html and "Enviar la denuncia" in html
    assert "Abuse or harassment" not in html and "Send report" not in html


def test_a_report_is_thanked_in_spanish(client, patient, other_patient):
    post = make_post(author=other_patient)
    client.force_login(patient)
    url = spanish_url("moderation:report", "blogs", "blogpost", post.pk)

    response = client.post(url, {"reason": "spam"}, follow=True)

    html = response.content.decode()
    assert "Gracias. Un moderador lo revisará." in html
    assert "A moderator will take a look" not in html


def test_the_moderation_dashboard_follows_the_language_cookie(client, moderator):
    services.report_content(target=make_post(), reporter=make_user(), reason="abuse")
    client.force_login(moderator)
    dashboard = reverse("admin:moderation_dashboard")
    english = page(client, dashboard, HTTP_ACCEPT_LANGUAGE="en")
    client.cookies[COOKIE] = "es"

    spanish = page(client, dashboard, HTTP_ACCEPT_LANGUAGE="en")

    assert "Open work" in english and "Nominations" in english
    for text in ("Panel de moderación", "Nominaciones", "Trabajo pendiente", "Alertas de crisis",
                 "Denuncias de miembros", "Insultos o acoso", "No está de guardia.",
                 "Empezar la guardia", "No hay nada en espera de revisión."):  # fmt: skip
        assert text in spanish, text
    assert "Cerrar sesión" in spanish  # Django's own admin strings
    for text in ("Open work", "Member reports", "Go on duty", "Nothing is held for review",
                 "Nominations"):  # fmt: skip
        assert text not in spanish, text
    assert english_left(spanish) == []


def test_the_back_office_index_in_spanish(client, moderator):
    client.force_login(moderator)
    client.cookies[COOKIE] = "es"

    html = page(client, reverse("admin:index"))

    assert f"Administración de {site_name('es')}" in html
    assert "Moderación y edición" in html and "<strong>Panel de moderación</strong>" in html
    assert "Entradas de blog" in html  # the models' names in the app list
    assert "back office" not in html and "Blog posts" not in html


def test_the_report_page_in_spanish(client, moderator):
    post = make_post(body="Palabras denunciadas")
    report = services.report_content(target=post, reporter=make_user(), reason="spam")
    client.force_login(moderator)
    client.cookies[COOKIE] = "es"

    html = page(client, reverse("admin:moderation_report_change", args=[report.pk]))

    assert "Palabras denunciadas" in html
    assert "El contenido en su contexto" in html and "Decidir" in html
    assert "Publicidad no deseada (spam)" in html and "Desestimar" in html
    assert "The content in context" not in html and "Dismiss" not in html
    assert english_left(html) == []


def test_an_admin_action_reports_in_spanish(client, moderator):
    post = make_post()
    client.force_login(moderator)
    client.cookies[COOKIE] = "es"

    response = client.post(
        reverse("admin:blogs_blogpost_changelist"),
        {"action": "hide_selected", "_selected_action": [post.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "Ocultados: 1." in html
    assert "1 hidden." not in html
    post.refresh_from_db()
    assert post.is_hidden


def test_admin_action_names_are_in_spanish(client, moderator):
    make_post()
    client.force_login(moderator)
    client.cookies[COOKIE] = "es"

    html = page(client, reverse("admin:blogs_blogpost_changelist"))

    assert "Ocultar los elementos seleccionados" in html
    assert "Hide the selected items" not in html


def test_the_blog_feed_speaks_spanish_under_the_prefix(client):
    make_post(title="Entrada del canal")

    spanish = page(client, "/es/blogs/feed/")
    english = page(client, "/blogs/feed/", HTTP_ACCEPT_LANGUAGE="en")

    assert "Las últimas entradas de los blogs de los miembros." in spanish
    assert "Entrada del canal" in spanish and "<language>es</language>" in spanish
    assert "The latest posts from members' blogs." in english
    assert "The latest posts" not in spanish


def test_the_back_office_names_records_in_the_moderators_language(client, moderator):
    """The name of a record (its `__str__`: change lists, deletions, history) is a sentence in
    the moderator's language, not English around the data."""
    nomination = make_nomination(nominator=make_user(username="agradecida"))
    client.force_login(moderator)
    url = reverse("admin:heroes_nomination_change", args=[nomination.pk])
    english = page(client, url)
    client.cookies[COOKIE] = "es"

    spanish = page(client, url)

    assert "nominated by agradecida" in english
    assert "(nominación de agradecida)" in spanish and "nominated by" not in spanish
    with translation.override("es"):
        assert str(
            Block(blocker=make_user(username="ana"), blocked=make_user(username="beto"))
        ) == ("ana bloquea a beto")
