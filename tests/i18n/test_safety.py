"""Safety in Spanish: its own phrases and labelled corpus, every language's phrases checked
on every page, the crisis lines of the reader's language and country (member setting, else
the Accept-Language region, else every line of the language), the crisis page's reviewer."""

import datetime
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from blogs.posting import check_text as blog_check
from forums.posting import check_text as forum_check
from moderation.models import Report
from safety import corpus
from safety.checks import classifier_for, classifiers, classify
from safety.levels import Level
from safety.lines import crisis_lines
from safety.models import CrisisLine, SafetyPhrase, SafetyReview
from tests.factories import make_article, make_user
from tests.forums.factories import make_thread
from tests.i18n.english_left import english_left

pytestmark = pytest.mark.django_db

LINE_024 = "Línea 024 de atención a la conducta suicida"
LINEA_DE_LA_VIDA = "Línea de la Vida"
LINE_988_ES = "988 Línea de Prevención del Suicidio y Crisis"
FIEBRE = SimpleNamespace(text="Fiebre o escalofríos", keyword_list=["fiebre", "escalofrios"])
ROJA = SimpleNamespace(text="Enrojecimiento o calor alrededor de la herida",
                       keyword_list=["roja", "enrojecida", "caliente"])  # fmt: skip


def ours(page: str, start: str, end: str) -> str:
    """The part of the page this app renders (the header and footer are other apps')."""
    part = page[page.index(start) : page.index(end, page.index(start))]
    return f'<html lang="es"><body>{part}</body></html>'


def spanish_url(name: str, *args) -> str:
    with translation.override("es"):
        return reverse(name, args=args)


def test_the_spanish_corpus_is_big_enough_and_covers_every_level_and_kind():
    rows = corpus.load("es")["phrases"]

    assert len(rows) >= 100
    assert {row["level"] for row in rows} == set(Level.values)
    assert {"recovery", "idiom", "negation", "advice"} <= {row["kind"] for row in rows}


@pytest.mark.parametrize("checked", ["spanish phrases", "every language's phrases"])
def test_spanish_recall_and_false_positives_meet_the_english_targets(checked):
    classifier = classifier_for("es") if checked == "spanish phrases" else classifiers("es")

    scores = corpus.evaluate(classifier, "es")
    print(f"\nSpanish corpus, {checked}: {scores}")  # noqa: T201
    for text, expected, found in scores.misses:
        print(f"  miss: {text!r} expected {expected}, found {found}")  # noqa: T201

    assert scores.crisis_recall >= corpus.RECALL_TARGET
    assert scores.emergency_recall >= corpus.RECALL_TARGET
    assert scores.false_positive_rate <= corpus.FALSE_POSITIVE_LIMIT
    assert scores.problems() == []


def test_checking_the_spanish_phrases_too_adds_no_false_alarm_on_the_english_corpus():
    english_only = corpus.evaluate(classifier_for("en"), "en")
    every_language = corpus.evaluate(classifiers("en"), "en")

    assert every_language.problems() == []
    assert every_language.false_positive_rate <= english_only.false_positive_rate + 0.01
    assert every_language.crisis_recall == english_only.crisis_recall == 1.0


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Quiero morirme", "crisis"),
        ("no quiero seguir viviendo", "crisis"),
        ("Ya no puedo más", "crisis"),
        ("ya no puedo mas", "crisis"),
        ("Me duele mucho el pecho y no puedo respirar", "emergency"),
        ("me duele mucho el pecho y no puedo respirar", "emergency"),
        ("La herida está roja y caliente, tengo fiebre", "sign"),
        ("la herida esta roja y caliente, tengo fiebre", "sign"),
        ("Me muero de ganas de volver a correr", "none"),
        ("No tengo dolor en el pecho, solo la rodilla rígida", "none"),
    ],
)
def test_spanish_with_and_without_accents(text, level):
    assert classify(text, "es", warning_signs=[FIEBRE, ROJA]).level == level


def test_spanish_written_on_an_english_page_is_still_a_crisis_and_says_which_language():
    spanish = classify("no quiero seguir viviendo", language="en")
    english = classify("I don't want to live anymore", language="en")

    assert (spanish.level, spanish.languages) == ("crisis", ("es",))
    assert (english.level, english.languages) == ("crisis", ("en",))
    assert "(es)" in spanish.note() and "(en)" not in english.note()


def test_the_spanish_phrases_are_data_in_a_fresh_database():
    spanish = SafetyPhrase.objects.filter(language="es")

    assert spanish.filter(level="crisis").count() > 40
    assert not spanish.filter(level="emergency", reason="").exists()
    assert spanish.filter(level="idiom").exists() and spanish.filter(level="advice").exists()


