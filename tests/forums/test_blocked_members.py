"""A member who blocks another no longer hears from them in the forums and blogs: their
posts and comments are collapsed behind "show" for the blocker, and their mentions and
replies notify nobody who blocked them."""

import pytest

from accounts.blocking import block
from accounts.models import Notification
from forums.models import ThreadWatch
from tests.blogs.factories import make_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_user
from tests.forums.factories import make_post, make_thread

pytestmark = pytest.mark.django_db

COLLAPSED_POST = "Post by a member you blocked — show"
COLLAPSED_COMMENT = "Comment by a member you blocked — show"


@pytest.fixture
def pest():
    return make_user(username="pest")


def test_a_blocked_members_forum_post_is_collapsed_for_the_blocker_only(
    client, patient, other_patient, pest
):
    thread = make_thread(title="Knee brace", body="Which brace do you use?")
    make_post(thread=thread, author=pest, body="Nobody cares about your knee.")
    block(patient, pest)

    client.force_login(patient)
    blocker_view = client.get(thread.get_absolute_url()).content.decode()
    client.force_login(other_patient)
    other_view = client.get(thread.get_absolute_url()).content.decode()

    assert blocker_view.count(COLLAPSED_POST) == 1
    assert "Which brace do you use?" in blocker_view  # others' posts open as usual
    assert "<details" in blocker_view and "Nobody cares" in blocker_view  # one click away
    assert COLLAPSED_POST not in other_view and "Nobody cares" in other_view


def test_mentions_and_replies_from_a_blocked_member_are_not_delivered(patient, pest):
    friend = make_user(username="friend")
    thread = make_thread(author=patient)
    ThreadWatch.objects.get_or_create(user=patient, thread=thread)
    block(patient, pest)

    make_post(thread=thread, author=pest, body="@patient you again?")
    make_post(thread=thread, author=friend, body="@patient how are you?")

    actors = set(Notification.objects.filter(recipient=patient).values_list("actor__username",
                                                                             flat=True))  # fmt: skip
    assert actors == {"friend"}


def test_a_blocked_members_blog_comment_and_post_are_collapsed(
    client, patient, other_patient, pest
):
    post = make_blog_post(author=other_patient, body="Week two, walking more.")
    make_comment(post=post, author=pest, body="Stop whining.")
    make_comment(post=post, author=make_user(), body="Keep going!")
    own_post = make_blog_post(author=pest, body="My own diary.")
    block(patient, pest)
    client.force_login(patient)

    page = client.get(post.get_absolute_url()).content.decode()
    pest_post = client.get(own_post.get_absolute_url()).content.decode()
    client.force_login(other_patient)
    other_view = client.get(post.get_absolute_url()).content.decode()

    assert page.count(COLLAPSED_COMMENT) == 1 and "Keep going!" in page
    assert COLLAPSED_POST not in page  # the post itself is not the blocked member's
    assert COLLAPSED_POST in pest_post and "My own diary." in pest_post
    assert COLLAPSED_COMMENT not in other_view and "Stop whining." in other_view
