"""Hero pages and published stories can be reported; the moderators' report queue hides
(unpublishes) and restores them, and every change lands in the moderation log."""

import pytest
from django.urls import reverse

from heroes.models import Nomination
from moderation.links import moderation_url
from moderation.models import ModerationLogEntry, Report
from moderation.services import hide_reported, restore_reported
from tests.heroes.factories import make_hero, make_nomination


def _story(**fields):
    return make_nomination(status="approved", may_publish_story=True, **fields)


@pytest.mark.django_db
def test_member_reports_a_hero_page(client, patient):
    hero = make_hero()
    client.force_login(patient)

    response = client.post(moderation_url("report", hero),
                           {"reason": "other", "note": "I am this surgeon; please remove."})  # fmt: skip

    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.target, report.reporter, report.status) == (hero, patient, "open")


@pytest.mark.django_db
def test_member_reports_a_story(client, patient):
    story = _story()
    client.force_login(patient)

    response = client.post(moderation_url("report", story), {"reason": "personal_info"})

    assert response.url == f"{story.hero.get_absolute_url()}#story-{story.pk}"
    assert Report.objects.get().target == story


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["draft_hero", "pending_story", "private_story", "hidden_story"])
def test_unpublished_things_cannot_be_reported(client, patient, kind):
    hero = make_hero(status="draft")
    urls = {
        "draft_hero": moderation_url("report", hero),
        "pending_story": moderation_url("report", make_nomination()),
        "private_story": moderation_url("report", make_nomination(status="approved")),
        "hidden_story": moderation_url("report", _story(is_story_hidden=True)),
    }  # fmt: skip
    client.force_login(patient)

    assert client.get(moderation_url("report", make_hero())).status_code == 200  # a live one
    assert client.get(urls[kind]).status_code == 404


@pytest.mark.django_db
def test_visitor_is_sent_to_login_to_report(client):
    hero = make_hero()

    response = client.post(moderation_url("report", hero), {"reason": "spam"})

    assert response.status_code == 302
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_hiding_a_reported_hero_unpublishes_it_and_restoring_publishes_it(
    client, patient, moderator
):
    hero = make_hero()
    from moderation.services import report_content

    report = report_content(target=hero, reporter=patient, reason="other", note="Remove me.")

    hide_reported(report=report, moderator=moderator)

    hero.refresh_from_db()
    assert not hero.is_published
    assert client.get(hero.get_absolute_url()).status_code == 404
    restore_reported(report=report, moderator=moderator)
    hero.refresh_from_db()
    assert hero.is_published
    actions = list(ModerationLogEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["hide", "restore"]


@pytest.mark.django_db
def test_hiding_a_reported_story_takes_it_off_the_hero_page(client, patient, moderator):
    from moderation.services import report_content

    story = _story(story="S" * 230)
    report = report_content(target=story, reporter=patient, reason="personal_info")

    hide_reported(report=report, moderator=moderator)

    story.refresh_from_db()
    assert story.is_story_hidden and story.status == Nomination.Status.APPROVED
    assert "S" * 230 not in client.get(story.hero.get_absolute_url()).content.decode()
    assert ModerationLogEntry.objects.get().action == "hide"


@pytest.mark.django_db
def test_report_queue_hides_a_hero_from_the_admin(settings, client, patient, moderator):
    from moderation.services import report_content

    settings.ADMIN_REQUIRE_MFA = False
    hero = make_hero()
    report = report_content(target=hero, reporter=patient, reason="other")
    client.force_login(moderator)

    response = client.post(reverse("admin:moderation_report_changelist"),
                           {"action": "hide_content", "_selected_action": [report.pk]})  # fmt: skip

    assert response.status_code == 302
    hero.refresh_from_db()
    assert not hero.is_published
