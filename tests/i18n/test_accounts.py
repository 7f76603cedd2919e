"""Members' pages, notifications and emails in the member's language."""

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TestCase
from django.utils import translation

from accounts.models import Notification, User
from accounts.notifications import notify
from tests.factories import make_user
from tests.messaging.factories import make_conversation

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def _speaking(user, language: str, **fields) -> User:
    User.objects.filter(pk=user.pk).update(language=language, **fields)
    user.refresh_from_db()
    return user


def _settings_form(user, **changes) -> dict:
    data = {
        "bio": user.bio,
        "email_notifications": user.email_notifications,
        "time_zone": user.time_zone,
        "language": user.language,
        "country": user.country,
    }
    return {**data, **changes}


def test_the_settings_page_speaks_spanish_under_es(client, patient):
    client.force_login(patient)
    spanish = client.get("/es/accounts/settings/").content.decode()
    assert "Ajustes" in spanish and "Idioma" in spanish
    assert "Automático (según su navegador)" in spanish
    assert "Sin indicar: mostrar todas las líneas de crisis de mi idioma" in spanish
    assert "Save settings" not in spanish
    english = client.get("/accounts/settings/").content.decode()
    assert "Save settings" in english and "Automatic (from your browser)" in english


def test_the_country_select_offers_the_countries_with_crisis_lines(client, patient):
    client.force_login(patient)
    page = client.get("/accounts/settings/").content.decode()
    for name in ("Spain", "Mexico", "United States", "United Kingdom", "Argentina", "Colombia"):
        assert name in page
    assert "never guess it from your internet address" in page


def test_choosing_spanish_saves_it_sets_the_cookie_and_opens_the_spanish_settings(client, patient):
    client.force_login(patient)
    response = client.post("/accounts/settings/", _settings_form(patient, language="es",
                                                                  country="MX"))  # fmt: skip
    assert response.status_code == 302
    switched = client.get(response["Location"])  # through the language switcher
    assert switched["Location"] == "/es/accounts/settings/"
    assert switched.cookies[COOKIE].value == "es"
    response = switched
    patient.refresh_from_db()
    assert (patient.language, patient.country) == ("es", "MX")
    assert "Se guardaron sus ajustes." in client.get(response["Location"]).content.decode()


def test_back_to_automatic_forgets_the_chosen_language(client, patient):
    _speaking(patient, "es")
    client.force_login(patient)
    client.cookies[COOKIE] = "es"
    response = client.post("/es/accounts/settings/", _settings_form(patient, language=""))
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == ""  # deleted
    patient.refresh_from_db()
    assert patient.language == ""


def test_an_unknown_country_is_refused(client, patient):
    client.force_login(patient)
    response = client.post("/accounts/settings/", _settings_form(patient, country="FR"))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    response = client.post("/accounts/settings/", _settings_form(patient, country="ES"))
    assert response.status_code == 302


def test_the_export_has_the_language_and_country(client, patient):
    _speaking(patient, "es", country="ES")
    client.force_login(patient)
    data = client.get("/accounts/data/").json()
    assert data["account"]["language"] == "es"
    assert data["account"]["country"] == "ES"


def test_one_stored_notification_reads_in_each_readers_language(client, other_patient):
    reader = _speaking(make_user(username="lectora"), "es")
    notify(recipient=reader, kind="forum_reply", actor=other_patient,
           params={"title": "Rodilla"}, url="/")  # fmt: skip
    stored = Notification.objects.values("kind", "params").get()
    assert stored == {"kind": "forum_reply", "params": {"title": "Rodilla"}}

    client.force_login(reader)
    spanish = client.get("/es/notifications/").content.decode()
    assert "other_patient respondió en «Rodilla»" in spanish
    assert "replied to" not in spanish
    client.cookies.pop(COOKIE, None)  # the same row, read on the English page
    english = client.get("/notifications/").content.decode()
    assert "other_patient replied to “Rodilla”" in english
    assert "respondió" not in english


def test_the_bell_page_follows_each_members_language(client, patient, other_patient):
    spanish_reader = _speaking(make_user(username="lectora"), "es")
    for reader in (patient, spanish_reader):
        notify(recipient=reader, kind="message", actor=other_patient)
    client.force_login(spanish_reader)
    client.get("/")  # the member's choice becomes the language cookie
    assert client.get("/notifications/")["Location"] == "/es/notifications/"
    assert (
        "other_patient le envió un mensaje privado."
        in client.get("/es/notifications/").content.decode()
    )
    client.logout()
    client.cookies.pop(COOKIE, None)
    client.force_login(patient)
    english = client.get("/notifications/").content.decode()
    assert "other_patient sent you a private message." in english


def test_an_unknown_kind_reads_as_a_plain_notification(patient):
    odd = notify(recipient=patient, kind="from_the_future", params={"x": 1})
    known = notify(recipient=patient, kind="message", actor=make_user(username="sam"))
    with translation.override("es"):
        assert odd.message == "Tiene una notificación nueva."
        assert known.message == "sam le envió un mensaje privado."


