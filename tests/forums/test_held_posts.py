"""A new member's first posts wait for a moderator: only the author (and the moderators)
see them until approval; approval publishes them and notifies the watchers then; rejection
hides them and tells the author why."""

import pytest
from django.urls import reverse

from accounts.models import Notification
from forums.models import ForumWatch, Post, Thread, ThreadWatch
from forums.permissions import reply_refusal
from forums.posting import mark_read
from moderation.models import ModerationLogEntry
from tests.factories import days_ago, make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = [pytest.mark.django_db, pytest.mark.new_member_rules]

DASHBOARD = "admin:moderation_dashboard"
REVIEW = "admin:moderation_review"


def established(**fields):
    return make_user(date_joined=days_ago(60), post_count=40, **fields)


@pytest.fixture
def thread():
    return make_thread(author=established(), title="Knee brace", body="Opening words.")


@pytest.fixture
def newcomer():
    return make_user(username="newcomer")


@pytest.fixture
def watcher(thread):
    member = established(username="watcher")
    ThreadWatch.objects.create(user=member, thread=thread)
    return member


def _page(client, user, thread) -> str:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(thread.get_absolute_url() + "?page=1").content.decode()


def _review(client, moderator, post, decision, note=""):
    client.force_login(moderator)
    return client.post(
        reverse(REVIEW), {"item": f"forums.post:{post.pk}", "decision": decision, "note": note}
    )


def test_a_new_members_first_reply_is_held_and_only_its_author_sees_it(
    client, thread, newcomer, other_patient, watcher
):
    held = make_post(thread=thread, author=newcomer, body="Ice helped me, honestly.")
    thread.refresh_from_db()

    assert held.is_held
    assert "Held for review" in _page(client, newcomer, thread)
    assert "Ice helped me" in _page(client, newcomer, thread)
    for reader in (other_patient, None):
        page = _page(client, reader, thread)
        assert "Opening words." in page  # positive control: the thread itself shows
        assert "Ice helped me" not in page and "Held for review" not in page
    assert thread.reply_count == 0 and thread.forum.post_count == 1
    assert thread.last_post.number == 1
    assert not Notification.objects.filter(recipient=watcher).exists()
    assert newcomer.__class__.objects.get(pk=newcomer.pk).post_count == 0


def test_moderators_see_held_posts_on_the_thread_and_the_dashboard(
    client, thread, newcomer, moderator
):
    make_post(thread=thread, author=newcomer, body="Ice helped me, honestly.")

    assert "Ice helped me" in _page(client, moderator, thread)
    dashboard = client.get(reverse(DASHBOARD)).content.decode()
    assert "Held for review" in dashboard and "Ice helped me" in dashboard
    assert "in “Knee brace”" in dashboard


def test_approval_publishes_counts_and_notifies_the_watchers_then(
    client, thread, newcomer, other_patient, watcher, moderator, django_capture_on_commit_callbacks
):
    held = make_post(thread=thread, author=newcomer, body="Ice helped me, honestly.")

    with django_capture_on_commit_callbacks(execute=True):
        response = _review(client, moderator, held, "approve")

    assert response.status_code == 302
    held.refresh_from_db()
    thread.refresh_from_db()
    assert held.is_visible
    assert thread.reply_count == 1 and thread.last_post_id == held.pk
    assert thread.forum.post_count == 2
    assert "Ice helped me" in _page(client, other_patient, thread)
    assert Notification.objects.filter(recipient=watcher, kind="forum_reply").count() == 1
    assert Notification.objects.filter(recipient=newcomer, kind="moderation").exists()
    assert ModerationLogEntry.objects.filter(action="approve", actor=moderator).exists()
    assert newcomer.__class__.objects.get(pk=newcomer.pk).post_count == 1


def test_an_approved_reply_is_found_by_search(client, thread, newcomer, moderator):
    held = make_post(thread=thread, author=newcomer, body="Cryotherapy helped me.")
    client.logout()
    assert "Cryotherapy" not in client.get(reverse("search"), {"q": "cryotherapy"}).content.decode()

    _review(client, moderator, held, "approve")
    client.logout()

    assert "Cryotherapy" in client.get(reverse("search"), {"q": "cryotherapy"}).content.decode()


