import pytest
from django.urls import reverse

from forums.models import POSTS_PER_PAGE, THREADS_PER_PAGE
from tests.factories import make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db


def test_index_lists_forums_with_counts_and_latest_post(client):
    forum = make_forum(name="Knee surgery")
    thread = make_thread(forum=forum, title="ACL week one")
    make_post(thread=thread)

    response = client.get(reverse("forums:forum_index"))

    assert response.status_code == 200
    forum.refresh_from_db()
    assert (forum.thread_count, forum.post_count) == (1, 2)
    assert response.context["forums"][0].last_post.thread == thread
    assert "ACL week one" in response.content.decode()


def test_forum_lists_pinned_first_then_by_activity(client):
    forum = make_forum()
    old = make_thread(forum=forum, title="Old")
    pinned = make_thread(forum=forum, title="Pinned", is_pinned=True)
    make_post(thread=old)
    newest = make_thread(forum=forum, title="Newest")

    response = client.get(forum.get_absolute_url())

    titles = [t.title for t in response.context["threads"]]
    assert titles == [pinned.title, newest.title, old.title]


def test_thread_page_shows_posts_oldest_first_with_author_details(client):
    author = make_user(username="dadoody", is_verified_surgeon=True)
    thread = make_thread(author=author, body="I had **surgery**.")
    make_post(thread=thread, body="Second")

    response = client.get(thread.get_absolute_url())

    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("I had <strong>surgery</strong>.") < body.index("Second")
    assert "Verified surgeon" in body
    assert "Posted: <time datetime=" in body
    assert "Joined" in body


def test_stale_slug_redirects_to_canonical_url(client):
    thread = make_thread(title="New title")

    response = client.get(reverse("forums:thread_detail", args=[thread.pk, "old-title"]))

    assert response.status_code == 301
    assert response.url == thread.get_absolute_url()


def test_thread_id_alone_redirects(client):
    thread = make_thread()

    response = client.get(reverse("forums:thread_redirect", args=[thread.pk]))

    assert response.url == thread.get_absolute_url()


def test_permalink_opens_the_right_page(client):
    thread = make_thread()
    posts = [make_post(thread=thread) for _ in range(POSTS_PER_PAGE + 1)]

    response = client.get(posts[-1].get_absolute_url())

    assert response.url == f"{thread.get_absolute_url()}?page=2#post-{posts[-1].pk}"


@pytest.mark.parametrize(
    ("page", "expected_number"), [("0", 1), ("-3", 1), ("abc", 1), ("2", 2), ("999", 2), ("", 1)]
)
def test_thread_pagination_edges_never_fail(client, page, expected_number):
    thread = make_thread()
    for _ in range(POSTS_PER_PAGE):
        make_post(thread=thread)

    response = client.get(thread.get_absolute_url(), {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == expected_number


@pytest.mark.parametrize("page", ["0", "x", "99999999999999999999", "2"])
def test_forum_pagination_edges_never_fail(client, page):
    forum = make_forum()
    make_thread(forum=forum)

    response = client.get(forum.get_absolute_url(), {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_hidden_thread_is_404_for_visitors_and_others(client, patient, moderator):
    thread = make_thread(author=patient)
    thread.hide(by=moderator)

    assert client.get(thread.get_absolute_url()).status_code == 404
    client.force_login(patient)
    assert client.get(thread.get_absolute_url()).status_code == 200
    client.force_login(moderator)
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_unknown_forum_is_404(client):
    make_forum(slug="knee")

    assert client.get("/forums/knee/").status_code == 200
    assert client.get("/forums/no-such-forum/").status_code == 404


def test_threads_filter_by_procedure(client):
    from tests.factories import make_article

    acl, knee = make_article(title="ACL reconstruction"), make_article(title="Knee replacement")
    forum = make_forum(articles=[acl, knee])
    make_thread(forum=forum, title="About ACL", article=acl)
    make_thread(forum=forum, title="About TKR", article=knee)

    response = client.get(forum.get_absolute_url(), {"procedure": acl.slug})

    assert [t.title for t in response.context["threads"]] == ["About ACL"]


def _fill_forum(forum, count):
    author = make_user()
    for _ in range(count):
        make_thread(forum=forum, author=author)


@pytest.mark.parametrize("persona_name", ["visitor", "patient"])
def test_forum_page_query_count_does_not_grow(
    client, django_assert_num_queries, persona, persona_name
):
    persona(persona_name)
    small, big = make_forum(), make_forum()
    _fill_forum(small, 2)
    _fill_forum(big, THREADS_PER_PAGE)
    client.get(small.get_absolute_url())  # warm caches (content types, sessions)

    with django_assert_num_queries(_count_queries(client, small.get_absolute_url())):
        response = client.get(big.get_absolute_url())

    assert len(response.context["threads"]) == THREADS_PER_PAGE


@pytest.mark.parametrize("persona_name", ["visitor", "patient", "moderator"])
def test_thread_page_query_count_does_not_grow(
    client, django_assert_num_queries, persona, persona_name
):
    user = persona(persona_name)
    short, long = make_thread(), make_thread()
    own_posts = 1 if user is not None else 0
    for index in range(POSTS_PER_PAGE - 1 - own_posts):  # one full page, none on a second
        make_post(thread=long, author=make_user() if index % 2 else None)
    make_post(thread=short)
    if user is not None:
        make_post(thread=long, author=user)
        make_post(thread=short, author=user)
    urls = [f"{t.get_absolute_url()}?page=1" for t in (short, long)]
    client.get(urls[0])

    with django_assert_num_queries(_count_queries(client, urls[0])):
        response = client.get(urls[1])

    assert len(response.context["posts"]) == POSTS_PER_PAGE


def _count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)
