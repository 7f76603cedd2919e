"""The review services, called directly (the admin's actions call the same functions)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Notification
from heroes.models import Hero, Nomination
from heroes.review import ReviewError, approve_nomination, mark_duplicate, reject_nomination
from moderation.models import ModerationLogEntry
from tests.factories import make_article, make_user
from tests.heroes.factories import make_hero, make_nomination


def _log(action):
    return ModerationLogEntry.objects.filter(action=action)


@pytest.mark.django_db
def test_approving_a_new_surgeon_creates_and_publishes_the_hero(
    moderator, django_capture_on_commit_callbacks, mailoutbox
):
    article = make_article()
    nomination = make_nomination(surgeon_name="Prof. Ada Newhero", surgeon_practice="City",
                                 surgeon_city="Town", procedure=article)  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        hero = approve_nomination(nomination=nomination, moderator=moderator)

    nomination.refresh_from_db()
    assert (hero.honorific, hero.name, hero.slug) == ("Prof.", "Ada Newhero", "ada-newhero")
    assert hero.is_published and hero.published_at is not None
    assert list(hero.procedures.all()) == [article]
    assert hero.body_part == article.body_part
    assert nomination.status == Nomination.Status.APPROVED
    assert (nomination.hero, nomination.decided_by) == (hero, moderator)
    assert nomination.decided_at is not None
    assert _log("approve nomination").get().actor == moderator
    note = Notification.objects.get(recipient=nomination.nominator)
    assert "approved" in note.message
    assert [m.to for m in mailoutbox] == [[nomination.nominator.email]]


@pytest.mark.django_db
def test_approving_for_a_listed_hero_adds_the_story(moderator):
    hero = make_hero()
    nomination = make_nomination(hero=hero, may_publish_story=True)

    approve_nomination(nomination=nomination, moderator=moderator)

    assert list(hero.nominations.published_stories()) == [nomination]
    assert Hero.objects.count() == 1


@pytest.mark.django_db
def test_approving_without_publishing_leaves_a_draft(moderator):
    nomination = make_nomination(
        surgeon_name="Dr. Quiet One", surgeon_practice="P", surgeon_city="C"
    )

    hero = approve_nomination(nomination=nomination, moderator=moderator, publish=False)

    assert hero.status == Hero.Status.DRAFT
    assert "once the surgeon has agreed" in Notification.objects.get().message


@pytest.mark.django_db
def test_approving_links_a_hero_with_the_same_name(moderator):
    draft = make_hero(name="Ada Newhero", status="draft")
    nomination = make_nomination(
        surgeon_name="Dr. ada newhero", surgeon_practice="P", surgeon_city="C"
    )

    hero = approve_nomination(nomination=nomination, moderator=moderator)

    assert hero == draft
    assert Hero.objects.count() == 1


@pytest.mark.django_db
def test_approving_with_a_chosen_hero_links_it(moderator):
    chosen = make_hero(name="Someone Else")
    nomination = make_nomination(
        surgeon_name="Dr. Misspelt", surgeon_practice="P", surgeon_city="C"
    )

    hero = approve_nomination(nomination=nomination, moderator=moderator, hero=chosen)

    assert hero == chosen
    nomination.refresh_from_db()
    assert nomination.hero == chosen


@pytest.mark.django_db
def test_newly_published_hero_notifies_its_verified_account(moderator):
    surgeon = make_user(is_verified_surgeon=True)
    hero = make_hero(account=surgeon, status="draft")
    nomination = make_nomination(hero=hero)

    approve_nomination(nomination=nomination, moderator=moderator)

    assert Notification.objects.filter(recipient=surgeon, kind="hero").count() == 1


@pytest.mark.django_db
def test_already_published_hero_does_not_notify_its_account_again(moderator):
    surgeon = make_user(is_verified_surgeon=True)
    nomination = make_nomination(hero=make_hero(account=surgeon))

    approve_nomination(nomination=nomination, moderator=moderator)

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED
    assert not Notification.objects.filter(recipient=surgeon).exists()


@pytest.mark.django_db
def test_unverified_account_is_not_notified(moderator):
    account = make_user()
    nomination = make_nomination(hero=make_hero(account=account, status="draft"))

    approve_nomination(nomination=nomination, moderator=moderator)

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED
    assert not Notification.objects.filter(recipient=account).exists()


@pytest.mark.django_db
def test_rejecting_records_the_reason_and_tells_the_nominator(moderator):
    nomination = make_nomination()

    reject_nomination(nomination=nomination, moderator=moderator, reason="Not a surgeon.")

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.REJECTED
    assert (nomination.decided_by, nomination.decision_reason) == (moderator, "Not a surgeon.")
    assert "Not a surgeon." in Notification.objects.get(recipient=nomination.nominator).message
    assert _log("reject nomination").get().note == "Not a surgeon."


@pytest.mark.django_db
def test_rejecting_needs_a_reason(moderator):
    nomination = make_nomination()

    with pytest.raises(ReviewError):
        reject_nomination(nomination=nomination, moderator=moderator, reason="  ")

    nomination.refresh_from_db()
    assert nomination.is_pending
    assert not ModerationLogEntry.objects.exists()


@pytest.mark.django_db
def test_marking_duplicate_links_the_original(moderator):
    original = make_nomination()
    nomination = make_nomination(hero=original.hero)

    mark_duplicate(nomination=nomination, moderator=moderator, duplicate_of=original)

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DUPLICATE
    assert (nomination.duplicate_of, nomination.decided_by) == (original, moderator)
    assert Notification.objects.get(recipient=nomination.nominator).kind == "nomination"
    assert _log("mark nomination duplicate").count() == 1


@pytest.mark.django_db
def test_nomination_cannot_duplicate_itself(moderator):
    nomination = make_nomination()

    with pytest.raises(ReviewError):
        mark_duplicate(nomination=nomination, moderator=moderator, duplicate_of=nomination)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["approved", "rejected", "duplicate"])
def test_decided_nomination_cannot_be_decided_again(moderator, status):
    nomination = make_nomination(status=status)

    with pytest.raises(ReviewError):
        approve_nomination(nomination=nomination, moderator=moderator)
    with pytest.raises(ReviewError):
        reject_nomination(nomination=nomination, moderator=moderator, reason="x")

    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_a_duplicate_says_why_in_the_nominators_language(client, moderator):
    """The reason is our sentence, worded when read (nothing English stored); a moderator's
    own reason for a rejection is shown as written (the positive control)."""
    nominator = make_user(username="agradecido")
    original = make_nomination()
    nomination = make_nomination(hero=original.hero, nominator=nominator)
    make_nomination(nominator=nominator, status="rejected", decision_reason="No es cirujano.")
    mark_duplicate(nomination=nomination, moderator=moderator, duplicate_of=original)
    client.force_login(nominator)

    english = client.get("/heroes/nominations/").content.decode()
    spanish = client.get("/es/heroes/nominations/").content.decode()

    nomination.refresh_from_db()
    assert nomination.decision_reason == ""
    assert "It repeats an earlier nomination of the same surgeon." in english
    assert "Repite una nominación anterior del mismo cirujano." in spanish
    assert "It repeats an earlier" not in spanish
    assert "No es cirujano." in english and "No es cirujano." in spanish


@pytest.mark.django_db(transaction=True)
def test_the_migration_forgets_the_stored_english_sentence_and_writes_it_back(moderator):
    original = make_nomination()
    nomination = make_nomination(hero=original.hero)
    mark_duplicate(nomination=nomination, moderator=moderator, duplicate_of=original)
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()

    executor.migrate([("heroes", "0005_translatable_labels")])
    nomination.refresh_from_db()
    assert nomination.decision_reason == "It repeats an earlier nomination of the same surgeon."
    executor.loader.build_graph()
    executor.migrate(latest)

    nomination.refresh_from_db()
    assert nomination.decision_reason == ""
