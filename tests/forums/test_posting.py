import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import Forum, Post, Thread
from tests.factories import make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db


def _reply(client, thread, body, **extra):
    return client.post(reverse("forums:post_create", args=[thread.pk]), {"body": body, **extra})


def test_patient_can_start_a_thread(client, patient):
    forum = make_forum()
    client.force_login(patient)

    response = client.post(
        reverse("forums:thread_create", args=[forum.slug]),
        {"title": "Week one after ACL", "body": "How is everyone?"},
    )

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == thread.get_absolute_url()
    assert thread.author == patient and thread.posts.get().number == 1
    forum.refresh_from_db()
    patient.refresh_from_db()
    assert (forum.thread_count, forum.post_count, forum.last_post) == (1, 1, thread.last_post)
    assert patient.post_count == 1
    assert thread.watches.filter(user=patient).exists()


def test_invalid_thread_form_shows_errors_and_saves_nothing(client, patient):
    forum = make_forum()
    client.force_login(patient)

    response = client.post(reverse("forums:thread_create", args=[forum.slug]), {"title": ""})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Thread.objects.exists()


def test_patient_can_reply_and_counters_follow(client, patient):
    thread = make_thread()
    client.force_login(patient)

    response = _reply(client, thread, "Same here.")

    post = Post.objects.get(body="Same here.")
    assert response.url == post.get_absolute_url()
    thread.refresh_from_db()
    assert (thread.reply_count, thread.last_post, thread.last_post_number) == (1, post, 2)
    assert Forum.objects.get(pk=thread.forum_id).post_count == 2
    patient.refresh_from_db()
    assert patient.post_count == 1
    assert post.number == 2


def test_double_submit_creates_one_post(client, patient):
    thread = make_thread()
    client.force_login(patient)

    token = str(uuid.uuid4())

    _reply(client, thread, "Only once please.", form_token=token)
    _reply(client, thread, "Only once please.", form_token=token)

    assert thread.posts.filter(body="Only once please.").count() == 1
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_visitor_is_sent_to_login_to_reply(client):
    thread = make_thread()

    response = _reply(client, thread, "Hi")

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert thread.posts.count() == 1


def test_locked_thread_refuses_replies_with_a_message(client, patient):
    thread = make_thread(is_locked=True)
    client.force_login(patient)

    response = _reply(client, thread, "Can I still?")

    assert response.status_code == 403
    assert "locked" in response.content.decode()
    assert thread.posts.count() == 1


def test_moderator_can_reply_to_locked_thread(client, moderator):
    thread = make_thread(is_locked=True)
    client.force_login(moderator)

    _reply(client, thread, "Closing note from the moderators.")

    assert thread.posts.count() == 2


def test_suspended_member_cannot_post_and_is_told_why(client, patient):
    patient.suspended_until = timezone.now() + timezone.timedelta(days=3)
    patient.suspension_reason = "Repeated advertising."
    patient.save()
    thread = make_thread()
    client.force_login(patient)

    reply = _reply(client, thread, "Buy now")
    start = client.get(reverse("forums:thread_create", args=[thread.forum.slug]))

    assert reply.status_code == 403 and "Repeated advertising." in reply.content.decode()
    assert start.status_code == 403
    assert thread.posts.count() == 1


def test_new_member_is_rate_limited(client, settings):
    settings.PORTAL_POSTING_RATES = {
        **settings.PORTAL_POSTING_RATES,
        "forum_post": ("3/10m", "30/h"),
    }
    newcomer = make_user()
    thread = make_thread()
    client.force_login(newcomer)

    statuses = [_reply(client, thread, f"Message {n}").status_code for n in range(4)]

    assert statuses == [302, 302, 302, 403]
    assert thread.posts.filter(author=newcomer).count() == 3


def test_established_member_is_not_rate_limited(client, settings):
    settings.PORTAL_POSTING_RATES = {
        **settings.PORTAL_POSTING_RATES,
        "forum_post": ("3/10m", "30/h"),
    }
    # Established: past the first week and with a few posts (accounts.limits.is_new_member).
    member = make_user(date_joined=timezone.now() - timezone.timedelta(days=30), post_count=5)
    thread = make_thread()
    client.force_login(member)

    for n in range(5):
        _reply(client, thread, f"Message {n}")

    assert thread.posts.filter(author=member).count() == 5


def test_quote_prefills_the_reply_with_author_and_link(client, patient):
    quoted = make_post(body="Ice helped me a lot.\nAnd rest.")
    client.force_login(patient)

    response = client.get(
        reverse("forums:post_create", args=[quoted.thread_id]), {"quote": quoted.pk}
    )

    initial = response.context["form"].initial["body"]
    author = quoted.author
    assert f"> **[{author.username}]({author.get_absolute_url()})** [wrote]" in initial
    assert f"[wrote]({quoted.get_absolute_url()})" in initial
    assert "> Ice helped me a lot.\n> And rest." in initial


def test_quoted_reply_renders_a_blockquote_linking_back(client, patient):
    quoted = make_post(body="Ice helped.")
    client.force_login(patient)
    from forums.posting import quote_text

    _reply(client, quoted.thread, quote_text(quoted) + "Thanks!")

    post = Post.objects.get(author=patient)
    assert "<blockquote>" in post.body_html
    assert f'href="{quoted.get_absolute_url()}"' in post.body_html


def test_markdown_in_posts_is_sanitised(client, patient):
    thread = make_thread()
    client.force_login(patient)

    _reply(
        client,
        thread,
        "<script>alert(1)</script> [x](javascript:alert(1)) <img src=http://evil/x.png> **ok**",
    )

    html = Post.objects.get(author=patient).body_html
    assert "<script" not in html and "javascript:" not in html and "<img" not in html
    assert "<strong>ok</strong>" in html


