import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from videos.models import Video

pytestmark = pytest.mark.django_db


def test_demo_loads_the_seed_videos_once(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    titles = list(Video.objects.featured().values_list("title", flat=True))
    assert titles == ["Total Knee Replacement", "Minimally Invasive Total Knee Replacement"]


def test_demo_videos_are_complete_and_marked_as_demo():
    call_command("load_demo", stdout=io.StringIO())

    for video in Video.objects.all():
        assert video.is_published and video.is_demo and video.provider == "youtube"
        assert video.provider_video_id.startswith("DEMO-")
        assert "Demo transcript" in video.transcript_html
        assert video.chapters.count() >= 3
        assert video.related_articles.exists()
        with default_storage.open(video.poster.name) as poster, Image.open(poster) as image:
            assert image.size == (1280, 720)


def test_demo_minimally_invasive_video_links_its_article():
    call_command("load_demo", stdout=io.StringIO())

    video = Video.objects.get(slug="minimally-invasive-total-knee-replacement")
    slugs = set(video.related_articles.values_list("slug", flat=True))
    assert "minimally-invasive-total-knee-replacement" in slugs
    assert video.summary.startswith("Learn about the total knee replacement surgery and rehab")
