"""The anonymous page cache: hits, invalidation by the versions of what a page shows (a\nreply, not a sign-in), and never for members."""

import threading

import pytest
from django.db import transaction
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from accounts.notifications import notify
from articles import views as article_views
from core import versions
from forums.models import ForumWatch, ThreadWatch
from forums.posting import reply, toggle_reaction
from portal import page_cache
from search.models import SearchEntry
from tests.concurrency import at_once, postgres_only
from tests.factories import PASSWORD, make_article
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
    assert f'header-username">{patient.username}</span>' in response.content.decode()


@pytest.mark.django_db
def test_pages_for_members_are_never_stored(client, patient, other_patient):
    client.force_login(patient)
    client.get(reverse("home"))
    client.logout()

    client.force_login(other_patient)
    response = client.get(reverse("home"))

    page = response.content.decode()
    assert f'header-username">{patient.username}</span>' not in page
    assert f'header-username">{other_patient.username}</span>' in page
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


def _status(client, url) -> str:
    return client.get(url)["X-Page-Cache"]


@pytest.mark.django_db
def test_a_reply_shows_on_its_thread_its_forum_and_the_home_page_at_once(
    client, patient, django_capture_on_commit_callbacks
):
    thread = make_thread(title="Knee brace")
    other = make_thread(title="Hip precautions")
    pages = [thread.get_absolute_url(), thread.forum.get_absolute_url(), reverse("home")]
    untouched = [other.get_absolute_url(), other.forum.get_absolute_url()]
    for url in pages + untouched:
        client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        reply(thread=thread, author=patient, body="The brace came off today.")
    after = {url: client.get(url) for url in pages}

    assert [after[url]["X-Page-Cache"] for url in pages] == ["miss"] * 3
    assert "The brace came off today." in after[thread.get_absolute_url()].content.decode()
    assert "The brace came off today." in after[reverse("home")].content.decode()
    assert [_status(client, url) for url in untouched] == ["hit", "hit"]


@pytest.mark.django_db
def test_sign_ins_watches_read_states_and_notifications_keep_pages_cached(
    client, patient, django_capture_on_commit_callbacks
):
    thread = make_thread(title="Knee brace")
    pages = [thread.get_absolute_url(), thread.forum.get_absolute_url(), reverse("home")]
    for url in pages:
        client.get(url)
    member = Client()

    with django_capture_on_commit_callbacks(execute=True):
        member.post(reverse("account_login"), {"login": "patient", "password": PASSWORD})
        member.get(thread.get_absolute_url())  # a read state
        member.post(reverse("forums:thread_watch", args=[thread.pk]))
        member.post(reverse("forums:forum_watch", args=[thread.forum.slug]))
        notify(recipient=patient, kind="test", message="Hello")
    statuses = [_status(client, url) for url in pages]
    with django_capture_on_commit_callbacks(execute=True):
        reply(thread=thread, author=patient, body="The brace came off today.")

    assert ThreadWatch.objects.filter(user=patient, thread=thread).exists()
    assert ForumWatch.objects.filter(user=patient, forum=thread.forum).exists()
    assert patient.notifications.exists()
    assert statuses == ["hit", "hit", "hit"]
    assert [_status(client, url) for url in pages] == ["miss", "miss", "miss"]  # control


@pytest.mark.django_db
def test_a_reaction_changes_only_the_page_its_post_is_on(
    client, patient, django_capture_on_commit_callbacks
):
    thread = make_thread(title="Knee brace")
    other = make_thread(title="Hip precautions")
    for url in (thread.get_absolute_url(), other.get_absolute_url(), reverse("home")):
        client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        toggle_reaction(post=thread.posts.get(), user=patient, kind="helpful")

    assert _status(client, thread.get_absolute_url()) == "miss"
    assert _status(client, other.get_absolute_url()) == "hit"
    assert _status(client, reverse("home")) == "hit"


@pytest.mark.django_db
def test_keys_carry_the_prefix_host_and_language(client, settings):
    article = make_article(title="Knee osteotomy")
    client.get(article.get_absolute_url())

    raw_keys = [key for key in page_cache.cache._cache if ":page:" in key]
    assert raw_keys
    assert all(
        key.startswith(f"{settings.CACHE_KEY_PREFIX}:1:page:testserver:en:") for key in raw_keys
    )
    with translation.override("fr"):
        assert ":en:" not in page_cache.page_key(RequestFactory().get(article.get_absolute_url()))


@pytest.mark.django_db
def test_a_page_built_while_a_write_commits_is_not_stored(client, monkeypatch):
    """It may hold the content from before the write under versions read after its bump."""
    article = make_article(title="Knee osteotomy")
    body_versions = article_views.article_body_versions

    def while_a_write_commits(shown):
        versions._bump_now((versions.ANY,))  # another connection's write commits now
        return body_versions(shown)

    monkeypatch.setattr(article_views, "article_body_versions", while_a_write_commits)
    during = client.get(article.get_absolute_url())
    monkeypatch.undo()
    after = [client.get(article.get_absolute_url()) for _ in range(2)]

    assert [page["X-Page-Cache"] for page in (during, *after)] == ["miss", "miss", "hit"]
