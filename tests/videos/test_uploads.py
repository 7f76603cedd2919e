import pytest
from django.core.exceptions import ValidationError

from tests.videos.factories import (
    MP4_BYTES,
    MP4_FTYP,
    VTT_TEXT,
    WEBM_BYTES,
    image_bytes,
    mp4_box,
    mp4_upload,
    poster_upload,
    vtt_upload,
)
from videos import uploads


@pytest.mark.parametrize(("name", "content"), [("a.mp4", MP4_BYTES), ("b.WEBM", WEBM_BYTES)])
def test_real_video_files_are_accepted(name, content):
    uploads.validate_video_file(mp4_upload(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("notes.mp4", b"just some text pretending to be a video" * 4, "content"),
        ("clip.mp4", WEBM_BYTES, "content"),
        ("clip.webm", MP4_BYTES, "content"),
        ("film.webm", b"\x1a\x45\xdf\xa3\x93\x42\x82\x88matroska" + b"\x00" * 40, "content"),
        ("page.webm", b"\x1a\x45\xdf\xa3 webm in the text only" + b"\x00" * 40, "content"),
        ("clip.avi", MP4_BYTES, "extension"),
        ("clip.mp4.exe", MP4_BYTES, "extension"),
        ("clip", MP4_BYTES, "extension"),
    ],
)
def test_other_files_are_refused_as_video(name, content, code):
    with pytest.raises(ValidationError) as error:
        uploads.validate_video_file(mp4_upload(name, content))

    assert error.value.code == code


HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
MOOV = mp4_box(b"moov", mp4_box(b"mvhd", b"\x00" * 100))


@pytest.mark.parametrize(
    "content",
    [
        MP4_FTYP + HTML,
        MP4_FTYP + MOOV + HTML,
        MP4_BYTES + HTML,
        MP4_FTYP + mp4_box(b"mdat", b"\x00" * 50),  # no movie header
        MP4_FTYP + MOOV + mp4_box(b"html", HTML),  # not an ISO top-level box
        MP4_FTYP + MOOV + b"\x00\x00\x10\x00mdat" + b"\x00" * 20,  # box runs past the end
        MOOV + MP4_FTYP,  # ftyp must come first
    ],
)
def test_a_video_header_followed_by_something_else_is_refused(content):
    with pytest.raises(ValidationError) as error:
        uploads.validate_video_file(mp4_upload("clip.mp4", content))

    assert error.value.code == "content"


@pytest.mark.parametrize(
    "tail",
    [
        b"\x00\x00\x00\x00mdat" + b"\x00" * 30,  # size 0: to the end of the file
        b"\x00\x00\x00\x01mdat" + (46).to_bytes(8, "big") + b"\x00" * 30,  # 64-bit size
        mp4_box(b"free") + mp4_box(b"mdat", b"\x00" * 30),
    ],
)
def test_mp4_box_size_forms_are_accepted(tail):
    uploads.validate_video_file(mp4_upload("clip.mp4", MP4_FTYP + MOOV + tail))


def test_video_files_are_size_bounded(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_VIDEO_BYTES", 100)

    with pytest.raises(ValidationError) as error:
        uploads.validate_video_file(mp4_upload())

    assert error.value.code == "too_big"


@pytest.mark.parametrize(("name", "fmt"), [("p.png", "PNG"), ("p.jpg", "JPEG"), ("p.webp", "WEBP")])
def test_poster_images_are_accepted(name, fmt):
    uploads.validate_poster(poster_upload(name, fmt))


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (poster_upload("p.png", "JPEG"), "content"),
        (mp4_upload("p.png"), "content"),
        (poster_upload("p.gif", "GIF"), "extension"),
        (poster_upload("p.svg"), "extension"),
    ],
)
def test_other_files_are_refused_as_posters(upload, code):
    with pytest.raises(ValidationError) as error:
        uploads.validate_poster(upload)

    assert error.value.code == code


def test_posters_are_size_bounded(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_POSTER_BYTES", 10)

    with pytest.raises(ValidationError) as error:
        uploads.validate_poster(poster_upload())

    assert error.value.code == "too_big"


def test_huge_posters_are_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_POSTER_PIXELS", 100)

    with pytest.raises(ValidationError) as error:
        uploads.validate_poster(poster_upload())

    assert error.value.code == "pixels"


@pytest.mark.parametrize(
    "text", [VTT_TEXT, "\ufeff" + VTT_TEXT, "WEBVTT - Knee video\n\n", "WEBVTT\r\n\r\n"]
)
def test_webvtt_captions_are_accepted(text):
    uploads.validate_captions(vtt_upload(text=text))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("c.vtt", b"1\n00:00:00,000 --> 00:00:04,000\nHello\n", "content"),
        ("c.vtt", b"WEBVTTX\n", "content"),
        ("c.vtt", b"WEBVTT\n\xff\xfe not utf-8", "encoding"),
        ("c.srt", VTT_TEXT.encode(), "extension"),
    ],
)
def test_other_files_are_refused_as_captions(name, content, code):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as error:
        uploads.validate_captions(SimpleUploadedFile(name, content))

    assert error.value.code == code


def test_image_bytes_helper_makes_real_images():
    assert image_bytes("PNG").startswith(b"\x89PNG")
