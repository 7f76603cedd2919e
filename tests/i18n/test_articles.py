"""Articles in several languages: a Spanish article at /es/articles/<its slug>/, hreflang
alternates both ways, "Leer en español" / "Read in English", a list per language, the
sitemap, the admin's translate action and the Spanish demo; videos and heroes in Spanish."""

from io import StringIO
from urllib.parse import quote

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, BodyPart
from tests.factories import make_article
from tests.heroes.factories import make_hero
from tests.i18n.english_left import english_left
from tests.videos.factories import make_video

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def osteotomy():
    """The knee osteotomy in English and in Spanish, and an article only in English."""
    english = make_article(title="Knee osteotomy", slug="knee-osteotomy",
                           warning_signs=["Pain in the knee increases."])  # fmt: skip
    spanish = make_article(
        title="Osteotomía de rodilla", slug="osteotomia-de-rodilla", language="es",
        translation_of=english, body_part=english.body_part,
        summary="Una osteotomía consiste en cortar un hueso.",
        warning_signs=["El dolor de rodilla aumenta."],
        reviewer_name="Dra. Demo", last_reviewed_on="2026-11-20",
    )  # fmt: skip
    untranslated = make_article(title="Hip arthroscopy", slug="hip-arthroscopy",
                                body_part=english.body_part)  # fmt: skip
    return english, spanish, untranslated


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


# --- the article pages ----------------------------------------------------------------------


def test_the_spanish_article_is_in_spanish(client, osteotomy):
    html = page(client, "/es/articles/osteotomia-de-rodilla/")

    assert '<html lang="es">' in html
    assert "Osteotomía de rodilla" in html and "Una osteotomía consiste en cortar un hueso." in html
    assert (
        "Qué es" in html and "Vaya al médico si" in html and "El dolor de rodilla aumenta." in html
    )
    assert "Última revisión" in html and "Dra. Demo" in html
    assert "What it is" not in html and "See your doctor if" not in html


def test_hreflang_alternates_both_ways(client, osteotomy):
    english_url, spanish_url = (
        f"{ORIGIN}/articles/knee-osteotomy/",
        f"{ORIGIN}/es/articles/osteotomia-de-rodilla/",
    )
    for path in ("/articles/knee-osteotomy/", "/es/articles/osteotomia-de-rodilla/"):
        html = page(client, path)
        assert f'<link rel="alternate" hreflang="en" href="{english_url}">' in html, path
        assert f'<link rel="alternate" hreflang="es" href="{spanish_url}">' in html, path
        assert f'<link rel="alternate" hreflang="x-default" href="{english_url}">' in html, path


def test_the_english_page_offers_the_spanish_translation(client, osteotomy):
    html = page(client, "/articles/knee-osteotomy/")

    assert 'href="/es/articles/osteotomia-de-rodilla/"' in html
    assert 'lang="es">' in html and "Leer en español" in html


def test_an_untranslated_article_offers_no_spanish(client, osteotomy):
    html = page(client, "/articles/hip-arthroscopy/")

    assert "Hip arthroscopy" in html  # the page itself
    assert "Leer en español" not in html
    assert '<link rel="alternate" hreflang="es"' not in html


def test_a_draft_translation_is_not_offered(client, osteotomy):
    _english, spanish, _untranslated = osteotomy
    spanish.status = Article.Status.DRAFT
    spanish.save()

    html = page(client, "/articles/knee-osteotomy/")

    assert "Knee osteotomy" in html
    assert "Leer en español" not in html


def test_the_spanish_page_offers_english_through_the_switcher(client, osteotomy):
    html = page(client, "/es/articles/osteotomia-de-rodilla/")

    switch = (
        reverse("switch_language", args=["en"])
        + "?next="
        + quote("/articles/knee-osteotomy/", safe="")
    )
    assert f'href="{switch}"' in html and "Read in English" in html
    response = client.get(switch)
    assert response["Location"] == "/articles/knee-osteotomy/"