def test_the_acting_members_name_follows_their_account(patient, other_patient):
    note = notify(recipient=patient, kind="message", actor=other_patient)
    other_patient.delete()
    note.refresh_from_db()
    assert note.message == "deleted member sent you a private message."


def test_a_link_stored_from_a_spanish_page_opens_in_the_readers_language(client, patient):
    with translation.override("es"):
        note = notify(recipient=patient, kind="hero", url="/es/articles/")
    assert note.url == "/articles/"
    client.force_login(patient)
    assert client.get(f"/es/notifications/{note.pk}/")["Location"] == "/es/articles/"
    assert client.get(f"/notifications/{note.pk}/")["Location"] == "/articles/"


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_old_sentences_and_they_still_render():
    executor = MigrationExecutor(connection)
    before, after = [("accounts", "0006_language_and_country")], [("accounts", "0007_notification_params")]  # fmt: skip
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    member = old_apps.get_model("accounts", "User").objects.create(username="old")
    old_apps.get_model("accounts", "Notification").objects.create(
        recipient=member, kind="forum_reply", message="kneehealer replied to “Day 3”"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    migrated = Notification.objects.get(recipient__username="old")
    assert migrated.kind == "forum_reply"
    assert migrated.params == {"legacy_text": "kneehealer replied to “Day 3”"}
    with translation.override("es"):
        assert migrated.message == "kneehealer replied to “Day 3”"


def test_a_notification_email_to_a_spanish_member_is_in_spanish_with_spanish_links(
    patient, other_patient
):
    reader = _speaking(make_user(username="lectora"), "es")
    User.objects.filter(pk=reader.pk).update(email_notifications=User.EmailNotifications.EACH)
    reader.refresh_from_db()

    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(recipient=reader, kind="forum_reply", actor=other_patient,
               params={"title": "Rodilla"}, url="/articles/")  # fmt: skip
        notify(recipient=patient, kind="forum_reply", actor=other_patient,
               params={"title": "Rodilla"}, url="/articles/")  # fmt: skip

    spanish = next(m for m in mail.outbox if m.to == [reader.email])
    assert "other_patient respondió en «Rodilla»" in spanish.subject
    assert "Hola, lectora:" in spanish.body
    assert f"{settings.SITE_URL}/es/articles/" in spanish.body
    assert "/es/unsubscribe/" in spanish.body
    assert "notification settings" not in spanish.body
    english = next(m for m in mail.outbox if m.to == [patient.email])
    assert "Hello patient," in english.body and f"{settings.SITE_URL}/articles/" in english.body


@pytest.mark.parametrize(("prefix", "language"), [("/es", "es"), ("", "en")])
def test_the_language_of_the_sign_up_page_becomes_the_members(client, settings, prefix, language):
    """Without it, a member who signed up in Spanish and never opened Settings would get
    their notification emails in English."""
    settings.SIGNUP_MIN_SECONDS = 0
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            f"{prefix}/accounts/signup/",
            {"username": "rodillanueva", "email": "rodilla@example.com",
             "password1": "una-contraseña-larga-7", "password2": "una-contraseña-larga-7",
             "accept_terms": "on", "accept_guidelines": "on", "confirm_age": "on"},
        )  # fmt: skip
    member = User.objects.get(username="rodillanueva")
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(recipient=member, kind="forum_reply", actor=make_user(username="caminante"),
               params={"title": "Rodilla"}, url="/articles/")  # fmt: skip

    assert member.language == language
    wording = {"es": "caminante respondió en «Rodilla»", "en": "caminante replied to “Rodilla”"}
    assert wording[language] in mail.outbox[-1].subject


def test_a_password_reset_for_a_spanish_member_is_in_spanish(client):
    make_user(username="lectora", email="lectora@example.com", language="es")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "lectora@example.com"})
    body = mail.outbox[-1].body
    assert "/es/accounts/password/reset/key/" in body
    assert "Gracias por usar" in body
    assert "Thank you for using" not in body


def test_the_messaging_pages_speak_spanish(client, patient, other_patient):
    conversation = make_conversation(other_patient, patient, body="Hola, ¿qué tal?")
    client.force_login(patient)

    inbox = client.get("/es/messages/").content.decode()
    assert "Mensajes privados" in inbox and "Nuevo mensaje" in inbox
    assert "Only the people in a conversation can read it." not in inbox
    page = client.get(f"/es/messages/{conversation.pk}/").content.decode()
    assert "Denunciar este mensaje" in page and "Hola, ¿qué tal?" in page
    assert "Report this message" not in page
    new = client.get("/es/messages/new/").content.decode()
    assert "Nuevo mensaje privado" in new and "Un seudónimo, o varios separados por comas." in new
