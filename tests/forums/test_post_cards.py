"""Post cards: a shared part cached by the version of what it shows, and a member layer
(reactions, own actions, moderator tools) that never crosses from one reader to another."""

import re

import pytest
from django.urls import reverse

from forums import posting
from forums.models import Post, Reaction
from tests.factories import committed, make_user
from tests.forums.factories import make_post, make_thread

pytestmark = pytest.mark.django_db


def _card(html: str, post: Post) -> str:
    """The HTML of one post card on a thread page."""
    match = re.search(rf'<article [^>]*id="post-{post.pk}".*?</article>', html, re.S)
    assert match, f"no card for post {post.pk}"
    return match.group(0)


def _pressed(card: str, label: str) -> bool:
    button = re.search(rf'aria-pressed="(true|false)"><i [^>]*></i> {label}', card)
    assert button, f"no {label} button"
    return button.group(1) == "true"


def _page(client, user, thread) -> str:
    client.force_login(user)
    return client.get(f"{thread.get_absolute_url()}?page=1").content.decode()


def test_two_members_on_one_thread_never_see_each_others_reactions_or_tools(client):
    thread = make_thread(title="Week one")
    first = thread.posts.get(number=1)
    patient = make_user(username="patient_a")
    own = make_post(thread=thread, author=patient, body="My own reply.")
    moderator = make_user(username="mod_b", role="moderator")
    Reaction.objects.create(post=first, user=patient, kind=Reaction.Kind.HELPFUL)
    Reaction.objects.create(post=first, user=moderator, kind=Reaction.Kind.SUPPORT)
    edit_own = reverse("forums:post_edit", args=[own.pk])
    hide_first = reverse("moderation:hide", args=["forums", "post", first.pk])

    # The patient's visit fills the shared fragments; the moderator's and the patient's
    # second visit are served from them.
    for _ in range(2):
        patient_page = _page(client, patient, thread)
        moderator_page = _page(client, moderator, thread)

        first_for_patient, first_for_moderator = (
            _card(patient_page, first),
            _card(moderator_page, first),
        )
        assert _pressed(first_for_patient, "Helpful")
        assert not _pressed(first_for_patient, "Sending support")
        assert _pressed(first_for_moderator, "Sending support")
        assert not _pressed(first_for_moderator, "Helpful")
        # The patient's own actions are theirs alone; the moderator's tools are theirs.
        assert f'href="{edit_own}"' in _card(patient_page, own)
        assert "Delete" in _card(patient_page, own)
        assert "Delete" not in _card(moderator_page, own)
        assert f'action="{hide_first}"' in first_for_moderator
        assert f'action="{hide_first}"' not in first_for_patient
        assert "Suspend member" in first_for_moderator
        assert "Suspend member" not in patient_page
        # A member reacts to others' posts, never to their own.
        assert "aria-pressed" not in _card(patient_page, own)
        assert "aria-pressed" in _card(moderator_page, own)


def test_the_shared_part_is_served_from_the_cache_until_the_post_changes(client, patient):
    thread = make_thread()
    reply = make_post(thread=thread, body="Ice helped.")
    assert "Ice helped." in _page(client, patient, thread)

    # A write that bypasses the post's version is not seen: the fragment is cached...
    Post.objects.filter(pk=reply.pk).update(body_html="<p>Changed behind its back.</p>")
    assert "Ice helped." in _page(client, patient, thread)

    # ...and an edit moves the version, so the next request shows it.
    with committed():
        posting.edit_post(
            post=Post.objects.get(pk=reply.pk), editor=reply.author, body="Ice and rest helped."
        )
    page = _page(client, patient, thread)
    assert "Ice and rest helped." in page
    assert "Ice helped." not in page


def test_a_card_shows_its_authors_new_public_details(client, patient):
    author = make_user(username="before_name")
    thread = make_thread(author=author)
    assert "before_name" in _page(client, patient, thread)

    author.username = "after_name"
    author.is_verified_surgeon = True
    with committed():
        author.save()

    page = _page(client, patient, thread)
    assert "after_name" in page and "Verified surgeon" in page
    assert "before_name" not in page


def test_a_hidden_post_shows_its_body_to_its_author_only_whoever_came_first(
    client, patient, other_patient, moderator
):
    thread = make_thread()
    hidden = make_post(thread=thread, author=patient, body="Something rude.")
    with committed():
        hidden.hide(by=moderator)

    other_page = _page(client, other_patient, thread)
    author_page = _page(client, patient, thread)
    other_again = _page(client, other_patient, thread)

    assert "Something rude." in _card(author_page, hidden)
    assert "only you and the moderators can read it" in author_page
    for page in (other_page, other_again):
        assert "Something rude." not in page
        assert "This post was hidden by a moderator." in _card(page, hidden)
