"""What deleting an account removes, table by table, as the delete page promises."""

import pytest
from django.core.files.storage import default_storage

from accounts.data_rights import delete_account
from blogs.models import BlogPost, Comment
from core.erasing import REMOVED_TEXT
from core.models import Draft, MemberImage
from forums.erasure import HAS_RECOVERY_BADGE
from forums.models import Post
from heroes.models import Nomination
from messaging.models import Conversation, Message
from search.models import SearchEntry
from tests.factories import make_member_image
from tests.privacy.busy_member import SECRET, make_busy_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(moderator):
    return make_busy_member(moderator)


def test_recovery_badges_go_from_posts_and_their_revisions(member):
    had_badges = Post.objects.filter(HAS_RECOVERY_BADGE).exists()

    delete_account(member)

    assert had_badges
    assert not Post.objects.filter(HAS_RECOVERY_BADGE).exists()
    assert not Post.history.filter(HAS_RECOVERY_BADGE).exists()
    assert not Post.objects.exclude(recovery_procedure="").exists()


def test_uploaded_files_leave_storage_after_commit(member, django_capture_on_commit_callbacks):
    cover = BlogPost.objects.exclude(cover="").get().cover.name
    assert default_storage.exists(cover)

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(member)

    assert not default_storage.exists(cover)
    assert not BlogPost.objects.exclude(cover="").exists()


def test_member_images_leave_storage_after_commit(member, django_capture_on_commit_callbacks):
    image = MemberImage.objects.get(owner=member)
    name = image.file.name
    assert default_storage.exists(name)
    other = make_member_image()  # positive control: another member's image stays

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(member)

    assert not default_storage.exists(name)
    assert not MemberImage.objects.filter(owner=member).exists()
    assert default_storage.exists(other.file.name)
    assert not Draft.objects.filter(user=member).exists()


def test_drafts_and_their_revisions_are_gone(member):
    had_drafts = BlogPost.objects.filter(publication="draft").exists()

    delete_account(member)

    assert had_drafts
    assert not BlogPost.objects.filter(publication="draft").exists()
    assert not BlogPost.history.filter(body__contains="draft:").exists()


def test_pending_nominations_leave_the_queue_decided_ones_stay(member):
    delete_account(member)

    statuses = list(Nomination.objects.filter(nominator=member).values_list("status", flat=True))
    assert statuses == [Nomination.Status.APPROVED]


def test_published_text_stays_without_the_box(member):
    delete_account(member)

    assert Post.objects.filter(author=member, body=SECRET).exists()
    assert Message.objects.filter(sender=None, body=SECRET).exists()


def test_erase_text_replaces_it_everywhere_and_purges_revisions(member):
    ids = list(Post.objects.filter(author=member).values_list("pk", flat=True))

    delete_account(member, erase_text=True)

    for model in (Post, BlogPost, Comment, Message):
        assert not model.objects.filter(body__contains=SECRET).exists(), model
    for model in (Post, BlogPost, Comment):
        assert not model.history.filter(body__contains=SECRET).exists(), model
    assert not Post.history.filter(id__in=ids).exists()
    assert Post.objects.get(pk=ids[0]).body == REMOVED_TEXT


def test_erased_text_leaves_the_search_index(member):
    assert SearchEntry.objects.filter(body__contains="wound").exists()

    delete_account(member, erase_text=True)

    assert not SearchEntry.objects.filter(body__contains="wound").exists()


def test_conversations_lose_the_member_but_stay_for_the_others(member):
    delete_account(member)

    conversation = Conversation.objects.get()
    assert list(conversation.participants.values_list("user__username", flat=True)) == ["friend"]


def test_a_deleted_members_name_has_no_link(client, member):
    thread = member.forum_threads.get()
    delete_account(member)

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "deleted member" in page
    assert f"/members/deleted-{member.pk}/" not in page


def test_the_delete_form_erases_text_when_ticked(client, member):
    client.force_login(member)

    response = client.post("/accounts/delete/", {"confirm": "busy", "erase_text": "on"})

    assert response.status_code == 302
    assert Post.objects.filter(author=member, body=REMOVED_TEXT).exists()
