"""The site's name in the reader's language (core.site.site_name): our translated default,
one name the operator gives for every language, or a name per language, which wins."""

import re

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from django.core import mail
from django.test import TestCase
from django.utils import translation

from accounts.models import User
from accounts.notifications import notify
from moderation import services
from tests.factories import make_user
from tests.forums.factories import make_post

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
BRAND = re.compile(r'class="navbar-brand[^"]*"[^>]*>.*?<span>(.*?)</span>', re.S)


@pytest.fixture(autouse=True)
def _unnamed(settings):
    """As if the operator named nothing (PORTAL_SITE_NAME and PORTAL_SITE_NAME_* unset)."""
    settings.SITE_NAME = ""
    settings.SITE_NAMES = {}


def _title_and_header(client, path: str) -> tuple[str, str]:
    html = client.get(path).content.decode()
    return TITLE.search(html).group(1).strip(), BRAND.search(html).group(1).strip()


def test_a_spanish_page_is_titled_and_headed_with_the_spanish_name(client):
    title, header = _title_and_header(client, "/es/articles/")

    assert title.endswith(" · Portal de pacientes") and header == "Portal de pacientes"
    assert "Patient Portal" not in client.get("/es/articles/").content.decode()


def test_an_english_page_keeps_the_english_name(client):
    title, header = _title_and_header(client, "/articles/")

    assert title.endswith(" · Patient Portal") and header == "Patient Portal"


def test_one_name_set_by_the_operator_is_used_in_every_language(client, settings):
    settings.SITE_NAME = "Knee Friends"

    for path in ("/articles/", "/es/articles/"):
        title, header = _title_and_header(client, path)
        assert title.endswith(" · Knee Friends") and header == "Knee Friends", path


def test_a_name_for_a_language_wins_over_the_one_name(client, settings):
    settings.SITE_NAME = "Knee Friends"
    settings.SITE_NAMES = {"es": "Amigos de la Rodilla"}

    assert _title_and_header(client, "/es/articles/") == (
        "Artículos sobre procedimientos · Amigos de la Rodilla",
        "Amigos de la Rodilla",
    )
    assert _title_and_header(client, "/articles/")[1] == "Knee Friends"


def test_a_spanish_members_email_names_the_site_in_spanish(patient):
    reader = make_user(username="lectora", language="es")
    for member in (reader, patient):
        User.objects.filter(pk=member.pk).update(email_notifications=User.EmailNotifications.EACH)
        member.refresh_from_db()

    with TestCase.captureOnCommitCallbacks(execute=True):
        for member in (reader, patient):
            notify(recipient=member, kind="forum_reply", params={"title": "Rodilla"}, url="/x/")

    spanish = next(m for m in mail.outbox if m.to == [reader.email])
    english = next(m for m in mail.outbox if m.to == [patient.email])
    assert spanish.subject.startswith("[Portal de pacientes] ")
    assert "Portal de pacientes · " in spanish.body and "Patient Portal" not in spanish.body
    assert english.subject.startswith("[Patient Portal] ")


def test_allauth_emails_name_the_site_in_the_recipients_language(client):
    make_user(username="lectora", email="lectora@example.com", language="es")

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "lectora@example.com"})

    message = mail.outbox[-1]
    assert message.subject.startswith("[Portal de pacientes] ")
    assert "Gracias por usar Portal de pacientes." in message.body


def test_a_spanish_moderators_alert_names_the_site_in_spanish(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_NAMES = {"es": "Amigos de la Rodilla"}
    moderator = make_user(role="moderator", language="es")

    with django_capture_on_commit_callbacks(execute=True):
        services.flag_for_safety(target=make_post(), note="words", level="crisis")

    alert = next(m for m in mail.outbox if m.to == [moderator.email])
    assert alert.subject.startswith("[Amigos de la Rodilla] ")
    assert "Amigos de la Rodilla" in alert.body


def test_the_spanish_feed_is_titled_with_the_spanish_name(client):
    feed = client.get("/es/blogs/feed/").content.decode()

    assert "<title>Blogs de pacientes · Portal de pacientes</title>" in feed


def test_the_back_office_is_headed_with_the_name_in_its_language(client, settings):
    settings.SITE_NAMES = {"es": "Amigos de la Rodilla"}
    client.force_login(make_user(role="moderator", language="es"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    html = client.get("/admin/").content.decode()

    assert "Amigos de la Rodilla" in html and "Patient Portal" not in html


def test_the_authenticator_label_does_not_follow_the_page_language(settings):
    with translation.override("es"):
        issuer = get_mfa_adapter().get_totp_issuer()

    assert issuer == settings.MFA_TOTP_ISSUER and issuer != "Portal de pacientes"
