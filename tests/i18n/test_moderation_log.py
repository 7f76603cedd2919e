"""The moderation log in the reader's language: actions by their translated labels, the
notes the code adds worded from stored facts (moderation.log_text), what a moderator wrote
as written; and the migration that turned the old English notes into facts."""

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from moderation import services
from moderation.models import ModerationLogEntry, Report
from tests.factories import make_user
from tests.forums.factories import make_post

pytestmark = pytest.mark.django_db

LOG = "/admin/moderation/moderationlogentry/"


def _spanish_back_office(client, moderator):
    client.force_login(moderator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"


def test_a_spanish_moderator_reads_the_log_in_spanish(client, moderator):
    post = make_post()
    report = services.report_content(target=post, reporter=make_user(), reason="spam")
    services.hide_reported(report=report, moderator=moderator)
    services.make_members_only(target=post, moderator=moderator, note="Muy delicado")
    _spanish_back_office(client, moderator)

    html = client.get(LOG).content.decode()

    assert '"field-action">ocultar<' in html
    assert "Denunciado: Publicidad no deseada (spam)." in html
    assert '"field-action">hacer solo para miembros<' in html and "Muy delicado" in html
    assert "Reported:" not in html and '"field-action">make members-only<' not in html


def test_the_log_filter_lists_the_actions_in_spanish(client, moderator):
    _spanish_back_office(client, moderator)

    html = client.get(LOG).content.decode()

    assert "levantar la suspensión" in html and "atender una alerta de crisis" in html
    assert f"?action__exact={'make+members-only'}" in html  # the stored codes, as before


def test_an_acknowledged_flag_reads_in_each_moderators_language(moderator):
    flag = services.flag_for_safety(target=make_post(), note="words", level="crisis")
    services.acknowledge(report=flag, moderator=moderator, outcome="contacted", note="Llamada")
    entry = ModerationLogEntry.objects.get()

    with translation.override("es"):
        assert entry.get_action_display() == "atender una alerta de crisis"
        assert entry.note_text == "Se contactó con el miembro. Llamada"
    with translation.override("en"):
        assert entry.note_text == "Contacted the member. Llamada"
    assert (entry.note, entry.params) == ("Llamada", {"outcome": "contacted"})


def test_where_an_action_came_from_is_worded_for_the_reader(client, moderator):
    post = make_post()
    client.force_login(moderator)
    client.post("/admin/forums/post/", {"action": "hide_selected", "_selected_action": [post.pk]})
    entry = ModerationLogEntry.objects.get(action="hide")

    assert (entry.note, entry.params) == ("", {"source": "admin"})
    with translation.override("es"):
        assert entry.note_text == "Desde la administración."


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_old_english_notes_into_facts_and_back():
    before = [("moderation", "0004_verbose_names_translatable")]
    after = [("moderation", "0005_log_actions_and_details")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("moderation", "ModerationLogEntry")
    notes = {
        "hide": "Reported: Medical misinformation",
        "acknowledge crisis flag": "Contacted the member. Rang her",
        "move": "Moved from Knee to Hip. Wrong place",
        "approve nomination": "Hero: Dr Ada Demo (published)",
        "mark nomination duplicate": "Duplicate of #7 (Dr Ada Demo)",
        "make members-only": "From a report.",
        "lock": "Off topic",
    }
    for action, note in notes.items():
        old.objects.create(action=action, note=note, target_repr="x")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    migrated = {e.action: (e.params, e.note) for e in ModerationLogEntry.objects.all()}
    assert migrated == {
        "hide": ({"reason": Report.Reason.MISINFORMATION}, ""),
        "acknowledge crisis flag": ({"outcome": "contacted"}, "Rang her"),
        "move": ({"from": "Knee", "to": "Hip"}, "Wrong place"),
        "approve nomination": ({"hero": "Dr Ada Demo", "published": True}, ""),
        "mark nomination duplicate": ({"duplicate_of": 7, "duplicate": "Dr Ada Demo"}, ""),
        "make members-only": ({"source": "report"}, ""),
        "lock": ({}, "Off topic"),
    }
    with translation.override("es"):
        assert ModerationLogEntry.objects.get(action="move").note_text == (
            "Movido de Knee a Hip. Wrong place"
        )

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    back = executor.loader.project_state(before).apps.get_model("moderation", "ModerationLogEntry")
    assert {e.action: e.note for e in back.objects.all()} == notes
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
