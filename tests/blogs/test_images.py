"""Cover images (core.images, the one upload pipeline): real images only, bounded, bomb-safe,
re-encoded without metadata."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from blogs.models import BlogPost
from core import images
from tests.blogs.factories import image_bytes, image_upload, post_data

pytestmark = pytest.mark.django_db


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size: decoding it would need gigabytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _upload(client, upload, **overrides):
    data = post_data(cover_alt="My knee brace on the sofa", **overrides)
    return client.post(reverse("blogs:post_create"), {**data, "cover": upload})


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_valid_cover_is_reencoded_as_jpeg_under_media_root(client, patient):
    client.force_login(patient)

    response = _upload(client, image_upload("brace.png"))

    assert response.status_code == 302
    post = BlogPost.objects.get()
    assert post.cover.name.startswith("blogs/covers/") and post.cover.name.endswith(".jpg")
    with Image.open(post.cover.path) as saved:
        assert saved.format == "JPEG" and saved.size == (40, 30)
    assert client.get(post.get_absolute_url()).content.decode().count(post.cover.url) == 1


def test_metadata_is_stripped(client, patient):
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera make
    jpeg = image_bytes("JPEG", exif=exif.tobytes())
    client.force_login(patient)

    _upload(client, SimpleUploadedFile("photo.jpg", jpeg, content_type="image/jpeg"))

    with Image.open(BlogPost.objects.get().cover.path) as saved:
        assert saved.format == "JPEG"
        assert not saved.getexif()
    assert b"SecretCam" not in Path(BlogPost.objects.get().cover.path).read_bytes()


def test_text_file_named_jpg_is_refused(client, patient):
    client.force_login(patient)
    fake = SimpleUploadedFile("photo.jpg", b"just some text, not a picture", "image/jpeg")

    response = _upload(client, fake)

    assert response.status_code == 200
    assert images.NOT_AN_IMAGE in response.context["form"].errors["cover"]
    assert not BlogPost.objects.exists() and not _media_files()


def test_file_over_the_byte_limit_is_refused(client, patient, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    client.force_login(patient)
    big = image_upload(content=image_bytes("PNG", size=(400, 400)) + b"\0" * 2000)

    response = _upload(client, big)

    assert "the limit is 1000" in response.context["form"].errors["cover"][0]
    assert not BlogPost.objects.exists() and not _media_files()


def test_real_five_megabyte_limit(client, patient):
    client.force_login(patient)
    big = image_upload(content=image_bytes() + b"\0" * (5 * 1024 * 1024))

    response = _upload(client, big)

    assert "the limit is 5.0" in response.context["form"].errors["cover"][0]


def test_image_over_the_dimension_limit_is_refused(client, patient):
    client.force_login(patient)

    response = _upload(client, image_upload(content=_png_header(4001, 10)))

    assert "4001×10 pixels" in response.context["form"].errors["cover"][0]
    assert not BlogPost.objects.exists() and not _media_files()


@pytest.mark.parametrize("side", [10_000, 60_000])
def test_decompression_bomb_is_refused_without_decoding(client, patient, side):
    client.force_login(patient)
    bomb = _png_header(side, side)
    assert len(bomb) < 200

    response = _upload(client, image_upload("bomb.png", content=bomb))

    assert response.status_code == 200
    assert response.context["form"].errors["cover"]
    assert not BlogPost.objects.exists() and not _media_files()


def test_bomb_between_pillow_limits_is_refused_by_the_warning(monkeypatch):
    """Pillow only warns between MAX_IMAGE_PIXELS and twice that: we refuse there too."""
    monkeypatch.setattr(images, "MAX_SIDE", 100_000)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100 * 100)
    upload = SimpleUploadedFile("bomb.png", _png_header(120, 120))

    with pytest.raises(Exception) as error:
        images.reencode_image(upload)

    assert "far too many pixels" in str(error.value)


def test_cover_without_alt_text_is_refused(client, patient):
    client.force_login(patient)
    data = post_data(cover_alt="")

    response = client.post(reverse("blogs:post_create"), {**data, "cover": image_upload()})

    assert "cover_alt" in response.context["form"].errors
    assert not BlogPost.objects.exists() and not _media_files()


def test_valid_image_but_invalid_form_saves_nothing(client, patient):
    client.force_login(patient)

    response = _upload(client, image_upload(), title="")

    assert response.status_code == 200
    assert not BlogPost.objects.exists() and not _media_files()


def test_transparent_png_is_flattened_on_white():
    buffer = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 0, 0)).save(buffer, format="PNG")

    result = images.reencode_image(SimpleUploadedFile("t.png", buffer.getvalue()))

    with Image.open(result) as saved:
        assert saved.mode == "RGB" and saved.getpixel((0, 0)) == (255, 255, 255)
