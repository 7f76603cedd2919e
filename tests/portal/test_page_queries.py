"""Queries per page with the page cache cold and the fragments warm, for visitors and
members, at two data sizes: the shared fragments (core.versions) answer without the
database, and what is left does not grow with the content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.blogs.factories import make_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_article, make_user
from tests.forums.factories import make_forum, make_post, make_thread
from tests.heroes.factories import make_hero
from tests.videos.factories import make_video

pytestmark = pytest.mark.django_db

# Visitors, from warm fragments: the home page reads nothing; an article, a video or a hero
# only its row; a blog post its row (its blog and the blog's owner joined), tags and comments
# (two levels: blocked authors and own actions make them per member). Members: the session,
# the user and the unread conversations besides (the bell's count and role flags are stored:
# no query); on a blog post also their blocks, whether they blocked the author, and the
# author's account again.
VISITOR_QUERIES = {"home": 0, "article": 1, "blog_post": 3, "video": 1, "hero": 1}
MEMBER_QUERIES = {"home": 3, "article": 4, "blog_post": 8, "video": 4, "hero": 4}


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _content(size: int) -> dict:
    article = make_article(title="Knee osteotomy", is_featured=True,
                           care_instructions=["Rest"], warning_signs=["Fever"])  # fmt: skip
    forum = make_forum(articles=[article])
    authors = [make_user() for _ in range(3)]
    for n in range(size):
        thread = make_thread(forum=forum, author=authors[n % 3], article=article)
        make_post(thread=thread, author=authors[(n + 1) % 3])
        make_blog_post(author=authors[n % 3], article=article, tags=["knee"])
        make_video(related_articles=[article], is_featured=True, featured_order=n)
        make_hero(procedures=[article], is_featured=n == 0)
    post = make_blog_post(author=authors[0], article=article, tags=["knee", "week 1"])
    for n in range(size):
        make_comment(post=post, author=authors[n % 3])
    video = make_video(
        related_articles=[article], chapters=[(n * 10, f"Part {n}") for n in range(size)]
    )
    hero = make_hero(procedures=[article], account=authors[0])
    return {
        "home": reverse("home"),
        "article": article.get_absolute_url(),
        "blog_post": post.get_absolute_url(),
        "video": video.get_absolute_url(),
        "hero": hero.get_absolute_url(),
    }


def _warm_counts(client, pages: dict) -> dict:
    for url in pages.values():
        client.get(url)  # builds the fragments
    return {name: _queries(client, url) for name, url in pages.items()}


@pytest.mark.parametrize("size", [1, 6])
def test_a_visitors_pages_from_warm_fragments(client, size):
    pages = _content(size)

    assert _warm_counts(client, pages) == VISITOR_QUERIES


@pytest.mark.parametrize("size", [1, 6])
def test_a_members_pages_from_warm_fragments(client, patient, size):
    pages = _content(size)
    client.force_login(patient)

    assert _warm_counts(client, pages) == MEMBER_QUERIES
