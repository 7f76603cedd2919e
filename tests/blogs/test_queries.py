"""Queries per page do not grow with the number of posts, comments or tags shown."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.blogs.factories import make_comment, make_post
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    """With an empty cache: what building every fragment of the page costs."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _posts(n, **fields):
    authors = [make_user() for _ in range(3)]
    return [make_post(author=authors[i % 3], tags=[f"tag{i}", "knee"], **fields) for i in range(n)]


@pytest.mark.parametrize("url_name", ["post_list", "feed", "feed_atom"])
def test_list_pages_and_feeds_make_the_same_queries_for_2_and_10_posts(client, url_name):
    _posts(2)
    few = _queries(client, reverse(f"blogs:{url_name}"))
    _posts(8)

    assert _queries(client, reverse(f"blogs:{url_name}")) == few


def test_tag_page_query_count_is_fixed(client):
    _posts(2)
    few = _queries(client, reverse("blogs:tag_detail", args=["knee"]))
    _posts(8)

    assert _queries(client, reverse("blogs:tag_detail", args=["knee"])) == few


def test_blog_page_query_count_is_fixed(client, patient):
    make_post(author=patient, tags=["a"])
    url = reverse("blogs:blog_detail", args=[patient.username])
    few = _queries(client, url)
    for n in range(8):
        make_post(author=patient, tags=[f"t{n}"])

    assert _queries(client, url) == few


def _post_page(post):
    return post.get_absolute_url()


@pytest.mark.parametrize("logged_in", [False, True])
def test_post_page_makes_the_same_queries_for_2_and_12_comments(client, patient, logged_in):
    article = make_article()
    post = make_post(author=patient, tags=["knee", "week 1"], article=article)
    _posts(2, article=article)
    if logged_in:
        client.force_login(make_user())
    for _ in range(2):
        make_comment(post=post, parent=make_comment(post=post))
    few = _queries(client, _post_page(post))

    for _ in range(5):
        make_comment(post=post, parent=make_comment(post=post))
    for _ in range(4):
        make_post(author=patient, tags=["knee"])
    _posts(6, article=article)

    assert _queries(client, _post_page(post)) == few


def test_home_article_and_profile_sections_are_fixed(client, patient):
    article = make_article(slug="knee-osteotomy")
    make_post(author=patient, article=article)
    pages = [reverse("home"), article.get_absolute_url(), patient.get_absolute_url()]
    few = [_queries(client, url) for url in pages]
    for _ in range(8):
        make_post(author=patient, article=article)

    assert [_queries(client, url) for url in pages] == few


def test_post_page_reads_the_blogs_owner_with_the_post(client, patient, other_patient):
    """The breadcrumb names an untitled blog after its owner: that costs no query of its own."""
    titled = make_post(author=other_patient)
    titled.blog.title = "Walking again"
    titled.blog.save()
    untitled = make_post(author=patient)
    assert untitled.blog.title == ""
    for post in (titled, untitled):  # what the first request of all reads once
        client.get(_post_page(post))

    with CaptureQueriesContext(connection) as captured:
        response = client.get(_post_page(untitled))
    with CaptureQueriesContext(connection) as titled_queries:
        client.get(_post_page(titled))

    assert f"{patient.public_name}&#x27;s blog" in response.content.decode()
    assert len(captured) == len(titled_queries)
    user_table = patient._meta.db_table
    owner_lookups = [
        q["sql"] for q in captured if q["sql"].startswith(f'SELECT "{user_table}"."id"')
    ]
    assert owner_lookups == []
