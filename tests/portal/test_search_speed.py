"""What a search costs (issue 13): the ranked ids go to PostgreSQL as one array parameter,
the page reuses the count the search already has, the highlighter is compiled once per query,
and the synonyms are kept in process memory for the current content version."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search import query as site_search
from search.models import SearchSynonym
from tests.factories import make_article

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the ranking query of the PostgreSQL engine"
)


def knee_articles(count: int) -> None:
    for n in range(count):
        make_article(title=f"Knee procedure {n}", slug=f"knee-procedure-{n}")


def search_page(client, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("search"), {"q": "knee", **params})
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


@postgres_only
def test_ranked_ids_are_one_array_parameter(client):
    knee_articles(25)

    _response, queries = search_page(client)

    ranking = [sql for sql in queries if "ts_rank_cd" in sql]
    assert len(ranking) == 1
    assert "= ANY(ARRAY[" in ranking[0] and " IN (" not in ranking[0]


@pytest.mark.parametrize("page, hits", [(1, 20), (2, 5)])
def test_pages_come_from_the_known_count_without_counting_again(client, page, hits):
    knee_articles(25)

    response, queries = search_page(client, page=page)

    paginator = response.context["page_obj"].paginator
    assert (paginator.count, paginator.num_pages) == (25, 2)
    assert len(response.context["hits"]) == hits
    assert response.context["page_obj"].number == page
    assert not [sql for sql in queries if '"__count"' in sql]  # the paginator's COUNT(*)


def test_a_type_filter_counts_only_that_type(client):
    knee_articles(3)

    response, _queries = search_page(client, type="thread")

    assert response.context["page_obj"].paginator.count == 0
    assert response.context["total"] == 3  # the counts per type still cover every type


@postgres_only
def test_a_capped_search_pages_through_the_ranked_candidates_only(client, monkeypatch):
    monkeypatch.setattr(site_search, "MAX_RANKED_CANDIDATES", 10)
    knee_articles(25)

    response, _queries = search_page(client)

    assert response.context["capped"]
    assert response.context["page_obj"].paginator.count == 10
    assert response.context["total"] == 25


def test_the_highlighter_is_compiled_once_per_search(client, monkeypatch):
    compiled = []
    original = site_search._highlight_pattern

    def counting(query):
        compiled.append(query)
        return original(query)

    monkeypatch.setattr(site_search, "_highlight_pattern", counting)
    knee_articles(25)

    response, _queries = search_page(client)

    assert len(response.context["hits"]) == 20
    assert all("<mark>Knee</mark>" in title for _entry, title, *_rest in response.context["hits"])
    assert len(compiled) == 1


def test_synonyms_are_read_once_per_content_version(django_assert_num_queries,
                                                    django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        SearchSynonym.objects.create(term="TKR", synonyms="total knee replacement")
    first = site_search.synonym_groups()
    cache.delete("search:synonyms:languages")  # nor the shared cache

    with django_assert_num_queries(0):
        again = site_search.synonym_groups()

    assert again == first
    assert {"tkr", "total knee replacement"} in first


def test_a_content_change_brings_new_synonyms(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SearchSynonym.objects.create(term="TKR", synonyms="total knee replacement")
    before = site_search.synonym_groups()

    with django_capture_on_commit_callbacks(execute=True):
        SearchSynonym.objects.create(term="ACL", synonyms="anterior cruciate ligament")
    after = site_search.synonym_groups()

    assert {"acl", "anterior cruciate ligament"} in after
    assert {"acl", "anterior cruciate ligament"} not in before
    assert len(site_search._synonyms_by_version) == 1  # the old version is let go


def test_synonyms_still_find_each_other_through_the_page(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        SearchSynonym.objects.create(term="TKR", synonyms="total knee replacement")
    make_article(title="Total knee replacement", slug="total-knee-replacement")
    make_article(title="Shoulder arthroscopy", slug="shoulder-arthroscopy")

    response = client.get(reverse("search"), {"q": "TKR"})

    titles = [entry.title for entry, *_rest in response.context["hits"]]
    assert titles == ["Total knee replacement"]
