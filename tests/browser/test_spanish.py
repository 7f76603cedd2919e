"""The main pages in Spanish (/es/…), at phone and desktop size: `<html lang="es">`, axe-clean
in both colour schemes, our own origin only, no console error (the `page` fixture), and no
English left (tests/i18n/english_left.py: the English catalogue's phrases of three words or
more, apart from what members wrote and text marked `lang="en"`).

The member content seeded here is Spanish, as a Spanish-speaking member would write it;
articles and videos are whatever the editors published."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.articles.factories import make_osteotomy
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_user
from tests.forums.factories import make_forum, make_post, make_thread
from tests.heroes.factories import make_hero
from tests.i18n.english_left import english_left
from tests.videos.factories import make_video

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
# Pages by name; "forum" and "thread" are found from the seeded content.
VISITOR_PAGES = {
    "home": "/",
    "articles": "/articles/",
    "article": "/articles/knee-osteotomy/",
    "forums": "/forums/",
    "forum": None,
    "thread": None,
    "blogs": "/blogs/",
    "videos": "/videos/",
    "heroes": "/heroes/",
    "search": "/search/?q=rodilla",
    "crisis": "/help/",
    "sign-in": "/accounts/login/",
    "sign-up": "/accounts/signup/",
}
MEMBER_PAGES = {
    "settings": "/accounts/settings/",  # with "Your data": the download and the deletion
    "notifications": "/notifications/",
    "messages": "/messages/",
    "new-message": "/messages/new/",
    "new-thread": "/forums/knee/new/",
    "reply": None,
    "recovery": "/forums/recovery/",
    "blog-editor": "/blogs/new/",
    "blog-settings": "/blogs/settings/",
    "verification": "/accounts/verification/",
    "delete-account": "/accounts/delete/",
}
# Moderators work in the back office (its dashboard is the admin's); on the site's pages they
# have their own controls (lock, pin, move, hide).
MODERATOR_PAGES = {"thread": None}


def seed(reader=None) -> dict[str, str]:
    """Content for every page to show; the Spanish paths of the forum and the thread. The
    `reader`, if any, started the thread and is named in the reply: a notification by the
    forums' own code."""
    article = make_osteotomy()
    forum = make_forum(name="Cirugía de rodilla", slug="knee", articles=[article])
    thread = make_thread(
        forum=forum,
        author=reader or make_user(username="rodillafeliz"),
        article=article,
        title="Cinco días después de la osteotomía: ¿es normal el dolor?",
        body="Me duele detrás de la rodilla por la noche. ¿Le pasó a alguien más?",
    )
    make_post(
        thread=thread,
        author=make_user(username="caminante"),
        body="A mí también, pasó en unas dos semanas. ¡Ánimo"
        + (f", @{reader.username}!" if reader else "!"),
    )
    make_blog_post(title="Mi diario de recuperación", body="Hoy caminé diez minutos sin muletas.")
    make_video(title="Ejercicios después de la cirugía", summary="Cómo doblar la rodilla.")
    make_hero(name="Ana Demo-Rivera (ficticia)", slug="ana", is_featured=True)
    with translation.override("es"):
        return {
            "forum": forum.get_absolute_url(),
            "thread": thread.get_absolute_url(),
            "reply": reverse("forums:post_create", args=[thread.pk]),
        }


def spanish(path: str) -> str:
    return path if path.startswith("/es/") else "/es" + path


def check_spanish_page(page, assert_accessible, path: str) -> None:
    response = page.goto(spanish(path))

    assert response.status == 200
    assert page.url.endswith(spanish(path)), f"{spanish(path)} went to {page.url}"
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").count() >= 1
    leftovers = english_left(page.content())
    assert leftovers == [], f"English left on {spanish(path)}:\n  " + "\n  ".join(leftovers)
    assert_accessible(page)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", VISITOR_PAGES)
def test_visitor_page_in_spanish(page, live_server, assert_accessible, name, size):
    found = seed()
    page.set_viewport_size(SIZES[size])

    check_spanish_page(page, assert_accessible, VISITOR_PAGES[name] or found[name])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_page_in_spanish(page, live_server, login, assert_accessible, name, size):
    member = make_user(username="pacientenuevo", language="es")
    found = seed(reader=member)
    login(page, live_server, member)
    page.set_viewport_size(SIZES[size])

    check_spanish_page(page, assert_accessible, MEMBER_PAGES[name] or found[name])
    if name == "notifications":
        assert page.locator("main").get_by_text("caminante").count() >= 1


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", MODERATOR_PAGES)
def test_moderator_page_in_spanish(page, live_server, login, assert_accessible, name, size):
    found = seed()
    login(page, live_server, make_user(username="moderadora", language="es", role="moderator"))
    page.set_viewport_size(SIZES[size])

    check_spanish_page(page, assert_accessible, MODERATOR_PAGES[name] or found[name])


def test_the_composer_speaks_the_page_language(page, live_server, login):
    """static/js/composer.js through the JavaScript catalogue: Spanish under /es/, English
    on the same page without the prefix."""
    seed()
    thread = make_thread(forum=make_forum(), title="Rodilla rígida por la mañana")
    login(page, live_server, make_user(username="escribiente", post_count=20))
    toolbar_bold = page.locator("[data-composer-toolbar] [data-md=bold]")
    body = page.locator("#id_body")

    for prefix, placeholder, no_file in [
        ("/es", "**texto en negrita**", "Primero elija una imagen."),
        ("", "**bold text**", "Choose an image first."),
    ]:
        page.goto(prefix + thread.get_absolute_url())
        toolbar_bold.click()
        assert body.input_value() == placeholder
        page.locator("[data-composer-image-toggle]").click()
        page.locator("[data-composer-upload]").click()
        assert page.locator("[data-composer-image-status]").inner_text() == no_file
