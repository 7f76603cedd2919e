"""Video factories: plain functions, like tests/factories.py."""

import datetime
import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from videos.models import Chapter, Video

_counter = itertools.count(1)


def mp4_box(kind: bytes, payload: bytes = b"") -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


MP4_FTYP = mp4_box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom")
MP4_BYTES = (
    MP4_FTYP + mp4_box(b"moov", mp4_box(b"mvhd", b"\x00" * 100)) + mp4_box(b"mdat", b"\x00" * 200)
)
WEBM_BYTES = (
    b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
    b"\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02" + b"\x00" * 200
)
VTT_TEXT = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nHello, and welcome.\n"


def image_bytes(fmt: str = "PNG", size=(64, 36)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 58, 74)).save(buffer, format=fmt)
    return buffer.getvalue()


def poster_upload(name: str = "poster.png", fmt: str = "PNG") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(fmt), content_type="image/png")


def mp4_upload(name: str = "clip.mp4", content: bytes = MP4_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="video/mp4")


def vtt_upload(name: str = "captions.vtt", text: str = VTT_TEXT) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/vtt")


def youtube_id(n: int) -> str:
    return f"test{n:07d}"


def make_video(*, chapters=(), related_articles=(), **fields) -> Video:
    """A published YouTube video with a poster and transcript, unless told otherwise."""
    n = next(_counter)
    fields.setdefault("title", f"Video {n}")
    fields.setdefault("slug", f"video-{n}")
    fields.setdefault("summary", f"What video {n} shows.")
    fields.setdefault("transcript", f"Everything said in video {n}.")
    fields.setdefault("status", Video.Status.PUBLISHED)
    if "video_file" not in fields:
        fields.setdefault("source_url", f"https://www.youtube.com/watch?v={youtube_id(n)}")
    if fields.get("source_url") or "poster" in fields:
        fields.setdefault("poster", poster_upload(f"poster-{n}.png"))
        fields.setdefault("poster_alt", f"Title card of video {n}")
    video = Video.objects.create(**fields)
    for seconds, title in chapters:
        Chapter.objects.create(video=video, start=datetime.timedelta(seconds=seconds), title=title)
    if related_articles:
        video.related_articles.set(related_articles)
    return video
