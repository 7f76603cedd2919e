import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.models import POSTS_PER_PAGE, ThreadReadState
from forums.posting import mark_read
from tests.factories import days_ago, make_user
from tests.forums.factories import make_post, make_thread

pytestmark = pytest.mark.django_db


def test_reading_a_thread_records_how_far(client, patient):
    thread = make_thread()
    make_post(thread=thread)
    client.force_login(patient)

    client.get(thread.get_absolute_url())

    assert ThreadReadState.objects.get(user=patient, thread=thread).last_read_number == 2


def test_threads_with_new_posts_are_marked_in_the_forum(client, patient):
    thread = make_thread()
    client.force_login(patient)
    client.get(thread.get_absolute_url())
    make_post(thread=thread)

    response = client.get(thread.forum.get_absolute_url())

    (row,) = response.context["threads"]
    assert row.unread is True
    assert "New posts" in response.content.decode()


def test_read_threads_are_not_marked(client, patient):
    thread = make_thread()
    unopened = make_thread(forum=thread.forum)
    client.force_login(patient)
    client.get(thread.get_absolute_url())

    rows = {row.pk: row for row in client.get(thread.forum.get_absolute_url()).context["threads"]}

    assert rows[unopened.pk].is_new is True
    assert rows[thread.pk].unread is False and rows[thread.pk].is_new is False


def test_never_opened_threads_since_joining_are_new(client):
    member = make_user(date_joined=days_ago(3))
    thread = make_thread()
    client.force_login(member)

    (row,) = client.get(thread.forum.get_absolute_url()).context["threads"]

    assert row.is_new is True


def test_thread_opens_at_the_first_unread_post(client, patient):
    thread = make_thread()
    for _ in range(POSTS_PER_PAGE - 1):
        make_post(thread=thread)
    client.force_login(patient)
    client.get(thread.get_absolute_url() + "?page=1")
    first_unread = make_post(thread=thread)
    make_post(thread=thread)

    response = client.get(thread.get_absolute_url())

    assert response.status_code == 302
    assert response.url == f"{thread.get_absolute_url()}?page=2#post-{first_unread.pk}"


def test_visitors_open_threads_at_the_start(client):
    thread = make_thread()

    assert client.get(thread.get_absolute_url()).status_code == 200


def test_own_reply_counts_as_read(client, patient):
    thread = make_thread()
    client.force_login(patient)
    client.get(thread.get_absolute_url())
    make_post(thread=thread)
    own = make_post(thread=thread, author=patient)

    (row,) = client.get(thread.forum.get_absolute_url()).context["threads"]

    assert ThreadReadState.objects.get(user=patient, thread=thread).last_read_number == own.number
    assert row.unread is False
    assert client.get(thread.get_absolute_url()).status_code == 200


def _read_state_writes(captured) -> list[str]:
    return [
        q["sql"]
        for q in captured
        if "forums_threadreadstate" in q["sql"] and not q["sql"].lstrip().startswith("SELECT")
    ]


def test_a_read_state_is_written_in_one_statement_and_never_moves_back(patient):
    thread = make_thread()
    for _ in range(3):
        make_post(thread=thread)

    for number, expected in [(2, 2), (4, 4), (3, 4)]:
        with CaptureQueriesContext(connection) as captured:
            mark_read(patient, thread, number)
        assert len(captured) == 1
        assert "ON CONFLICT" in captured[0]["sql"]
        state = ThreadReadState.objects.get(user=patient, thread=thread)
        assert state.last_read_number == expected


def test_reading_again_what_was_read_writes_nothing(client, patient):
    thread = make_thread()
    make_post(thread=thread)
    client.force_login(patient)
    with CaptureQueriesContext(connection) as first_visit:
        client.get(thread.get_absolute_url())

    with CaptureQueriesContext(connection) as second_visit:
        assert client.get(thread.get_absolute_url()).status_code == 200
    make_post(thread=thread)
    with CaptureQueriesContext(connection) as after_a_reply:
        client.get(f"{thread.get_absolute_url()}?page=1")

    assert len(_read_state_writes(first_visit)) == 1
    assert _read_state_writes(second_visit) == []
    assert len(_read_state_writes(after_a_reply)) == 1
    assert ThreadReadState.objects.get(user=patient, thread=thread).last_read_number == 3


def test_an_earlier_page_leaves_the_read_state_where_it_was(client, patient):
    thread = make_thread()
    for _ in range(POSTS_PER_PAGE):
        make_post(thread=thread)
    client.force_login(patient)
    client.get(f"{thread.get_absolute_url()}?page=2")

    with CaptureQueriesContext(connection) as captured:
        client.get(f"{thread.get_absolute_url()}?page=1")

    assert _read_state_writes(captured) == []
    state = ThreadReadState.objects.get(user=patient, thread=thread)
    assert state.last_read_number == POSTS_PER_PAGE + 1
