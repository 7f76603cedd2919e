"""`manage.py load_demo`: the seed's osteotomy and more; a second run changes nothing."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from accounts.models import User
from articles.models import Article, BodyPart, CareInstruction, Illustration, WarningSign
from core import roles
from core.models import SitePage

pytestmark = pytest.mark.django_db

COUNTED = [User, Article, BodyPart, CareInstruction, WarningSign, Illustration, SitePage, Group]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_load_demo_is_idempotent():
    call_command("load_demo", stdout=StringIO())
    first = counts()

    call_command("load_demo", stdout=StringIO())

    assert counts() == first
    assert first["Article"] >= 9
    assert first["BodyPart"] >= 4
    assert first["Illustration"] == 2  # the osteotomy's drawing, in English and in Spanish


def test_demo_osteotomy_keeps_the_seed_facts():
    call_command("load_demo", stdout=StringIO())

    article = Article.objects.get(slug="knee-osteotomy")
    assert article.status == Article.Status.PUBLISHED and article.is_demo
    assert "bone realignment" in article.other_names_list
    assert (article.hospital_stay_min_days, article.hospital_stay_max_days) == (1, 4)
    assert (article.home_recovery_min_weeks, article.home_recovery_max_weeks) == (4, 12)
    assert article.home_recovery_note == "depending on surgery"
    assert article.restriction_max_months == 12
    assert article.care_instructions.count() == 7
    assert article.last_reviewed_on == datetime.date(2001, 10, 26)
    assert article.is_review_overdue
    assert article in Article.objects.review_overdue()


def test_demo_staff_have_their_roles():
    call_command("load_demo", stdout=StringIO())

    assert roles.is_moderator(User.objects.get(username="demo_moderator"))
    assert roles.is_editor(User.objects.get(username="demo_editor"))
    assert roles.is_verified_surgeon(User.objects.get(username="dr_lee"))


def test_demo_osteotomy_page_reads_like_the_seed(client):
    call_command("load_demo", stdout=StringIO())

    html = client.get("/articles/knee-osteotomy/").content.decode()

    assert "Also known as bone realignment" in html
    assert "1–4 days" in html and "4–12 weeks depending on surgery" in html
    assert "26 Oct 2001" in html and "due for review" in html


def test_load_demo_refuses_a_production_site(settings):
    settings.DEBUG = False
    settings.TESTING = False

    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("load_demo", stdout=StringIO())


def test_editor_finds_the_demo_osteotomy_in_the_review_overdue_filter(client):
    call_command("load_demo", stdout=StringIO())
    client.force_login(User.objects.get(username="demo_editor"))

    overdue = client.get("/admin/articles/article/?review=overdue").content.decode()
    current = client.get("/admin/articles/article/?review=current").content.decode()

    assert "Knee osteotomy" in overdue
    assert "Knee osteotomy" not in current


def test_demo_crisis_pages_name_their_demo_reviewer_in_each_language(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # idempotent: still one review per language

    assert "Contenido de demostración: sin revisión médica" in client.get("/es/help/").text
    assert "Demo content: not medically reviewed" in client.get("/help/").text
