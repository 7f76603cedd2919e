"""`manage.py media_archive`: the uploads half of a backup, through the media storage."""

import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command


def test_uploads_round_trip_through_an_archive(settings, tmp_path):
    default_storage.save("blogs/covers/2026/11/a.jpg", ContentFile(b"cover"))
    default_storage.save("heroes/photos/b.jpg", ContentFile(b"photo"))
    archive = tmp_path / "media.tar.gz"

    call_command("media_archive", "create", str(archive))
    shutil.rmtree(settings.MEDIA_ROOT)
    call_command("media_archive", "extract", str(archive))

    assert default_storage.open("blogs/covers/2026/11/a.jpg").read() == b"cover"
    assert default_storage.open("heroes/photos/b.jpg").read() == b"photo"


def test_extract_refuses_to_overwrite_uploads(tmp_path):
    default_storage.save("cluster/a.txt", ContentFile(b"one"))
    archive = tmp_path / "media.tar.gz"
    call_command("media_archive", "create", str(archive))

    with pytest.raises(CommandError, match="exists already"):
        call_command("media_archive", "extract", str(archive))
