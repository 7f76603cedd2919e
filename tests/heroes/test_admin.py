"""The review queue in the admin: moderators decide; nobody else can."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from accounts.models import Notification
from heroes.models import Nomination
from moderation.models import ModerationLogEntry
from tests.heroes.factories import make_hero, make_nomination

CHANGELIST = reverse("admin:heroes_nomination_changelist")


def _action(client, action, nominations, query="", **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [n.pk for n in nominations], **extra}
    return client.post(CHANGELIST + query, data)


@pytest.fixture
def admin_moderator(settings, client, moderator):
    settings.ADMIN_REQUIRE_MFA = False
    client.force_login(moderator)
    return moderator


@pytest.mark.django_db
def test_queue_shows_pending_nominations_by_default(client, admin_moderator):
    pending = make_nomination(surgeon_name="Dr. Pending Person")
    make_nomination(surgeon_name="Dr. Decided Person", status="rejected")

    response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [pending]


@pytest.mark.django_db
def test_queue_can_be_searched(client, admin_moderator):
    make_nomination(surgeon_name="Dr. Findable")
    make_nomination(surgeon_name="Dr. Other")

    response = client.get(CHANGELIST, {"q": "findable", "decision": "all"})

    assert [n.surgeon_name for n in response.context["cl"].result_list] == ["Dr. Findable"]


@pytest.mark.django_db
def test_moderator_approves_through_the_intermediate_page(client, admin_moderator):
    nomination = make_nomination(
        surgeon_name="Dr. New Hero", surgeon_practice="P", surgeon_city="C"
    )

    page = _action(client, "approve", [nomination])
    response = _action(client, "approve", [nomination], apply="1", publish="on")

    assert page.status_code == 200 and b"Approve nominations" in page.content
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED
    assert nomination.hero.is_published
    assert ModerationLogEntry.objects.filter(action="approve nomination").count() == 1


@pytest.mark.django_db
def test_moderator_rejects_with_a_reason(client, admin_moderator):
    nomination = make_nomination()

    empty = _action(client, "reject", [nomination], apply="1", reason="")
    response = _action(client, "reject", [nomination], apply="1", reason="Not enough detail.")

    assert empty.status_code == 200  # the form again, with its error
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_reason) == ("rejected", "Not enough detail.")
    assert Notification.objects.filter(recipient=nomination.nominator).count() == 1


@pytest.mark.django_db
def test_moderator_marks_a_duplicate(client, admin_moderator):
    original = make_nomination()
    nomination = make_nomination(hero=original.hero)

    response = _action(client, "mark_as_duplicate", [nomination], apply="1",
                       duplicate_of=original.pk)  # fmt: skip

    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.status, nomination.duplicate_of) == ("duplicate", original)


@pytest.mark.django_db
def test_deciding_twice_shows_an_error_and_changes_nothing(client, admin_moderator):
    nomination = make_nomination(status="rejected", decision_reason="first")

    response = _action(client, "reject", [nomination], query="?decision=all", apply="1",
                       reason="second")  # fmt: skip

    nomination.refresh_from_db()
    assert response.status_code == 302
    assert nomination.decision_reason == "first"
    shown = [str(m) for m in client.get(response.url).context["messages"]]
    assert any("already decided" in message for message in shown)


@pytest.mark.django_db
@pytest.mark.parametrize("persona_name", ["patient", "other_patient"])
def test_members_cannot_open_any_admin_or_review_url(client, persona, persona_name):
    nomination = make_nomination()
    hero = make_hero()
    persona(persona_name)
    urls = [
        CHANGELIST,
        reverse("admin:heroes_nomination_change", args=[nomination.pk]),
        reverse("admin:heroes_hero_changelist"),
        reverse("admin:heroes_hero_change", args=[hero.pk]),
        reverse("admin:heroes_hero_add"),
        reverse("admin:heroes_hero_history", args=[hero.pk]),
        reverse("admin:heroes_heropolicy_changelist"),
    ]

    for url in urls:
        # The admin sends members to its login, which refuses a signed-in member: 403.
        assert client.get(url, follow=True).status_code == 403, url
    response = _action(client, "approve", [nomination], apply="1", publish="on")

    assert response.status_code == 302
    assert client.get(response.url).status_code == 403
    nomination.refresh_from_db()
    assert nomination.is_pending


@pytest.mark.django_db
def test_visitor_is_sent_to_login_from_the_queue(client):
    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert reverse("admin:login") in response.url


@pytest.mark.django_db
def test_editor_cannot_see_or_decide_nominations(settings, client, editor):
    settings.ADMIN_REQUIRE_MFA = False
    nomination = make_nomination()
    client.force_login(editor)

    listing = client.get(CHANGELIST)
    response = _action(client, "approve", [nomination], apply="1", publish="on")

    assert listing.status_code == 403
    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.is_pending


@pytest.mark.django_db
def test_editor_can_edit_heroes(settings, client, editor):
    settings.ADMIN_REQUIRE_MFA = False
    hero = make_hero()
    client.force_login(editor)

    response = client.get(reverse("admin:heroes_hero_change", args=[hero.pk]))

    assert response.status_code == 200


@pytest.mark.django_db
def test_staff_without_moderation_permission_gets_no_review_actions(settings, client):
    from django.contrib.auth.models import Permission

    from tests.factories import make_user

    settings.ADMIN_REQUIRE_MFA = False
    staff = make_user(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_nomination", "change_nomination"])
    )
    nomination = make_nomination()
    client.force_login(staff)

    response = _action(client, "approve", [nomination], apply="1", publish="on")

    nomination.refresh_from_db()
    assert nomination.is_pending
    assert response.status_code == 200  # "No action selected": the action is not offered


@pytest.mark.django_db
def test_moderator_hides_and_restores_a_story(client, admin_moderator):
    from moderation.models import ModerationLogEntry as Log

    nomination = make_nomination(status="approved", may_publish_story=True)

    _action(client, "hide_story", [nomination], query="?decision=approved")
    nomination.refresh_from_db()
    assert nomination.is_story_hidden and nomination.status == "approved"
    _action(client, "restore_story", [nomination], query="?decision=approved")
    nomination.refresh_from_db()

    assert not nomination.is_story_hidden
    assert list(Log.objects.order_by("pk").values_list("action", flat=True)) == [
        "hide", "restore"]  # fmt: skip
