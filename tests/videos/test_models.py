import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.videos.factories import make_video, mp4_upload, poster_upload, vtt_upload
from videos.models import Chapter, Video

pytestmark = pytest.mark.django_db


def test_publishing_without_a_transcript_is_refused_by_publish():
    video = make_video(status=Video.Status.DRAFT, transcript="")

    with pytest.raises(ValidationError) as error:
        video.publish()

    video.refresh_from_db()
    assert "transcript" in error.value.message_dict
    assert video.status == Video.Status.DRAFT
    assert video.published_at is None


def test_publishing_without_a_transcript_is_refused_by_clean():
    video = make_video(status=Video.Status.DRAFT, transcript="   ")
    video.status = Video.Status.PUBLISHED

    with pytest.raises(ValidationError) as error:
        video.full_clean()

    assert "transcript" in error.value.message_dict


def test_publishing_without_a_transcript_is_refused_by_the_database():
    video = make_video(status=Video.Status.DRAFT, transcript="")

    with pytest.raises(IntegrityError), transaction.atomic():
        Video.objects.filter(pk=video.pk).update(status=Video.Status.PUBLISHED)


def test_publishing_with_a_transcript_sets_the_date():
    video = make_video(status=Video.Status.DRAFT)

    video.publish()

    video.refresh_from_db()
    assert video.status == Video.Status.PUBLISHED
    assert video.published_at is not None


def test_a_draft_may_have_no_transcript_yet():
    video = make_video(status=Video.Status.DRAFT, transcript="")

    video.full_clean()


def test_provider_and_id_come_from_the_link_on_save():
    video = make_video(source_url="https://player.vimeo.com/video/76979871?h=ab&utm_source=x")

    video.refresh_from_db()
    assert (video.provider, video.provider_video_id) == ("vimeo", "76979871")
    assert video.source_url == "https://vimeo.com/76979871"
    assert video.embed_url == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"


def test_a_link_to_another_host_is_a_field_error():
    video = make_video()
    video.source_url = "https://example.com/watch?v=dQw4w9WgXcQ"

    with pytest.raises(ValidationError) as error:
        video.full_clean()

    assert "source_url" in error.value.message_dict


def test_a_provider_video_needs_a_poster():
    video = Video(title="T", slug="t", summary="S", source_url="https://youtu.be/dQw4w9WgXcQ")

    with pytest.raises(ValidationError) as error:
        video.full_clean()

    assert "poster" in error.value.message_dict


def test_a_poster_needs_alt_text():
    video = make_video()
    video.poster_alt = " "

    with pytest.raises(ValidationError) as error:
        video.full_clean()

    assert "poster_alt" in error.value.message_dict


@pytest.mark.parametrize("has_link", [True, False])
def test_a_video_has_exactly_one_source(has_link):
    video = Video(title="T", slug="t", summary="S", poster=poster_upload(), poster_alt="A")
    if has_link:
        video.source_url, video.video_file = "https://youtu.be/dQw4w9WgXcQ", mp4_upload()

    with pytest.raises(ValidationError) as error:
        video.full_clean()

    assert "source_url" in error.value.message_dict


def test_the_database_refuses_a_video_with_no_source():
    video = make_video(video_file=mp4_upload())

    with pytest.raises(IntegrityError), transaction.atomic():
        Video.objects.filter(pk=video.pk).update(video_file="")


def test_captions_are_for_uploaded_videos_only():
    video = make_video()
    video.captions = vtt_upload()

    with pytest.raises(ValidationError) as error:
        video.full_clean()

    assert "captions" in error.value.message_dict


def test_an_uploaded_video_with_captions_is_valid():
    video = make_video(video_file=mp4_upload(), captions=vtt_upload())

    video.full_clean()
    assert video.is_uploaded
    assert video.video_mime_type == "video/mp4"


def test_markdown_is_rendered_and_sanitised_on_save():
    video = make_video(summary="**Bold** <script>alert(1)</script>", transcript="Said *this*.")

    assert "<strong>Bold</strong>" in video.summary_html
    assert "<script" not in video.summary_html
    assert "<em>this</em>" in video.transcript_html


def test_changes_are_kept_in_history():
    video = make_video()
    video.title = "Renamed"
    video.save()

    assert video.history.count() == 2


def test_a_chapter_cannot_start_after_the_video_ends():
    video = make_video(duration=datetime.timedelta(minutes=2))
    chapter = Chapter(video=video, start=datetime.timedelta(minutes=3), title="Late")

    with pytest.raises(ValidationError):
        chapter.full_clean()


def test_two_chapters_cannot_start_at_the_same_time():
    video = make_video(chapters=[(10, "One")])

    with pytest.raises(IntegrityError), transaction.atomic():
        Chapter.objects.create(video=video, start=datetime.timedelta(seconds=10), title="Two")


def test_durations_read_as_clock_times():
    video = make_video(duration=datetime.timedelta(hours=1, minutes=2, seconds=5),
                       chapters=[(65, "Second")])  # fmt: skip

    assert (video.duration_clock, video.duration_iso) == ("1:02:05", "PT1H2M5S")
    assert video.chapters.get().start_clock == "1:05"
