"""The forums in Spanish: the pages under /es/, plurals, and recovery badges stored as data
(procedure and day) that each reader sees in their own language."""

import datetime
import importlib

import polib
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from forums.badges import describe_day
from forums.models import Post, RecoveryRecord
from tests.factories import make_article
from tests.forums.factories import make_forum, make_post, make_thread
from tests.i18n.english_left import ROOT, catalogue_phrases, english_left, reader_text

pytestmark = pytest.mark.django_db

conversion = importlib.import_module("forums.migrations.0010_recovery_badges_from_sentences")


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_forum_index_in_spanish(client):
    make_forum(name="Knee surgery")

    spanish = _page(client, "/es/forums/")
    english = _page(client, "/forums/")

    assert "Hable con personas que han pasado por la misma operación." in spanish
    assert "Talk with people who have been through the same surgery." not in spanish
    assert "Talk with people who have been through the same surgery." in english
    assert "Knee surgery" in spanish  # the forum's name is the moderators' data, kept


def test_forum_page_in_spanish(client):
    forum = make_forum()
    make_thread(forum=forum, title="Stiff knee at night")

    page = _page(client, f"/es{forum.get_absolute_url()}")

    assert "Stiff knee at night" in page and "Respuestas</th>" in page
    assert "Inicie sesión</a> o" in page and "para abrir un hilo" in page
    assert "Replies</th>" not in page and "to start a thread" not in page


def test_thread_page_in_spanish(client, patient):
    thread = make_thread(title="Swelling after surgery")
    make_post(thread=thread, author=patient, body="Ice helped me.")
    client.force_login(patient)

    page = _page(client, f"/es{thread.get_absolute_url()}")

    assert "Ice helped me." in page
    assert "Publicar la respuesta" in page and "Ruta de navegación" in page
    assert "Post reply" not in page and "Breadcrumb" not in page


def test_new_thread_form_in_spanish(client, patient):
    forum = make_forum(name="Hip surgery")
    client.force_login(patient)

    page = _page(client, f"/es/forums/{forum.slug}/new/")

    assert "Abrir un hilo en Hip surgery" in page
    assert "Su primer mensaje" in page and "Publicar el hilo" in page
    assert "Your first post" not in page and "Post thread" not in page


def test_reply_form_in_spanish(client, patient):
    thread = make_thread(title="Crutches")
    client.force_login(patient)

    page = _page(client, f"/es/forums/thread/{thread.pk}/reply/")

    assert "Responder a «Crutches»" in page and "Su mensaje" in page
    assert "Reply to “Crutches”" not in page and "Your message" not in page


@pytest.mark.parametrize(
    ("replies", "spanish", "english"),
    [(1, "1 respuesta", "1 reply"), (3, "3 respuestas", "3 replies")],
)
def test_reply_counts_are_plural_in_each_language(client, replies, spanish, english):
    thread = make_thread()
    for _ in range(replies):
        make_post(thread=thread)

    in_spanish = _page(client, f"/es{thread.get_absolute_url()}")
    in_english = _page(client, thread.get_absolute_url())

    assert spanish in in_spanish and english not in in_spanish
    assert english in in_english


def _badged_post(patient, *, days: int, title: str = "ACL reconstruction") -> Post:
    acl = make_article(title=title)
    RecoveryRecord.objects.create(
        user=patient, article=acl, is_public=True,
        surgery_date=timezone.localdate() - datetime.timedelta(days=days),
    )  # fmt: skip
    return make_post(thread=make_thread(article=acl), author=patient)


def test_a_badge_is_stored_as_procedure_and_day(patient):
    post = _badged_post(patient, days=5)

    post.refresh_from_db()

    assert (post.recovery_day, post.recovery_procedure) == (5, "ACL reconstruction")
    assert post.recovery_article.title == "ACL reconstruction"
    assert post.recovery_sentence == ""


def test_one_stored_badge_reads_in_each_readers_language(client, patient):
    post = _badged_post(patient, days=5)
    url = post.thread.get_absolute_url()

    english = _page(client, url)
    spanish = _page(client, f"/es{url}")

    assert "Day 5 after ACL reconstruction" in english
    assert "Día 5 después de ACL reconstruction" in spanish
    assert "Day 5 after" not in spanish


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (5, "Día 5 después de Osteotomía"),
        (200, "Mes 6 después de Osteotomía"),
        (800, "Año 2 después de Osteotomía"),
        (-1, "1 día antes de Osteotomía"),
        (-3, "3 días antes de Osteotomía"),
    ],
)
def test_badge_words_in_spanish(days, expected):
    with translation.override("es"):
        assert describe_day(days, "Osteotomía") == expected