def test_an_article_asked_for_in_the_language_of_its_translation_redirects_to_it(client, osteotomy):
    to_spanish = client.get("/es/articles/knee-osteotomy/")
    to_english = client.get("/articles/osteotomia-de-rodilla/")

    assert (
        to_spanish.status_code == 302
        and to_spanish["Location"] == "/es/articles/osteotomia-de-rodilla/"
    )
    assert to_english.status_code == 302 and to_english["Location"] == "/articles/knee-osteotomy/"


def test_an_untranslated_article_in_spanish_is_shown_in_english_and_says_so(client, osteotomy):
    html = page(client, "/es/articles/hip-arthroscopy/")

    assert '<html lang="es">' in html
    assert "Este artículo aún no está traducido" in html
    assert '<div lang="en">' in html and "What it is" in html  # its own headings, marked English


def main_part(html: str) -> str:
    """The page's own content: the header and footer (the site's frame) are checked apart."""
    return html[html.index("<main") : html.index("</main>") + len("</main>")]


def test_no_english_is_left_in_the_spanish_article_pages(client, osteotomy):
    make_video(title="Osteotomy explained", related_articles=[osteotomy[0]])
    for path in (
        "/es/articles/", "/es/articles/osteotomia-de-rodilla/",
        "/es/articles/osteotomia-de-rodilla/print/", "/es/articles/osteotomia-de-rodilla/feedback/",
        "/es/articles/hip-arthroscopy/",  # in English, marked lang="en"
    ):  # fmt: skip
        html = main_part(page(client, path))
        assert "Osteotomía de rodilla" in html or "Hip arthroscopy" in html, path
        assert english_left(html) == [], path


# --- lists and sitemap ----------------------------------------------------------------------


def test_the_spanish_list_has_spanish_articles_and_untranslated_english_ones(client, osteotomy):
    html = page(client, "/es/articles/")

    assert "Artículos sobre procedimientos" in html
    assert "Osteotomía de rodilla" in html
    assert 'lang="en">Hip arthroscopy</a>' in html and "en inglés" in html
    assert "Knee osteotomy" not in html  # replaced by its translation


def test_the_english_list_has_english_articles(client, osteotomy):
    html = page(client, "/articles/")

    assert "Knee osteotomy" in html and "Hip arthroscopy" in html
    assert "Osteotomía de rodilla" not in html
    assert "in Spanish" not in html


def test_the_sitemap_lists_each_language_with_alternates(client, osteotomy):
    xml = page(client, "/sitemap.xml")

    assert f"<loc>{ORIGIN}/articles/knee-osteotomy/</loc>" in xml
    assert f"<loc>{ORIGIN}/es/articles/osteotomia-de-rodilla/</loc>" in xml
    assert f'hreflang="es" href="{ORIGIN}/es/articles/osteotomia-de-rodilla/"' in xml
    assert f'hreflang="x-default" href="{ORIGIN}/articles/knee-osteotomy/"' in xml
    assert f"<loc>{ORIGIN}/articles/hip-arthroscopy/</loc>" in xml
    # each article under its own language only
    assert "/es/articles/knee-osteotomy/" not in xml
    assert "/articles/osteotomia-de-rodilla/</loc>" not in xml.replace("/es/articles/", "")
    # the other pages in both languages
    assert f"<loc>{ORIGIN}/es/heroes/</loc>" in xml and f"<loc>{ORIGIN}/heroes/</loc>" in xml


# --- editors and the demo -------------------------------------------------------------------


def test_the_translate_action_makes_a_spanish_draft_once(client, editor, osteotomy):
    _english, _spanish, untranslated = osteotomy
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    data = {"action": "translate_selected", ACTION_CHECKBOX_NAME: [untranslated.pk]}

    client.post(changelist, data)
    client.post(changelist, data)

    copy = Article.objects.get(translation_of=untranslated)
    assert copy.language == "es" and copy.status == Article.Status.DRAFT
    assert copy.slug == "hip-arthroscopy-es" and not copy.reviewer_name
    assert Article.objects.filter(translation_of=untranslated).count() == 1
    assert "Leer en español" not in page(client.__class__(), "/articles/hip-arthroscopy/")


