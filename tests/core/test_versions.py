"""Named content versions (core.versions): bumped after the commit, read in one round trip,
collected per request, and declared per app so that a write moves only what it shows."""

import pytest
from django.core.cache import cache
from django.db import transaction

from accounts.notifications import notify
from articles.models import WarningSign
from core import versions
from forums.posting import toggle_reaction
from tests.blogs.factories import make_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_article, make_user
from tests.forums.factories import make_post, make_thread
from tests.heroes.factories import make_hero
from tests.videos.factories import make_video

pytestmark = pytest.mark.django_db


def test_a_bump_moves_only_its_names_once_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    before = versions.current(["thread:1", "thread:2"])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        versions.bump("thread:1")
        assert versions.current(["thread:1"]) == {"thread:1": before["thread:1"]}
    after = versions.current(["thread:1", "thread:2"])

    assert len(callbacks) == 1
    assert after["thread:1"] != before["thread:1"]
    assert after["thread:2"] == before["thread:2"]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_bumps_nothing():
    thread = make_thread(title="Knee brace")
    names = [f"thread:{thread.pk}", f"forum:{thread.forum_id}", "latest-threads", versions.ANY]
    before = versions.current(names)

    with pytest.raises(RuntimeError), transaction.atomic():
        thread.title = "Renamed"
        thread.save()
        raise RuntimeError("the request failed")
    unchanged = versions.current(names)
    thread.save()  # the same write, committed
    moved = versions.current(names)

    assert unchanged == before
    assert all(moved[name] != before[name] for name in names)


def test_a_version_evicted_from_the_cache_starts_past_every_stored_entry():
    first = versions.current(["article:1"])["article:1"]
    cache.delete("version:article:1")

    assert versions.current(["article:1"])["article:1"] > first


def test_the_collector_gathers_what_was_read_and_nothing_outside_it():
    outside = versions.depends_on("article:9")
    with versions.collecting() as collected:
        versions.depends_on("article:1", "articles")
        versions.depends_on("articles")

    assert set(collected) == {"article:1", "articles"}
    assert "article:9" in outside
    assert versions.collected_names() == []


def test_a_cached_value_is_computed_again_when_one_of_its_versions_moves(
    django_capture_on_commit_callbacks,
):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    first = versions.cached("demo", ["a", "b"], compute)
    second = versions.cached("demo", ["a", "b"], compute)
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump("b")
    third = versions.cached("demo", ["a", "b"], compute)

    assert (first, second, third) == (1, 1, 2)


def test_raw_keys_carry_the_deployments_prefix(settings):
    versions.current(["article:1"])

    raw_keys = list(cache._cache)  # the local-memory backend's own keys
    assert settings.CACHE_KEY_PREFIX
    assert f"{settings.CACHE_KEY_PREFIX}:1:version:article:1" in raw_keys


def _moved(names, action, capture) -> set[str]:
    before = versions.current(names)
    with capture(execute=True):
        action()
    after = versions.current(names)
    return {name for name in names if after[name] != before[name]}


def test_a_reply_bumps_its_post_thread_forum_and_the_latest_threads(
    django_capture_on_commit_callbacks,
):
    thread, other = make_thread(), make_thread()
    author = make_user()
    names = [f"thread:{thread.pk}", f"forum:{thread.forum_id}", "latest-threads",
             f"member-posts:{author.pk}", f"thread:{other.pk}", f"forum:{other.forum_id}",
             f"member:{author.pk}"]  # fmt: skip

    moved = _moved(
        names, lambda: make_post(thread=thread, author=author), django_capture_on_commit_callbacks
    )

    assert moved == {f"thread:{thread.pk}", f"forum:{thread.forum_id}", "latest-threads",
                     f"member-posts:{author.pk}"}  # fmt: skip


def test_a_reaction_bumps_only_the_post_it_is_on(django_capture_on_commit_callbacks, patient):
    post = make_post()
    names = [f"post:{post.pk}", f"thread:{post.thread_id}", "latest-threads", versions.ANY]

    moved = _moved(
        names,
        lambda: toggle_reaction(post=post, user=patient, kind="helpful"),
        django_capture_on_commit_callbacks,
    )

    assert moved == {f"post:{post.pk}", versions.ANY}


def test_a_sign_in_a_password_or_a_notification_bumps_nothing_a_new_pseudonym_does(
    django_capture_on_commit_callbacks, patient
):
    names = [f"member:{patient.pk}", "members", versions.ANY]

    def private_writes():
        patient.save(update_fields=["last_login"])
        patient.set_password("another long secret")
        patient.save()
        notify(recipient=patient, kind="test", params={"legacy_text": "Hello"})

    def rename():
        patient.username = "renamed"
        patient.save()

    assert _moved(names, private_writes, django_capture_on_commit_callbacks) == set()
    assert _moved(names, rename, django_capture_on_commit_callbacks) == set(names)


def test_each_apps_writes_bump_what_shows_them(django_capture_on_commit_callbacks, patient):
    article = make_article()
    post = make_blog_post(author=patient)
    names = [f"article-sections:{article.pk}", "article-sections", "latest-blog-posts",
             f"blog-post:{post.pk}", f"blog:{post.blog_id}", "featured-video", "featured-hero",
             f"article:{article.pk}", "articles"]  # fmt: skip

    def moved(action) -> set[str]:
        return _moved(names, action, django_capture_on_commit_callbacks)

    assert moved(lambda: make_blog_post(author=patient, article=article)) == {
        f"article-sections:{article.pk}", "latest-blog-posts", f"blog:{post.blog_id}"}  # fmt: skip
    assert moved(lambda: make_comment(post=post)) == {f"blog-post:{post.pk}"}
    assert moved(lambda: make_video(related_articles=[article])) == {
        "featured-video", "article-sections"}  # fmt: skip
    assert moved(lambda: make_hero(procedures=[article])) == {"featured-hero", "article-sections"}
    assert moved(lambda: WarningSign.objects.create(article=article, position=9, text="Fever")) == {
        f"article:{article.pk}"}  # fmt: skip


def test_a_declaration_outside_a_collector_costs_no_cache_call(monkeypatch):
    calls = []
    monkeypatch.setattr(versions.cache, "get_many", lambda keys: calls.append(keys) or {})

    versions.declare("thread:1")
    with versions.collecting() as collected:
        versions.declare("thread:1")

    assert len(calls) == 1
    assert set(collected) == {"thread:1"}
