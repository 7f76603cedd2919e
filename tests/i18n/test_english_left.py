"""The "no English left" check (tests/i18n/english_left.py) on small pages: it finds an
untranslated sentence, and lets member content, text marked English and Spanish pass."""

import polib

from tests.i18n.english_left import (
    catalogue_phrases,
    english_left,
    english_phrases,
    phrases_of,
    reader_text,
)


def catalogue(*entries: tuple[str, str]) -> polib.POFile:
    po = polib.POFile()
    for msgid, msgstr in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    return po


PHRASES = catalogue_phrases(
    catalogue(
        ("Sign in to reply", "Inicie sesión para responder"),
        ("Start a new thread", "Abrir un tema nuevo"),
        ("%(name)s replied to your thread", "%(name)s respondió a su tema"),
        ('Read the <a href="%(url)s">community guidelines</a> first.', "Lea las normas."),
        ("Email", "Correo electrónico"),
        ("Línea de la Vida", "Línea de la Vida"),
    )
)


def page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="es"><head><title>Foros</title></head><body>{body}</body></html>'


def test_phrases_are_cut_at_placeholders_and_tags_and_need_three_words():
    assert phrases_of("%(name)s replied to your thread") == ["replied to your thread"]
    assert phrases_of('Read the <a href="%(url)s">community guidelines</a> first.') == [
        "read the community guidelines first"
    ]
    assert phrases_of("All blogs (Atom)") == ["all blogs (atom)"]
    assert phrases_of("Email") == []
    assert phrases_of("Knee osteotomy") == []


def test_a_name_the_translation_keeps_is_not_english_left():
    assert "start a new thread" in PHRASES
    assert "línea de la vida" not in PHRASES


def test_a_leftover_english_sentence_is_found():
    html = page(
        "<main><h1>Foros</h1><p>Ana replied to your thread.</p>"
        '<a href="/es/accounts/login/">Sign in to <strong>reply</strong></a></main>'
    )
    assert english_left(html, PHRASES) == ["replied to your thread", "sign in to reply"]


def test_english_in_what_the_reader_hears_or_is_asked_is_found_too():
    html = page(
        '<button aria-label="Start a new thread"><i class="bi bi-plus"></i></button>'
        '<form data-confirm="Sign in to reply"><input type="submit" value="Enviar"></form>'
    )
    assert english_left(html, PHRASES) == ["sign in to reply", "start a new thread"]


def test_hidden_text_counts():
    html = page('<nav hidden><a href="/es/">Start a new thread</a></nav><p>Hola</p>')
    assert english_left(html, PHRASES) == ["start a new thread"]


def test_member_content_and_text_marked_english_pass():
    html = page(
        '<main><h1>Foros</h1><div class="post-card"><p class="post-card-meta">Ana</p>'
        '<div class="post-card-body"><p>Sign in to reply, they said.</p><p>Start a new thread'
        "</p></div></div>"
        "<h2 data-member-content>Start a new thread about my knee</h2>"
        '<article lang="en"><p>Read the community guidelines first.</p></article>'
        '<p lang="en-GB">Sign in to reply</p>'
        "<script>var x = 'Start a new thread';</script>"
        "<p>Un tema abierto por Ana.</p></main>"
    )
    text = reader_text(html)
    assert "un tema abierto por ana" in text  # what follows the left-out parts is read
    assert english_left(html, PHRASES) == []


def test_a_spanish_page_passes():
    html = page(
        '<main><h1>Foros</h1><a href="/es/accounts/login/">Inicie sesión para responder</a>'
        '<button aria-label="Abrir un tema nuevo">+</button>'
        "<p>Ana respondió a su tema.</p><p>Correo electrónico: Email</p></main>"
    )
    assert reader_text(html).startswith("foros")
    assert english_left(html, PHRASES) == []


def test_the_spanish_catalogue_gives_phrases_of_three_words_or_more():
    phrases = english_phrases("es")
    assert phrases, "no phrase read from locale/es/LC_MESSAGES/django.po"
    assert all(len(phrase.split()) >= 3 for phrase in phrases)
