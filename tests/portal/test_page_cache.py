"""The anonymous page cache: hits, invalidation on writes, and never for members."""

import threading

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from forums.posting import reply
from portal import page_cache
from search.models import SearchEntry
from tests.concurrency import at_once, postgres_only
from tests.factories import make_article
from tests.forums.factories import make_thread


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.mark.django_db
def test_anonymous_page_is_served_from_the_cache_the_second_time(client):
    article = make_article(title="Knee osteotomy")

    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.django_db
def test_a_change_to_content_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    article = make_article(title="Knee osteotomy", summary="Old summary.")
    client.get(article.get_absolute_url())

    article.summary = "New summary."
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    response = client.get(article.get_absolute_url())

    assert response["X-Page-Cache"] == "miss"
    assert "New summary." in response.content.decode()


@pytest.mark.django_db
def test_a_member_never_receives_a_cached_page(client, patient):
    article = make_article(title="Knee osteotomy")
    client.get(article.get_absolute_url())  # cached for visitors

    client.force_login(patient)
    response = client.get(article.get_absolute_url())

    assert "X-Page-Cache" not in response
    assert f">{patient.username}</button>" in response.content.decode()


@pytest.mark.django_db
def test_pages_for_members_are_never_stored(client, patient, other_patient):
    client.force_login(patient)
    client.get(reverse("home"))
    client.logout()

    client.force_login(other_patient)
    response = client.get(reverse("home"))

    page = response.content.decode()
    assert f">{patient.username}</button>" not in page
    assert f">{other_patient.username}</button>" in page
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_cache_expires_no_later_than_the_next_scheduled_publication(client, monkeypatch):
    article = make_article(title="Knee osteotomy")
    entry = SearchEntry.objects.get()
    SearchEntry.objects.create(
        content_type=entry.content_type,
        object_id=999,
        kind=entry.kind,
        title="Scheduled",
        url="/scheduled/",
        visible_from=timezone.now() + timezone.timedelta(seconds=42),
    )
    stored = {}
    monkeypatch.setattr(
        page_cache.cache, "set", lambda key, value, timeout: stored.update(timeout=timeout)
    )

    client.get(article.get_absolute_url())

    assert 30 <= stored["timeout"] <= 42


@pytest.mark.django_db
def test_responses_that_set_cookies_or_fail_are_not_cached(client):
    article = make_article()
    missing = client.get("/articles/no-such-article/")
    login_page = client.get(reverse("account_login"))

    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in missing
    assert "X-Page-Cache" not in login_page


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_reader_on_another_connection_sees_a_reply_right_after_its_commit(client, patient):
    """The writer's transaction is open while a visitor reads the thread on another
    connection: the page cached then is the old one, and the commit invalidates it."""
    thread = make_thread(title="Knee brace")
    client.get(thread.get_absolute_url())  # cached for visitors
    written, read = threading.Event(), threading.Event()

    def write_reply():
        with transaction.atomic():
            reply(thread=thread, author=patient, body="The brace came off today.")
            written.set()
            read.wait(timeout=10)

    writer = threading.Thread(target=lambda: at_once(write_reply))
    writer.start()
    assert written.wait(timeout=10)
    during = client.get(thread.get_absolute_url())
    read.set()
    writer.join(timeout=10)
    after = client.get(thread.get_absolute_url())

    assert "The brace came off today." not in during.content.decode()
    assert "The brace came off today." in after.content.decode()