def test_spanish_lines_by_country_and_every_line_without_one():
    def names(country):
        return {line.name for line in crisis_lines("es", country)}

    assert LINE_024 in names("ES") and LINEA_DE_LA_VIDA not in names("ES")
    assert LINEA_DE_LA_VIDA in names("MX") and LINE_024 not in names("MX")
    assert LINE_988_ES in names("US") and LINE_024 not in names("US")
    assert {LINE_024, LINEA_DE_LA_VIDA, LINE_988_ES} <= names("")
    assert {LINE_024, LINEA_DE_LA_VIDA, LINE_988_ES} <= names("AR")  # no lines of its own
    assert "Samaritans" not in names("") and "Samaritans" in {
        line.name for line in crisis_lines("en", "")
    }


def test_a_spanish_crisis_reply_gets_the_spanish_notice_with_024_for_a_member_in_spain(client):
    member = make_user(username="lucia", country="ES", language="es")
    thread = make_thread()
    client.force_login(member)

    response = client.post(
        spanish_url("forums:post_create", thread.pk),
        {"body": "Ya no quiero vivir, quiero morirme"},
        follow=True,
    )

    page = response.content.decode()
    assert 'data-safety-level="crisis"' in page
    assert "No está solo ni sola." in page and "You are not alone." not in page
    assert LINE_024 in page and 'href="tel:024"' in page
    assert LINEA_DE_LA_VIDA not in page and "Samaritans" not in page
    assert english_left(ours(page, 'id="safety-notice"', "<main")) == []
    report = Report.objects.get()
    assert report.level == "crisis" and "(es)" in report.note


