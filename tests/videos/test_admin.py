import pytest

from tests.videos.factories import make_video, mp4_upload, poster_upload, vtt_upload
from videos.models import Video

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/videos/video/add/"
LIST_URL = "/admin/videos/video/"


def _form(**fields) -> dict:
    data = {
        "title": "Knee rehab at home",
        "slug": "knee-rehab-at-home",
        "summary": "Exercises for the first weeks.",
        "status": "draft",
        "source_url": "https://youtu.be/dQw4w9WgXcQ",
        "poster": poster_upload(),
        "poster_alt": "A physiotherapist and a patient",
        "duration": "4:30",
        "transcript": "",
        "featured_order": "0",
        "chapters-TOTAL_FORMS": "1",
        "chapters-INITIAL_FORMS": "0",
        "chapters-MIN_NUM_FORMS": "0",
        "chapters-MAX_NUM_FORMS": "1000",
        "chapters-0-start": "1:15",
        "chapters-0-title": "Ankle pumps",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("name", "list_status", "add_status"),
    [("visitor", 302, 302), ("patient", 302, 302), ("moderator", 200, 403),
     ("editor", 200, 200)],
)  # fmt: skip
def test_admin_access_by_role(client, persona, name, list_status, add_status):
    persona(name)

    assert client.get(LIST_URL).status_code == list_status
    assert client.get(ADD_URL).status_code == add_status


def test_moderator_cannot_change_a_video(client, moderator):
    video = make_video(title="Original")
    client.force_login(moderator)

    response = client.post(f"/admin/videos/video/{video.pk}/change/", _form(title="Changed"))

    video.refresh_from_db()
    assert response.status_code == 403
    assert video.title == "Original"


def test_editor_adds_a_youtube_video_with_chapters(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, _form())

    video = Video.objects.get()
    assert response.status_code == 302
    assert (video.provider, video.provider_video_id) == ("youtube", "dQw4w9WgXcQ")
    assert video.poster.name.startswith("videos/posters/")
    assert [(c.start_clock, c.title) for c in video.chapters.all()] == [("1:15", "Ankle pumps")]


def test_editor_cannot_use_a_link_to_another_host(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, _form(source_url="https://example.com/watch?v=dQw4w9WgXcQ"))

    assert response.status_code == 200
    assert "Only YouTube and Vimeo links are accepted" in response.content.decode()
    assert not Video.objects.exists()


def test_editor_cannot_publish_without_a_transcript(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, _form(status="published"))

    assert response.status_code == 200
    assert "A transcript is required" in response.content.decode()
    assert not Video.objects.exists()


def test_editor_cannot_upload_a_fake_video(client, editor):
    client.force_login(editor)
    fake = mp4_upload("clip.mp4", b"<html>not a video</html>" * 10)

    response = client.post(ADD_URL, _form(source_url="", video_file=fake, poster=None,
                                          poster_alt=""))  # fmt: skip

    assert response.status_code == 200
    assert "This file is not a MP4 video" in response.content.decode()
    assert not Video.objects.exists()


def test_editor_uploads_a_video_with_captions(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, _form(source_url="", video_file=mp4_upload(),
                                          captions=vtt_upload()))  # fmt: skip

    video = Video.objects.get()
    assert response.status_code == 302
    assert video.is_uploaded
    assert video.captions.name.endswith(".vtt")


def test_editor_cannot_upload_captions_that_are_not_webvtt(client, editor):
    client.force_login(editor)
    srt = vtt_upload("captions.vtt", "1\n00:00:00,000 --> 00:00:02,000\nHi\n")

    response = client.post(ADD_URL, _form(source_url="", video_file=mp4_upload(), captions=srt))

    assert response.status_code == 200
    assert "must start with “WEBVTT”" in response.content.decode()
    assert not Video.objects.exists()


def test_publish_action_skips_videos_without_a_transcript(client, editor):
    ready = make_video(status=Video.Status.DRAFT)
    not_ready = make_video(status=Video.Status.DRAFT, transcript="")
    client.force_login(editor)

    client.post(LIST_URL, {"action": "publish_selected",
                           "_selected_action": [ready.pk, not_ready.pk]})  # fmt: skip

    ready.refresh_from_db()
    not_ready.refresh_from_db()
    assert ready.status == Video.Status.PUBLISHED
    assert not_ready.status == Video.Status.DRAFT


def test_editor_edits_a_video_and_its_history_is_kept(client, editor):
    video = make_video(title="Before")
    client.force_login(editor)
    change_url = f"/admin/videos/video/{video.pk}/change/"
    assert client.get(change_url).status_code == 200

    response = client.post(change_url, _form(title="After", slug=video.slug, poster=None,
                                             transcript="Said.", status="published"))  # fmt: skip

    video.refresh_from_db()
    assert response.status_code == 302
    assert (video.title, video.status) == ("After", Video.Status.PUBLISHED)
    assert video.history.count() == 2
    assert client.get(f"{change_url.removesuffix('change/')}history/").status_code == 200


def test_article_autocomplete_works_for_editors(client, editor):
    client.force_login(editor)

    response = client.get("/admin/autocomplete/", {"app_label": "videos", "model_name": "video",
                                                   "field_name": "related_articles", "term": "x"})  # fmt: skip

    assert response.status_code == 200