def test_rejection_hides_the_post_and_tells_its_author_why(
    client, thread, newcomer, other_patient, watcher, moderator, django_capture_on_commit_callbacks
):
    held = make_post(thread=thread, author=newcomer, body="Buy my knee cream!")

    with django_capture_on_commit_callbacks(execute=True):
        _review(client, moderator, held, "reject", note="Advertising is not allowed.")

    held.refresh_from_db()
    thread.refresh_from_db()
    assert held.is_hidden and held.moderation_note == "Advertising is not allowed."
    assert thread.reply_count == 0
    told = Notification.objects.get(recipient=newcomer, kind="moderation")
    assert "Advertising is not allowed." in told.message
    assert "Buy my knee cream" not in _page(client, other_patient, thread)
    assert not Notification.objects.filter(recipient=watcher).exists()
    assert ModerationLogEntry.objects.filter(action="reject").exists()


def test_a_second_decision_on_the_same_post_changes_nothing(client, thread, newcomer, moderator):
    held = make_post(thread=thread, author=newcomer, body="Ice helped me.")
    _review(client, moderator, held, "approve")

    _review(client, moderator, held, "reject", note="late")

    held.refresh_from_db()
    assert held.is_visible
    assert ModerationLogEntry.objects.filter(action="reject").count() == 0


def test_members_cannot_approve(client, thread, newcomer, other_patient):
    held = make_post(thread=thread, author=newcomer, body="Ice helped me.")

    _review(client, other_patient, held, "approve")

    held.refresh_from_db()
    assert held.is_held


def test_a_new_members_thread_is_held_with_its_opening_post(
    client, newcomer, other_patient, moderator, django_capture_on_commit_callbacks
):
    forum = make_forum()
    forum_watcher = established()
    ForumWatch.objects.create(user=forum_watcher, forum=forum)
    thread = make_thread(forum=forum, author=newcomer, title="My first week")

    forum.refresh_from_db()
    assert thread.is_held and forum.thread_count == 0
    client.force_login(other_patient)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert "My first week" not in client.get(forum.get_absolute_url()).content.decode()
    client.force_login(newcomer)
    own = client.get(forum.get_absolute_url()).content.decode()
    assert "My first week" in own and "Held for review" in own

    opening = thread.posts.get(number=1)
    with django_capture_on_commit_callbacks(execute=True):
        _review(client, moderator, opening, "approve")

    thread.refresh_from_db()
    forum.refresh_from_db()
    assert thread.is_visible and forum.thread_count == 1
    client.force_login(other_patient)
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert Notification.objects.filter(recipient=forum_watcher, kind="forum_new_thread").exists()


def test_rejecting_an_opening_post_hides_its_thread(client, newcomer, moderator):
    thread = make_thread(author=newcomer, title="Cheap pills")

    _review(client, moderator, thread.posts.get(number=1), "reject", note="Spam.")

    thread.refresh_from_db()
    assert thread.is_hidden


def test_only_the_first_posts_are_held(client, thread, newcomer, moderator, settings):
    settings.PORTAL_HOLD_FIRST_POSTS = 2
    first = make_post(thread=thread, author=newcomer)
    second = make_post(thread=thread, author=newcomer)
    for post in (first, second):
        _review(client, moderator, post, "approve")

    newcomer.refresh_from_db()  # as the next request would load them
    third = make_post(thread=thread, author=newcomer)

    assert first.is_held and second.is_held
    assert third.is_visible


def test_established_members_and_moderators_are_not_held(thread, moderator):
    assert make_post(thread=thread, author=established()).is_visible
    assert make_post(thread=thread, author=moderator).is_visible


def test_held_posts_stay_out_of_the_latest_sections(client, newcomer, other_patient):
    make_thread(author=established(), title="Visible thread")
    make_thread(author=newcomer, title="Waiting thread")
    client.force_login(other_patient)

    home = client.get("/").content.decode()
    latest = client.get(reverse("forums:latest")).content.decode()

    for page in (home, latest):
        assert "Visible thread" in page
        assert "Waiting thread" not in page
    assert Thread.objects.held().count() == 1
    assert Post.objects.held().count() == 1


def test_opening_at_the_first_unread_post_never_points_at_a_held_one(
    client, thread, newcomer, other_patient
):
    mark_read(other_patient, thread, 1)
    make_post(thread=thread, author=newcomer, body="Held words.")
    published = make_post(thread=thread, author=established(), body="Published words.")
    client.force_login(other_patient)

    response = client.get(thread.get_absolute_url())

    assert response.status_code == 302
    assert response.url.endswith(f"#post-{published.pk}")


def test_a_held_thread_takes_no_replies_until_it_is_published(newcomer):
    thread = make_thread(author=newcomer)

    assert "waiting for a moderator" in reply_refusal(newcomer, thread)