@pytest.mark.parametrize(
    ("sentence", "parsed"),
    [
        ("Day 5 after ACL reconstruction", (5, "ACL reconstruction")),
        ("Month 6 after Knee osteotomy", (180, "Knee osteotomy")),
        ("Year 12 after Hip replacement", (4380, "Hip replacement")),
        ("1 day before Spinal fusion", (-1, "Spinal fusion")),
        ("3 days before Spinal fusion", (-3, "Spinal fusion")),
        ("Recovering well", None),
    ],
)
def test_the_migration_reads_legacy_sentences(sentence, parsed):
    assert conversion.parse_badge(sentence) == parsed
    if parsed is not None:
        with translation.override("en"):
            assert describe_day(*parsed) == sentence  # each badge reads as before


def test_the_migration_converts_stored_sentences(client, patient):
    acl = make_article(title="ACL reconstruction")
    legacy, odd = make_post(author=patient), make_post(author=patient)
    Post.objects.filter(pk=legacy.pk).update(recovery_sentence="Month 6 after ACL reconstruction")
    Post.objects.filter(pk=odd.pk).update(recovery_sentence="Back on my bike")

    converted = conversion.convert(Post.objects, type(acl).objects)

    legacy.refresh_from_db()
    odd.refresh_from_db()
    assert converted == 1
    assert (legacy.recovery_day, legacy.recovery_article, legacy.recovery_sentence) == (
        180, acl, ""
    )  # fmt: skip
    assert (odd.recovery_day, odd.recovery_sentence) == (None, "Back on my bike")
    spanish = _page(client, f"/es{legacy.thread.get_absolute_url()}")
    assert "Mes 6 después de ACL reconstruction" in spanish
    assert "Back on my bike" in _page(client, f"/es{odd.thread.get_absolute_url()}")


@pytest.mark.django_db(transaction=True)
def test_the_migration_runs_back_and_forth(patient):
    post = _badged_post(patient, days=9, title="Hip replacement")
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()

    executor.migrate([("forums", "0009_recovery_badge_as_data")])
    post.refresh_from_db(fields=["recovery_sentence"])
    assert post.recovery_sentence == "Day 9 after Hip replacement"  # back to the sentence
    Post.objects.filter(pk=post.pk).update(recovery_day=None, recovery_procedure="")
    executor.loader.build_graph()
    executor.migrate(latest)

    post.refresh_from_db()
    assert (post.recovery_day, post.recovery_procedure, post.recovery_sentence) == (
        9, "Hip replacement", ""
    )  # fmt: skip


def test_a_badge_names_the_procedure_by_its_translation_in_the_readers_language(client, patient):
    post = _badged_post(patient, days=5)
    make_article(
        title="Reconstrucción del LCA", language="es", translation_of=post.recovery_article
    )
    url = post.thread.get_absolute_url()

    english = _page(client, url)
    spanish = _page(client, f"/es{url}")

    assert "Day 5 after ACL reconstruction" in english
    assert "Día 5 después de Reconstrucción del LCA" in spanish
    assert "Día 5 después de ACL reconstruction" not in spanish


def _forum_phrases() -> frozenset[str]:
    """The English sentences of the forums' own strings (templates/forums, forums/)."""
    catalogue = polib.pofile(str(ROOT / "locale/es/LC_MESSAGES/django.po"))
    ours = polib.POFile()
    for entry in catalogue:
        if any(path.startswith(("forums/", "templates/forums/")) for path, _ in entry.occurrences):
            ours.append(entry)
    return catalogue_phrases(ours)


def _main(page: str) -> str:
    """The page's own part (the header and footer are the site's, checked on their own)."""
    return page[page.index("<main") : page.index("</main>") + len("</main>")]


def test_no_english_of_the_forums_is_left_on_their_spanish_pages(client, moderator, patient):
    forum = make_forum(name="Rodilla")
    thread = make_thread(forum=forum, title="Rigidez", author=patient)
    make_post(thread=thread)
    client.force_login(moderator)
    paths = [
        "/forums/", forum.get_absolute_url(), thread.get_absolute_url(), "/forums/latest/",
        f"/forums/{forum.slug}/new/", f"/forums/thread/{thread.pk}/reply/", "/forums/recovery/",
    ]  # fmt: skip
    phrases = _forum_phrases()

    left = {path: english_left(_main(_page(client, f"/es{path}")), phrases) for path in paths}

    assert "publicar la respuesta" in reader_text(_page(client, f"/es{thread.get_absolute_url()}"))
    assert left == dict.fromkeys(paths, [])


def test_counts_are_written_as_each_language_writes_numbers(client):
    """Big counts are grouped the reader's way: 12,345 in English, 12.345 in Spanish."""
    thread = make_thread(title="Stiff knee in the morning", view_count=12345, reply_count=1234)

    english = _page(client, thread.forum.get_absolute_url())
    spanish = _page(client, "/es" + thread.forum.get_absolute_url())

    assert "1,234 replies" in english and "12,345 views" in english
    assert "1.234 respuestas" in spanish and "12.345 visitas" in spanish
    assert ">12,345</td>" in english and ">12.345</td>" in spanish
    assert "12345" not in english + spanish