def test_the_spanish_crisis_page_for_a_mexican_browser_shows_la_linea_de_la_vida(client):
    response = client.get(spanish_url("crisis_resources"), HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")

    page = response.content.decode()
    assert response.status_code == 200
    assert "¿Necesita ayuda ahora?" in page and "Need help now?</h1>" not in page
    assert LINEA_DE_LA_VIDA in page and 'href="tel:8009112000"' in page
    assert LINE_024 not in page
    assert "Ver las líneas de todos los países" in page
    assert "private" in response["Cache-Control"]  # never stored under the region-free key


def test_the_spanish_crisis_page_without_a_region_shows_every_spanish_line(client):
    response = client.get(spanish_url("crisis_resources"), HTTP_ACCEPT_LANGUAGE="es")

    page = response.content.decode()
    assert LINE_024 in page and LINEA_DE_LA_VIDA in page
    assert LINE_988_ES in page and "oprima 2" in page
    assert "Samaritans" not in page and "Nadie vigila esta comunidad las 24 horas." in page
    assert "private" not in response.get("Cache-Control", "")
    assert english_left(ours(page, "<main", "</main>")) == []


def test_a_member_setting_wins_over_the_browser_region(client):
    client.force_login(make_user(country="US"))

    page = client.get(spanish_url("crisis_resources"), HTTP_ACCEPT_LANGUAGE="es-MX").content
    page = page.decode()

    assert LINE_988_ES in page and LINEA_DE_LA_VIDA not in page


def test_english_is_unchanged(client):
    english = client.get(reverse("crisis_resources")).content.decode()

    assert "Need help now?" in english and "Samaritans" in english and "116 123" in english
    assert LINE_024 not in english and "¿Necesita ayuda ahora?" not in english


def test_the_crisis_page_shows_the_reviewer_of_its_language(client):
    SafetyReview.objects.create(
        language="es", reviewer_name="Dra. Carmen Ruiz", reviewer_credentials="psiquiatra",
        last_reviewed_on=datetime.date(2026, 11, 20),
    )  # fmt: skip
    SafetyReview.objects.create(
        language="en", reviewer_name="Dr. Alex Moore", last_reviewed_on=datetime.date(2026, 10, 1)
    )

    spanish = client.get(spanish_url("crisis_resources")).content.decode()
    english = client.get(reverse("crisis_resources")).content.decode()

    assert "revisadas por Dra. Carmen Ruiz, psiquiatra el 20 de noviembre de 2026" in spanish
    assert "Dr. Alex Moore" not in spanish
    assert "reviewed by Dr. Alex Moore" in english and "Carmen Ruiz" not in english


def test_an_inactive_spanish_line_is_not_shown():
    CrisisLine.objects.filter(name=LINE_024).update(is_active=False)

    names = {line.name for line in crisis_lines("es", "ES")}

    assert LINE_024 not in names and "Su número local de emergencias" in names


def test_the_admin_guards_a_spanish_phrase_with_the_spanish_corpus_and_says_so_in_spanish(
    client, settings
):
    client.force_login(make_user(username="jefa", is_staff=True, is_superuser=True))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    data = {"level": "emergency", "language": "es", "phrase": "la", "reason": "Toda frase",
            "is_active": "on"}  # fmt: skip

    refused = client.post(reverse("admin:safety_safetyphrase_add"), data).content.decode()
    data |= {"phrase": "se me durmio media cara"}
    saved = client.post(reverse("admin:safety_safetyphrase_add"), data)

    assert "las falsas alarmas serían" in refused and "false positives would be" not in refused
    assert not SafetyPhrase.objects.filter(language="es", phrase="la").exists()
    assert saved.status_code == 302
    assert classify("Se me durmió media cara", "es").level == "emergency"


@pytest.mark.parametrize(
    "text",
    ["Me duele mucho el pecho y no puedo respirar", "La herida está roja y caliente, tengo fiebre"],
)
def test_the_emergency_and_sign_notices_in_spanish_have_no_english_left(client, text):
    client.force_login(make_user())
    result = classify(text, "es", warning_signs=[FIEBRE, ROJA])
    with translation.override("es"):
        html = Template("{% load safety_tags %}{% safety_notice result after=True %}").render(
            Context({"result": result})
        )

    assert f'data-safety-level="{result.level}"' in html
    assert "Contacte hoy" in html or "Llame ahora a su número local de emergencias" in html
    assert english_left(f'<html lang="es"><body>{html}</body></html>') == []


def _knee_osteotomy_in_two_languages(spanish_status=Article.Status.PUBLISHED):
    english = make_article(title="Knee osteotomy", warning_signs=[("You have a fever", "fever")])
    make_article(
        title="Osteotomía de rodilla", language="es", translation_of=english,
        body_part=english.body_part, status=spanish_status,
        warning_signs=[("Tiene fiebre.", "fiebre, escalofríos")],
    )  # fmt: skip
    return english


def test_a_thread_about_the_english_original_checks_the_signs_of_its_spanish_version():
    """The forums link the originals; a Spanish speaker writes in Spanish there."""
    english = _knee_osteotomy_in_two_languages()

    spanish = forum_check("Desde ayer tengo fiebre", [english.pk])
    in_english = forum_check("I have had a fever since yesterday", [english.pk])

    assert (spanish.level, spanish.signs) == ("sign", ("Tiene fiebre.",))
    assert (in_english.level, in_english.signs) == ("sign", ("You have a fever",))


def test_a_blog_post_about_the_spanish_version_checks_the_signs_of_the_original_too():
    english = _knee_osteotomy_in_two_languages()
    spanish = english.translations.get()

    assert blog_check("A fever since yesterday", article=spanish).signs == ("You have a fever",)
    assert blog_check("Fiebre desde ayer", article=spanish).signs == ("Tiene fiebre.",)


def test_a_draft_translation_adds_no_signs():
    english = _knee_osteotomy_in_two_languages(spanish_status=Article.Status.DRAFT)

    assert forum_check("Desde ayer tengo fiebre", [english.pk]).level == "none"


def test_a_flag_reads_in_each_moderators_language(client, moderator):
    """The stored note is what matched, in no language; the page words the rest."""
    client.force_login(make_user(username="lucia", language="es"))
    client.post(spanish_url("forums:post_create", make_thread().pk), {"body": "Quiero morirme"})
    report = Report.objects.get()
    client.force_login(moderator)
    url = reverse("admin:moderation_report_change", args=[report.pk])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the poster's was Spanish

    english = client.get(url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    spanish = client.get(url).content.decode()

    assert report.note.startswith("(es) ") and "Matched" not in report.note
    assert "What the safety check matched" in english and "Crisis: risk" in english
    assert "Lo que encontró la comprobación de seguridad" in spanish
    assert "What the safety check matched" not in spanish and "Crisis: risk" not in spanish
    assert report.note in english and report.note in spanish


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_what_matched_and_writes_the_sentence_back():
    report = Report.objects.create(
        content_type=ContentType.objects.get_for_model(Article), object_id=1,
        reason=Report.Reason.SAFETY, level=Report.Level.CRISIS, note="(es) quiero morir*",
    )  # fmt: skip
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()

    executor.migrate([("moderation", "0005_log_actions_and_details")])
    report.refresh_from_db()
    assert report.note == "Crisis: risk to the member's life. Matched (es): quiero morir*"
    executor.loader.build_graph()
    executor.migrate(latest)

    report.refresh_from_db()
    assert report.note == "(es) quiero morir*"
