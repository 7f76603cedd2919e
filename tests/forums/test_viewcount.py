import pytest

from forums import viewcount
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db


def test_views_are_counted_in_the_cache_and_flushed_in_batches(
    client, settings, django_assert_num_queries
):
    settings.FORUMS_VIEW_FLUSH_EVERY = 5
    thread = make_thread()
    url = thread.get_absolute_url()

    for _ in range(4):
        client.get(url)
    thread.refresh_from_db()
    assert thread.view_count == 0
    assert viewcount.pending_views(thread.pk) == 4

    client.get(url)
    thread.refresh_from_db()
    assert thread.view_count == 5
    assert viewcount.pending_views(thread.pk) == 0


def test_anonymous_views_write_nothing_until_the_batch_is_full(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.FORUMS_VIEW_FLUSH_EVERY = 100
    thread = make_thread()

    with CaptureQueriesContext(connection) as captured:
        response = client.get(thread.get_absolute_url())

    writes = [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert response.status_code == 200
    assert writes == []
