"""The counts per kind of a query are cached (PostgreSQL), until any content changes."""

import pytest
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def article_count(client, q: str) -> int:
    kinds = client.get(reverse("search"), {"q": q}).context["kinds"]
    return next(count for kind, _, count in kinds if kind == "article")


def test_counts_follow_new_and_unpublished_content(client, django_capture_on_commit_callbacks):
    # Cached counts move on when the writing transaction commits (core.cache).
    with django_capture_on_commit_callbacks(execute=True):
        first = make_article(title="Knee osteotomy")
    assert article_count(client, "osteotomy") == 1

    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Hip osteotomy")
    assert article_count(client, "osteotomy") == 2

    with django_capture_on_commit_callbacks(execute=True):
        first.status = first.Status.DRAFT
        first.save()
    assert article_count(client, "osteotomy") == 1
