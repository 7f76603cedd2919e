"""The site-wide pages: home, 404, site pages, sitemap, robots.txt, health check."""

from unittest import mock

import pytest
from django.db import OperationalError

from articles.models import Article
from core.models import SitePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_home_shows_the_featured_article_and_body_parts(client):
    article = make_article(title="Knee osteotomy", is_featured=True)

    response = client.get("/")

    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert article.body_part.name in response.content.decode()


def test_home_without_content_shows_no_empty_boxes(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "Featured procedure" not in response.content.decode()


def test_missing_page_is_a_404_in_the_site_layout(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn't find that page" in html
    assert 'class="skip-link"' in html
    assert "Information, not medical advice." in html
    assert html.count("<h1") == 1


def test_server_error_page_is_in_the_site_layout(client):
    with mock.patch("portal.views.render", side_effect=RuntimeError("boom")):
        client.raise_request_exception = False
        response = client.get("/")

    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_site_page_renders_markdown(client):
    SitePage.objects.create(slug="privacy", title="Privacy", body="We keep **little**.")

    response = client.get("/pages/privacy/")

    assert response.status_code == 200
    assert "<strong>little</strong>" in response.content.decode()


def test_site_pages_keep_history():
    page = SitePage.objects.create(slug="terms", title="Terms", body="One.")
    page.body = "Two."
    page.save()

    assert page.history.count() == 2


def test_sitemap_lists_published_articles_only(client):
    published = make_article(slug="published-one")
    draft = make_article(slug="draft-one", status=Article.Status.DRAFT)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    assert f"/articles/{published.slug}/" in xml
    assert f"/articles/{draft.slug}/" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_private_areas(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_healthz_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "cache": True, "tasks_waiting": 0}


def test_healthz_503_when_the_database_is_down(client):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] is False
    assert response.json()["status"] == "error"


def test_healthz_degraded_when_the_cache_is_down(client):
    with mock.patch("portal.views.cache.set", side_effect=ConnectionError("no redis")):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["cache"] is False
    assert response.json()["status"] == "degraded"


def test_healthz_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]