def test_author_can_edit_and_revisions_are_kept(client, patient):
    post = make_post(author=patient, body="First version")
    client.force_login(patient)

    response = client.post(reverse("forums:post_edit", args=[post.pk]), {"body": "Second"})

    post.refresh_from_db()
    assert response.status_code == 302
    assert post.body == "Second" and post.edited_at is not None
    assert list(post.history.order_by("history_date").values_list("body", flat=True))[-2:] == [
        "First version",
        "Second",
    ]
    page = client.get(post.get_absolute_url(), follow=True).content.decode()
    assert "edited" in page


@pytest.mark.parametrize(
    ("persona_name", "expected"),
    [("visitor", 302), ("other_patient", 403), ("patient", 200), ("moderator", 200)],
)
def test_post_edit_access(client, persona, patient, persona_name, expected):
    post = make_post(author=patient)
    persona(persona_name)

    response = client.get(reverse("forums:post_edit", args=[post.pk]))

    assert response.status_code == expected


def test_other_patient_cannot_edit_by_post(client, patient, other_patient):
    post = make_post(author=patient, body="Mine")
    client.force_login(other_patient)

    response = client.post(reverse("forums:post_edit", args=[post.pk]), {"body": "Hacked"})

    post.refresh_from_db()
    assert response.status_code == 403 and post.body == "Mine"


def test_author_cannot_edit_in_a_locked_thread(client, patient):
    post = make_post(author=patient)
    Thread.objects.filter(pk=post.thread_id).update(is_locked=True)
    client.force_login(patient)

    response = client.post(reverse("forums:post_edit", args=[post.pk]), {"body": "Later"})

    assert response.status_code == 403


def test_moderator_can_read_revisions_others_cannot(client, patient, moderator):
    post = make_post(author=patient)

    client.force_login(patient)
    assert client.get(reverse("forums:post_history", args=[post.pk])).status_code == 403
    client.force_login(moderator)
    assert client.get(reverse("forums:post_history", args=[post.pk])).status_code == 200


@pytest.mark.parametrize(
    ("persona_name", "expected"),
    [("visitor", 302), ("other_patient", 403), ("moderator", 403), ("patient", 302)],
)
def test_post_delete_access(client, persona, patient, persona_name, expected):
    post = make_post(author=patient)
    persona(persona_name)

    response = client.post(reverse("forums:post_delete", args=[post.pk]))

    post.refresh_from_db()
    assert response.status_code == expected
    assert post.is_deleted == (persona_name == "patient")


def test_deleted_post_keeps_its_place(client, patient):
    post = make_post(author=patient, body="Regret this")
    later = make_post(thread=post.thread, body="A later reply")
    client.force_login(patient)

    client.post(reverse("forums:post_delete", args=[post.pk]))
    client.logout()
    page = client.get(post.thread.get_absolute_url()).content.decode()

    assert "This post was deleted by its author." in page
    assert "Regret this" not in page
    assert later.body in page
    post.thread.refresh_from_db()
    assert post.thread.reply_count == 1


@pytest.mark.parametrize("kind", ["helpful", "support"])
def test_reactions_toggle_and_count(client, patient, kind):
    post = make_post()
    client.force_login(patient)
    url = reverse("forums:post_react", args=[post.pk, kind])

    client.post(url)
    post.refresh_from_db()
    assert getattr(post, f"{kind}_count") == 1
    client.post(url)
    post.refresh_from_db()
    assert getattr(post, f"{kind}_count") == 0


def test_reaction_via_htmx_returns_the_buttons(client, patient):
    post = make_post()
    client.force_login(patient)

    response = client.post(
        reverse("forums:post_react", args=[post.pk, "helpful"]), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()


def test_author_cannot_react_to_own_post(client, patient):
    post = make_post(author=patient)
    client.force_login(patient)

    response = client.post(reverse("forums:post_react", args=[post.pk, "helpful"]))

    assert response.status_code == 403


def test_unknown_reaction_is_404(client, patient):
    post = make_post()
    client.force_login(patient)

    assert client.post(reverse("forums:post_react", args=[post.pk, "helpful"])).status_code == 302
    assert client.post(reverse("forums:post_react", args=[post.pk, "angry"])).status_code == 404


def test_mentioned_member_is_notified(client, patient, django_capture_on_commit_callbacks):
    mentioned = make_user(username="kneehealer")
    thread = make_thread()
    client.force_login(patient)

    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, thread, "What do you think, @kneehealer?")

    notification = mentioned.notifications.get(kind="forum_mention")
    assert "patient mentioned you" in notification.message


def test_forms_on_post_cards_carry_the_csrf_token(patient):
    from django.test import Client

    post = make_post()
    client = Client(enforce_csrf_checks=True)
    client.force_login(patient)

    page = client.get(post.thread.get_absolute_url()).content.decode()
    form = page[page.index(reverse("forums:post_react", args=[post.pk, "helpful"])) :]

    assert 'name="csrfmiddlewaretoken" value="' in form[:600]


def test_deleting_the_first_post_keeps_the_reply_count_right(client, patient):
    thread = make_thread(author=patient)
    make_post(thread=thread)
    client.force_login(patient)

    client.post(reverse("forums:post_delete", args=[thread.posts.get(number=1).pk]))

    thread.refresh_from_db()
    forum = Forum.objects.get(pk=thread.forum_id)
    assert thread.reply_count == 1
    assert (forum.thread_count, forum.post_count) == (1, 1)
