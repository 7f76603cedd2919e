import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_body_part
from tests.videos.factories import make_video, mp4_upload, vtt_upload
from videos.models import Video

pytestmark = pytest.mark.django_db

LIST_URL = "/videos/"
# Absolute addresses on our own host (the hreflang alternates) are not off site.
OFF_SITE = re.compile(
    r'(?:src|href|poster|srcset|action)="(?:https?:)?//(?!testserver/)', re.IGNORECASE
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("visitor", 404), ("patient", 404), ("other_patient", 404), ("editor", 200),
     ("moderator", 200)],
)  # fmt: skip
def test_draft_video_is_seen_only_by_editors_and_moderators(client, persona, name, expected):
    video = make_video(status=Video.Status.DRAFT, transcript="")
    persona(name)

    response = client.get(video.get_absolute_url())

    assert response.status_code == expected


@pytest.mark.parametrize(
    ("name", "sees_draft"),
    [("visitor", False), ("patient", False), ("editor", True), ("moderator", True)],
)
def test_list_shows_drafts_only_to_editors_and_moderators(client, persona, name, sees_draft):
    make_video(title="Published one")
    make_video(title="Draft one", status=Video.Status.DRAFT)
    persona(name)

    content = client.get(LIST_URL).content.decode()

    assert "Published one" in content
    assert ("Draft one" in content) is sees_draft


def test_published_video_page_is_open_to_visitors(client):
    video = make_video(title="Knee rehab", summary="How **rehab** goes.", chapters=[(90, "Week 1")])

    response = client.get(video.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>rehab</strong>" in content
    assert '<time datetime="PT1M30S">1:30</time> Week 1' in content
    assert "Everything said in" in content


def test_youtube_video_shows_the_click_to_load_facade(client):
    video = make_video(source_url="https://youtu.be/dQw4w9WgXcQ", title="Knee")

    content = client.get(video.get_absolute_url()).content.decode()

    assert (
        'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in content
    )
    assert f'<img class="video-facade-poster" src="{video.poster.url}" alt="">' in content
    assert video.poster.url.startswith("/media/")
    assert "Play: Knee" in content
    assert "This video is hosted by YouTube; playing it lets YouTube set cookies." in content
    assert "<iframe" not in content


def test_video_page_links_nothing_on_another_host(client):
    video = make_video(source_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")

    content = client.get(video.get_absolute_url()).content.decode()

    assert video.title in content
    assert not OFF_SITE.search(content)


def test_vimeo_video_loads_with_do_not_track(client):
    video = make_video(source_url="https://vimeo.com/76979871")

    content = client.get(video.get_absolute_url()).content.decode()

    assert (
        'data-embed-url="https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1"' in content
    )
    assert "This video is hosted by Vimeo; playing it lets Vimeo set cookies." in content


def test_uploaded_video_plays_natively_with_captions(client):
    video = make_video(video_file=mp4_upload(), captions=vtt_upload())

    content = client.get(video.get_absolute_url()).content.decode()

    assert '<video class="video-frame" controls preload="none"' in content
    assert f'<source src="{video.video_file.url}" type="video/mp4">' in content
    assert f'<track kind="captions" src="{video.captions.url}" srclang="en"' in content
    assert "video-facade" not in content


def test_list_puts_featured_videos_first(client):
    make_video(title="Newest plain")
    make_video(title="Featured second", is_featured=True, featured_order=2)
    make_video(title="Featured first", is_featured=True, featured_order=1)

    content = client.get(LIST_URL).content.decode()

    first, second = content.index("Featured first"), content.index("Featured second")
    assert first < second < content.index("Newest plain")


def test_list_filters_by_the_related_articles_body_part(client):
    knee, hip = make_body_part(name="Knee", slug="knee"), make_body_part(name="Hip", slug="hip")
    make_video(title="Knee video", related_articles=[make_article(body_part=knee)])
    make_video(title="Hip video", related_articles=[make_article(body_part=hip)])
    make_video(title="Unrelated video")

    content = client.get(LIST_URL, {"body_part": "knee"}).content.decode()

    assert "Knee video" in content
    assert "Hip video" not in content
    assert "Unrelated video" not in content


def test_a_video_about_two_knee_articles_is_listed_once(client):
    knee = make_body_part(slug="knee")
    articles = [make_article(body_part=knee), make_article(body_part=knee)]
    make_video(title="Twice related", related_articles=articles)

    content = client.get(LIST_URL, {"body_part": "knee"}).content.decode()

    assert content.count("Twice related</a>") == 1


def test_unknown_body_part_is_404(client):
    make_body_part(slug="knee")

    assert client.get(LIST_URL, {"body_part": "knee"}).status_code == 200
    assert client.get(LIST_URL, {"body_part": "elbow-of-nowhere"}).status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "999", "abc", "", "1.5"])
