import pytest
from django.urls import reverse

from forums.models import Forum
from moderation.links import moderation_url
from moderation.models import ModerationLogEntry, Report
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db

THREAD_ACTIONS = [
    ("thread_lock", "is_locked", True, "lock"),
    ("thread_unlock", "is_locked", False, "unlock"),
    ("thread_pin", "is_pinned", True, "pin"),
    ("thread_unpin", "is_pinned", False, "unpin"),
]


@pytest.mark.parametrize(("url_name", "field", "value", "action"), THREAD_ACTIONS)
def test_moderator_thread_flags_are_logged(client, moderator, url_name, field, value, action):
    thread = make_thread(**{field: not value})
    client.force_login(moderator)

    response = client.post(reverse(f"forums:{url_name}", args=[thread.pk]), {"note": "why"})

    thread.refresh_from_db()
    assert response.status_code == 302
    assert getattr(thread, field) is value
    entry = ModerationLogEntry.objects.get(action=action)
    assert (entry.actor, entry.target, entry.note) == (moderator, thread, "why")


@pytest.mark.parametrize("url_name", [a[0] for a in THREAD_ACTIONS] + ["hide"])
@pytest.mark.parametrize(
    ("persona_name", "expected"), [("visitor", 302), ("patient", 403), ("other_patient", 403)]
)
def test_thread_moderation_matrix(client, persona, patient, url_name, persona_name, expected):
    thread = make_thread(author=patient)
    persona(persona_name)
    if url_name == "hide":
        url = moderation_url("hide", thread)
    else:
        url = reverse(f"forums:{url_name}", args=[thread.pk])

    response = client.post(url)

    assert response.status_code == expected
    assert not ModerationLogEntry.objects.exists()


def test_moderator_hides_and_restores_a_post(client, moderator, patient):
    post = make_post(author=patient, body="Rude words")
    client.force_login(moderator)

    client.post(moderation_url("hide", post), {"note": "abuse"})
    post.refresh_from_db()
    post.thread.refresh_from_db()
    assert post.is_hidden and post.moderated_by == moderator
    assert post.thread.reply_count == 0
    assert ModerationLogEntry.objects.filter(action="hide", actor=moderator).exists()

    client.post(moderation_url("restore", post))
    post.refresh_from_db()
    post.thread.refresh_from_db()
    assert post.is_visible and post.thread.reply_count == 1
    assert ModerationLogEntry.objects.filter(action="restore").exists()


def test_hidden_post_shows_a_placeholder_to_others_and_text_to_author(
    client, moderator, patient, other_patient
):
    post = make_post(author=patient, body="Secret text")
    post.hide(by=moderator)
    url = post.thread.get_absolute_url()

    visitor_page = client.get(url).content.decode()
    client.force_login(other_patient)
    other_page = client.get(url + "?page=1").content.decode()
    client.force_login(patient)
    author_page = client.get(url + "?page=1").content.decode()

    assert "hidden by a moderator" in visitor_page and "Secret text" not in visitor_page
    assert "Secret text" not in other_page
    assert "Secret text" in author_page


@pytest.mark.parametrize(
    ("persona_name", "expected"), [("visitor", 302), ("patient", 403), ("moderator", 302)]
)
def test_post_hide_matrix(client, persona, other_patient, persona_name, expected):
    post = make_post(author=other_patient)
    persona(persona_name)

    response = client.post(moderation_url("hide", post))

    post.refresh_from_db()
    assert response.status_code == expected
    assert post.is_hidden == (persona_name == "moderator")


def test_moderator_moves_a_thread_and_counters_follow(client, moderator):
    source, target = make_forum(), make_forum()
    thread = make_thread(forum=source)
    make_post(thread=thread)
    client.force_login(moderator)

    response = client.post(
        reverse("forums:thread_move", args=[thread.pk]), {"forum": target.pk, "note": "topic"}
    )

    thread.refresh_from_db()
    source, target = Forum.objects.get(pk=source.pk), Forum.objects.get(pk=target.pk)
    assert response.status_code == 302 and thread.forum == target
    assert (source.thread_count, source.post_count, source.last_post) == (0, 0, None)
    assert (target.thread_count, target.post_count) == (1, 2)
    assert ModerationLogEntry.objects.get(action="move").note_text == (
        f"Moved from {source} to {target}. topic"
    )


def test_patient_cannot_open_the_move_page(client, patient):
    thread = make_thread()
    client.force_login(patient)

    assert client.get(reverse("forums:thread_move", args=[thread.pk])).status_code == 403


def test_hidden_thread_leaves_the_forum_counts(client, moderator):
    thread = make_thread()
    client.force_login(moderator)

    client.post(moderation_url("hide", thread))

    forum = Forum.objects.get(pk=thread.forum_id)
    assert (forum.thread_count, forum.post_count) == (0, 0)
    assert client.get(thread.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 404


def test_member_can_report_a_post(client, patient):
    post = make_post()
    client.force_login(patient)
    url = reverse("moderation:report", args=["forums", "post", post.pk])

    response = client.post(url, {"reason": "misinformation", "note": "Dangerous dose advice"})

    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.target, report.reporter, report.reason) == (post, patient, "misinformation")


def test_member_can_report_a_thread(client, patient):
    thread = make_thread()
    client.force_login(patient)

    client.post(
        reverse("moderation:report", args=["forums", "thread", thread.pk]), {"reason": "spam"}
    )

    assert Report.objects.get().target == thread


def test_thread_page_shows_report_links_to_members(client, patient):
    post = make_post()
    client.force_login(patient)

    page = client.get(post.thread.get_absolute_url()).content.decode()

    assert reverse("moderation:report", args=["forums", "post", post.pk]) in page


class TestAdminActions:
    def _action(self, client, model, action, objects, **extra):
        url = reverse(f"admin:forums_{model}_changelist")
        data = {"action": action, "_selected_action": [o.pk for o in objects], **extra}
        return client.post(url, data)

    def test_moderator_locks_threads_in_bulk(self, client, moderator):
        threads = [make_thread(), make_thread()]
        client.force_login(moderator)

        self._action(client, "thread", "lock_selected", threads)

        assert all(t.__class__.objects.get(pk=t.pk).is_locked for t in threads)
        assert ModerationLogEntry.objects.filter(action="lock").count() == 2

    def test_moderator_moves_threads_in_bulk(self, client, moderator):
        target = make_forum()
        threads = [make_thread(), make_thread()]
        client.force_login(moderator)

        self._action(client, "thread", "move_selected", threads, forum=target.pk)

        assert target.threads.count() == 2
        assert ModerationLogEntry.objects.filter(action="move").count() == 2

    def test_moderator_hides_posts_in_bulk(self, client, moderator):
        posts = [make_post(), make_post()]
        client.force_login(moderator)

        self._action(client, "post", "hide_selected", posts)

        assert all(p.__class__.objects.get(pk=p.pk).is_hidden for p in posts)
        assert ModerationLogEntry.objects.filter(action="hide").count() == 2

    def test_editor_cannot_run_moderation_actions(self, client, editor):
        thread = make_thread()
        client.force_login(editor)

        response = self._action(client, "thread", "lock_selected", [thread])

        thread.refresh_from_db()
        assert response.status_code == 403
        assert not thread.is_locked

    @pytest.mark.parametrize("model", ["forum", "thread", "post", "reaction"])
    def test_admin_changelists_open_for_moderators(self, client, moderator, model):
        make_post()
        client.force_login(moderator)

        response = client.get(reverse(f"admin:forums_{model}_changelist"))

        assert response.status_code == 200
