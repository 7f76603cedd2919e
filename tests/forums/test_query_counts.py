"""The forum pages make a fixed number of queries whatever their size: the same exact count
with 5 and with 30 forums, threads or posts, for a visitor and for a member (whose page adds
their session, their notifications and messages, their reactions and read states, their reply
draft). A thread longer than one page makes one more: its clinician answers may be on a later
page, while on a one-page thread they are among the posts already read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.models import POSTS_PER_PAGE, Reaction
from forums.posting import mark_read
from tests.factories import make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db

SIZES = [5, 30]
# page -> persona -> queries of a warm request (the first request filled the process caches).
EXPECTED = {
    "forum_index": {"visitor": 1, "patient": 4},
    "forum_detail": {"visitor": 3, "patient": 8},
    "thread_detail": {"visitor": 2, "patient": 10, "moderator": 10},
}


def _forum_index(size: int, user) -> str:
    for _ in range(size):
        make_thread(forum=make_forum())
    return "/forums/"


def _forum_detail(size: int, user) -> str:
    forum = make_forum()
    author = make_user()
    for index in range(size):
        thread = make_thread(forum=forum, author=author, is_pinned=index == 0)
        if index % 3 == 0:
            make_post(thread=thread)
    if user is not None:  # one thread read to the end, one with a reply since
        for thread in forum.threads.order_by("pk")[:2]:
            mark_read(user, thread, 1)
    return forum.get_absolute_url()


def _thread_detail(size: int, user) -> str:
    thread = make_thread()
    authors = [make_user() for _ in range(3)]
    posts = [make_post(thread=thread, author=authors[index % 3]) for index in range(size - 1)]
    if user is not None:
        make_post(thread=thread, author=user)
        for post in posts[::2]:
            Reaction.objects.create(post=post, user=user, kind=Reaction.Kind.HELPFUL)
    return f"{thread.get_absolute_url()}?page=1"


PAGES = {
    "forum_index": _forum_index,
    "forum_detail": _forum_detail,
    "thread_detail": _thread_detail,
}
CASES = [
    (page, persona_name, size)
    for page, personas in EXPECTED.items()
    for persona_name in personas
    for size in SIZES
]


@pytest.mark.parametrize(("page", "persona_name", "size"), CASES)
def test_forum_pages_make_a_fixed_number_of_queries(
    client, persona, django_assert_num_queries, page, persona_name, size
):
    user = persona(persona_name)
    url = PAGES[page](size, user)
    assert client.get(url).status_code == 200

    later_pages = page == "thread_detail" and size > POSTS_PER_PAGE
    with django_assert_num_queries(EXPECTED[page][persona_name] + later_pages):
        response = client.get(url)

    assert response.status_code == 200


def test_a_members_forum_page_reads_the_read_states_of_its_own_threads_only(client, patient):
    forum = make_forum()
    author = make_user()
    threads = [make_thread(forum=forum, author=author) for _ in range(32)]
    for thread in threads:
        mark_read(patient, thread, 1)
    client.force_login(patient)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(forum.get_absolute_url())

    page_ids = {thread.pk for thread in response.context["threads"]}
    assert len(page_ids) == 30
    (read_states,) = [q["sql"] for q in captured if "forums_threadreadstate" in q["sql"]]
    listed = read_states.split("IN (")[1].split(")")[0]
    assert {int(pk) for pk in listed.split(",")} == page_ids
