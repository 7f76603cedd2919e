"""Roles, tested by what each person can open and change in the back office."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import Article
from core import roles
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_role_groups_exist_with_their_permissions_and_are_not_superusers(editor, moderator):
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Moderators")

    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    moderator_perms = set(moderators.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "change_sitepage"} <= editor_perms
    assert "moderate_content" not in editor_perms
    assert {"moderate_content", "view_report", "add_suspension"} <= (moderator_perms)
    assert "add_article" not in moderator_perms
    assert not editor.is_superuser and not moderator.is_superuser


def test_role_predicates(patient, editor, moderator):
    assert roles.is_editor(editor) and not roles.is_moderator(editor)
    assert roles.is_moderator(moderator) and not roles.is_editor(moderator)
    assert not roles.is_staff_member(patient)
    assert roles.is_staff_member(editor) and roles.is_staff_member(moderator)


def test_set_role_command_puts_a_member_in_a_group(patient):
    call_command("set_role", "patient", "moderator")

    patient.refresh_from_db()
    assert patient.is_staff
    assert roles.is_moderator(patient)


def test_editor_opens_and_changes_articles_in_the_admin(client, editor):
    article = make_article(title="Old title")
    client.force_login(editor)

    assert client.get("/admin/articles/article/").status_code == 200
    assert client.get("/admin/articles/article/?review=overdue").status_code == 200
    assert client.get(f"/admin/articles/article/{article.pk}/change/").status_code == 200
    assert client.get("/admin/articles/article/add/").status_code == 200
    assert client.get(f"/admin/articles/article/{article.pk}/history/").status_code == 200


def test_editor_cannot_open_the_report_queue(client, editor):
    client.force_login(editor)

    assert client.get("/admin/moderation/report/").status_code == 403
    assert client.get("/admin/moderation/suspension/").status_code == 403


def test_editor_publishes_an_article_with_the_admin_action(client, editor):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(editor)

    client.post(
        "/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is not None


def test_moderator_opens_the_report_queue_and_log(client, moderator):
    client.force_login(moderator)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/moderation/report/").status_code == 200
    assert client.get("/admin/moderation/moderationlogentry/").status_code == 200
    assert client.get("/admin/moderation/suspension/").status_code == 200
    assert client.get("/admin/accounts/surgeonverification/").status_code == 200


def test_moderator_reads_articles_but_cannot_add_or_delete_them(client, moderator):
    article = make_article()
    client.force_login(moderator)

    assert client.get("/admin/articles/article/").status_code == 200
    assert client.get("/admin/articles/article/add/").status_code == 403
    assert client.get(f"/admin/articles/article/{article.pk}/delete/").status_code == 403
    assert not roles.is_editor(moderator)


def test_moderator_reverts_an_article_to_an_earlier_revision(client, moderator):
    article = make_article(title="Good title")
    article.title = "Vandalised"
    article.save()
    first = article.history.earliest()
    client.force_login(moderator)

    page = client.get(f"/admin/articles/article/{article.pk}/history/{first.history_id}/")

    assert page.status_code == 200
    assert "Good title" in page.content.decode()


def test_member_is_refused_by_the_admin(client, patient):
    client.force_login(patient)

    assert client.get("/admin/", follow=True).status_code == 403
    assert client.get("/admin/articles/article/").status_code in (302, 403)


def test_visitor_is_sent_to_the_one_login_page(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")


def test_admin_has_no_login_form_of_its_own(client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_staff_without_two_factor_are_sent_to_set_it_up(client, moderator, settings):
    settings.ADMIN_REQUIRE_MFA = True
    client.force_login(moderator)

    response = client.get("/admin/", follow=True)

    urls = [url for url, _ in response.redirect_chain]
    assert "/accounts/2fa/totp/activate/" in urls
    assert client.get("/admin/moderation/report/").status_code == 302


def test_staff_with_two_factor_open_the_admin_when_it_is_required(client, moderator, settings):
    settings.ADMIN_REQUIRE_MFA = True
    Authenticator.objects.create(user=moderator, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(moderator)

    assert client.get("/admin/").status_code == 200


def test_admin_does_not_ask_for_two_factor_when_the_setting_is_off(client, moderator, settings):
    settings.ADMIN_REQUIRE_MFA = False
    client.force_login(moderator)

    assert client.get("/admin/").status_code == 200


def test_moderator_reads_an_articles_revision_history(client, moderator):
    article = make_article(title="First")
    article.title = "Second"
    article.save()
    client.force_login(moderator)

    response = client.get(f"/admin/articles/article/{article.pk}/history/")

    assert response.status_code == 200
    assert "Second" in response.content.decode()
