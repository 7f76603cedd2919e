"""Back up or restore the uploads, wherever the media storage keeps them (disk or S3).

manage.py media_archive create media.tar.gz
manage.py media_archive extract media.tar.gz    # into the configured (fresh) storage
"""

import tarfile
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError


def stored_names(directory: str = ""):
    folders, files = default_storage.listdir(directory)
    for name in files:
        yield f"{directory}{name}"
    for folder in folders:
        yield from stored_names(f"{directory}{folder}/")


class Command(BaseCommand):
    help = "Archive every upload into a tarball, or put a tarball's files back."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "extract"])
        parser.add_argument("archive")

    def handle(self, *args, action, archive, **options):
        count = self._create(archive) if action == "create" else self._extract(archive)
        self.stdout.write(f"{count} files")

    def _create(self, archive: str) -> int:
        count = 0
        with tarfile.open(archive, "w:gz") as tar:
            for name in stored_names():
                with default_storage.open(name) as stored:
                    data = stored.read()
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, BytesIO(data))
                count += 1
        return count

    def _extract(self, archive: str) -> int:
        count = 0
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar.getmembers():
                if not member.isfile():
                    continue
                if default_storage.exists(member.name):
                    raise CommandError(f"{member.name} exists already: restore into empty storage.")
                saved = default_storage.save(
                    member.name, ContentFile(tar.extractfile(member).read())
                )
                if saved != member.name:
                    raise CommandError(f"{member.name} was stored as {saved}.")
                count += 1
        return count
