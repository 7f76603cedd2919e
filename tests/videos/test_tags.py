import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article
from tests.videos.factories import make_video
from videos.models import Video

pytestmark = pytest.mark.django_db


def _get(client, url):
    """With an empty cache: what building every fragment of the page costs."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(context)


def test_home_page_shows_featured_videos_as_in_the_seed(client):
    make_video(title="Total Knee Replacement", is_featured=True, featured_order=1)
    make_video(
        title="Minimally Invasive Total Knee Replacement",
        summary="Learn about the total knee replacement surgery and rehab process from a "
        "patient and her physiotherapist.",
        is_featured=True,
        featured_order=2,
    )

    content, _ = _get(client, "/")

    assert "Featured Videos" in content
    first = content.index("Total Knee Replacement</a>")
    assert first < content.index("Minimally Invasive Total Knee Replacement</a>")
    assert "Learn about the total knee replacement surgery and rehab process from …" in content
    assert 'href="/videos/">more Featured Videos</a>' in content


def test_home_page_leaves_out_drafts_and_unfeatured_videos(client):
    make_video(title="Plain video")
    make_video(title="Draft featured", is_featured=True, status=Video.Status.DRAFT)
    content, _ = _get(client, "/")
    make_video(title="Shown featured", is_featured=True)

    after, _ = _get(client, "/")

    assert "Featured Videos" not in content
    assert "Shown featured" in after
    assert "Plain video" not in after
    assert "Draft featured" not in after


def test_home_page_queries_do_not_grow_with_featured_videos(client):
    make_video(is_featured=True)
    _, few = _get(client, "/")

    for _ in range(4):
        make_video(is_featured=True)

    assert _get(client, "/")[1] == few


def test_article_page_shows_its_published_videos(client):
    article = make_article()
    make_video(title="About this", related_articles=[article])
    make_video(title="Draft about this", related_articles=[article], status=Video.Status.DRAFT)
    make_video(title="About something else", related_articles=[make_article()])

    content, _ = _get(client, article.get_absolute_url())

    assert "About this</a>" in content
    assert "Draft about this" not in content
    assert "About something else" not in content


def test_article_page_without_videos_shows_no_video_section(client):
    article = make_article(title="Hip resurfacing")

    content, _ = _get(client, article.get_absolute_url())

    assert "Hip resurfacing" in content
    assert "related-videos-heading" not in content


def test_article_page_queries_do_not_grow_with_videos(client):
    article = make_article()
    make_video(related_articles=[article])
    _, few = _get(client, article.get_absolute_url())

    for _ in range(3):
        make_video(related_articles=[article])

    assert _get(client, article.get_absolute_url())[1] == few


def test_main_navigation_links_to_videos(client):
    content, _ = _get(client, "/")

    assert 'href="/videos/">Videos</a>' in content
