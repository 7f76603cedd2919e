"""rebuild_search_index on a live site: replies committed while it runs keep one entry each,
and neither the rebuild nor the reply fails on the other's row."""

from dataclasses import replace
from io import StringIO

import pytest
from django.core.management import call_command

from forums import search as forum_search
from forums.models import Post
from forums.posting import reply
from search import indexing
from search.models import SearchEntry
from tests.concurrency import at_once, postgres_only
from tests.forums.factories import make_thread

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _generous_new_member_limit(settings):
    settings.FORUMS_NEW_MEMBER_RATE = (1000, 10)


def _post_entries() -> set[int]:
    return set(SearchEntry.objects.filter(kind="post").values_list("object_id", flat=True))


def test_a_reply_committed_in_the_middle_of_the_rebuild_keeps_one_entry(monkeypatch, patient):
    thread = make_thread(title="Knee brace")
    started, written = [], []

    def replies_then_a_reply_commits():
        if not started:  # once: as the rebuild reads the replies, another connection writes
            started.append(True)
            written.extend(at_once(lambda: reply(thread=thread, author=patient, body="Now!")))
        return forum_search.public_replies()

    sources = [
        replace(source, public=replies_then_a_reply_commits) if source.kind == "post" else source
        for source in indexing.sources()
    ]
    monkeypatch.setattr(indexing, "sources", lambda: sources)

    indexing.rebuild()

    (new_reply,) = written
    assert SearchEntry.objects.filter(kind="post", object_id=new_reply.pk).count() == 1


def test_rebuilding_while_members_reply_fails_neither(patient, other_patient):
    thread = make_thread(title="Knee brace")

    def rebuild_three_times():
        for _ in range(3):
            call_command("rebuild_search_index", stdout=StringIO())

    def reply_ten_times(author):
        for n in range(10):
            reply(thread=thread, author=author, body=f"Reply {n} from {author.username}.")

    at_once(rebuild_three_times, lambda: reply_ten_times(patient),
            lambda: reply_ten_times(other_patient))  # fmt: skip

    replies = set(Post.objects.filter(number__gt=1).values_list("pk", flat=True))
    assert len(replies) == 20
    assert _post_entries() == replies