def test_odd_page_numbers_still_show_a_page(client, page):
    for _ in range(13):
        make_video()

    assert client.get(LIST_URL, {"page": page}).status_code == 200


def test_list_paginates(client):
    for n in range(14):
        make_video(title=f"Paged {n:02d}")

    first, second = client.get(LIST_URL), client.get(LIST_URL, {"page": 2})

    assert len(first.context["page_obj"]) == 12
    assert len(second.context["page_obj"]) == 2


def test_detail_shows_only_published_related_articles_to_visitors(client):
    shown = make_article(title="Shown article")
    draft = make_article(title="Draft article", status="draft")
    video = make_video(related_articles=[shown, draft])

    content = client.get(video.get_absolute_url()).content.decode()

    assert "Shown article" in content
    assert "Draft article" not in content


def test_editors_get_an_edit_link_and_patients_do_not(client, editor, patient):
    video = make_video()
    client.force_login(patient)
    assert "Edit in the back office" not in client.get(video.get_absolute_url()).content.decode()

    client.force_login(editor)
    assert "Edit in the back office" in client.get(video.get_absolute_url()).content.decode()


def _queries(client, url, **params) -> int:
    """With an empty cache: what building every fragment of the page costs."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context)


@pytest.mark.parametrize("name", ["visitor", "patient", "editor"])
def test_list_queries_do_not_grow_with_videos(client, persona, name):
    knee = make_body_part(slug="knee")
    article = make_article(body_part=knee)
    make_video(related_articles=[article], chapters=[(0, "a")])
    persona(name)
    few = _queries(client, LIST_URL), _queries(client, LIST_URL, body_part="knee")

    for n in range(9):
        make_video(related_articles=[article], chapters=[(0, "a"), (5, "b")], is_featured=n % 2)

    assert (_queries(client, LIST_URL), _queries(client, LIST_URL, body_part="knee")) == few


def test_list_query_budget(client, django_assert_max_num_queries):
    for _ in range(5):
        make_video()

    with django_assert_max_num_queries(4):
        client.get(LIST_URL)


def test_detail_queries_do_not_grow_with_chapters_and_articles(client):
    small = make_video(chapters=[(0, "a")], related_articles=[make_article()])
    large = make_video(
        chapters=[(n, f"c{n}") for n in range(8)],
        related_articles=[make_article() for _ in range(5)],
    )

    assert _queries(client, small.get_absolute_url()) == _queries(client, large.get_absolute_url())


def test_sitemap_lists_published_videos_only(client):
    published = make_video()
    draft = make_video(status=Video.Status.DRAFT)

    content = client.get("/sitemap.xml").content.decode()

    assert published.get_absolute_url() in content
    assert draft.get_absolute_url() not in content


@pytest.mark.parametrize("url", [LIST_URL, "/videos/{slug}/"])
def test_video_pages_only_read(client, patient, url):
    video = make_video()
    client.force_login(patient)

    assert client.post(url.format(slug=video.slug)).status_code == 405
