"""The number of SQL queries a page makes does not grow with the items it shows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_body_part

pytestmark = pytest.mark.django_db


def get_counting_queries(client, url):
    """With an empty cache: what building every fragment of the page costs."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def article_with(items: int, slug: str):
    body_part = make_body_part()
    article = make_article(
        slug=slug,
        body_part=body_part,
        care_instructions=[f"Care step {slug} {n}." for n in range(items)],
        warning_signs=[f"Warning sign {slug} {n}" for n in range(items)],
    )
    for n in range(items):
        make_article(title=f"Related {slug} {n:02d}", body_part=body_part)
    return article


@pytest.mark.parametrize("persona", ["visitor", "patient"])
def test_article_page_queries_do_not_grow_with_its_items(client, persona, request):
    if persona != "visitor":
        client.force_login(request.getfixturevalue(persona))
    article_with(2, "small")
    article_with(20, "large")

    small_html, small = get_counting_queries(client, "/articles/small/")
    large_html, large = get_counting_queries(client, "/articles/large/")

    assert small == large
    assert all(f"Care step large {n}." in large_html for n in range(20))
    assert all(large_html.count(f"Warning sign large {n}<") == 2 for n in range(20))
    assert "Related large 05" in large_html  # related articles: the first six


@pytest.mark.parametrize("persona", ["visitor", "patient"])
def test_article_list_queries_do_not_grow_with_the_articles(client, persona, request):
    if persona != "visitor":
        client.force_login(request.getfixturevalue(persona))
    small_part, large_part = make_body_part(slug="small"), make_body_part(slug="large")
    for n in range(2):
        make_article(title=f"Small {n:02d}", body_part=small_part)
    for n in range(20):
        make_article(title=f"Large {n:02d}", body_part=large_part)

    _, small = get_counting_queries(client, "/articles/?body_part=small")
    large_html, large = get_counting_queries(client, "/articles/?body_part=large")

    assert small == large
    assert all(f"Large {n:02d}" in large_html for n in range(20))


def test_home_page_queries_do_not_grow_with_body_parts(client):
    make_article(is_featured=True, care_instructions=["a"], warning_signs=["b"])
    _, few = get_counting_queries(client, "/")
    for _ in range(10):
        make_body_part()

    _, many = get_counting_queries(client, "/")

    assert few == many