def test_load_demo_creates_the_three_spanish_articles_once():
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())

    spanish = Article.objects.filter(language="es").select_related("translation_of")
    assert sorted(article.translation_of.slug for article in spanish) == [
        "acl-reconstruction", "knee-osteotomy", "total-knee-replacement",
    ]  # fmt: skip
    for article in spanish:
        assert article.is_demo and article.is_published
        assert article.reviewer_name and article.last_reviewed_on
        assert article.why_done and article.risks and article.restrictions
        assert article.care_instructions.count() >= 6 and article.warning_signs.count() >= 5
    osteotomy = spanish.get(slug="osteotomia-de-rodilla")
    assert osteotomy.illustrations.get().alt_text.startswith("Dibujo")


# --- videos and heroes ----------------------------------------------------------------------


def test_the_videos_pages_are_in_spanish(client):
    video = make_video(title="Knee exercises after surgery", is_featured=True)

    listing = page(client, "/es/videos/")
    detail = page(client, f"/es/videos/{video.slug}/")

    assert "Vídeos destacados" in listing and "Knee exercises after surgery" in listing
    assert "Featured videos" not in listing
    assert "Transcripción" in detail and "Leer la transcripción" in detail
    assert "Read the transcript" not in detail
    assert "Featured videos" in page(client, "/videos/")  # the English page stays English


def test_the_heroes_pages_are_in_spanish(client):
    hero = make_hero(name="Jane Demo", status="published")

    listing = page(client, "/es/heroes/")
    detail = page(client, f"/es/heroes/{hero.slug}/")

    assert "Héroes" in listing and "Política de héroes" in listing and "Jane Demo" in listing
    assert "Hero policy" not in listing
    assert "Historias de nuestros miembros" in detail and "Jane Demo" in detail
    assert "Stories from our members" not in detail
    assert "Stories from our members" in page(client, f"/heroes/{hero.slug}/")


def test_no_english_is_left_in_the_spanish_video_and_hero_pages(client):
    video = make_video(title="Knee exercises after surgery", is_featured=True)
    hero = make_hero(name="Jane Demo", status="published")
    for path in (
        "/es/videos/",
        f"/es/videos/{video.slug}/",
        "/es/heroes/",
        f"/es/heroes/{hero.slug}/",
    ):
        html = main_part(page(client, path))
        assert "Knee exercises after surgery" in html or "Jane Demo" in html, path
        assert english_left(html) == [], path


def test_videos_of_the_original_show_on_its_translation(client, osteotomy):
    english, _spanish, _untranslated = osteotomy
    make_video(title="Osteotomy explained", related_articles=[english])

    html = page(client, "/es/articles/osteotomia-de-rodilla/")

    assert "Osteotomy explained" in html


def test_body_parts_are_named_in_the_readers_language(client):
    knee = BodyPart.objects.create(
        slug="knee-es", name="Knee", translations={"es": {"name": "Rodilla"}}
    )
    make_article(title="Knee osteotomy", body_part=knee)
    assert ">Rodilla<" in client.get("/es/articles/").content.decode()
    assert ">Knee<" in client.get("/articles/").content.decode()


@pytest.mark.parametrize(
    "bad", [["Rodilla"], {"fr": {"name": "Genou"}}, {"es": "Rodilla"}, {"es": {"name": 3}}]
)
def test_a_malformed_body_part_translation_is_refused(bad):
    part = BodyPart(slug="knee-x", name="Knee", translations=bad)
    with pytest.raises(ValidationError):
        part.full_clean()
    BodyPart(slug="knee-y", name="Knee2", translations={"es": {"name": "Rodilla"}}).full_clean()
