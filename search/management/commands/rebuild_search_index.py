import time

from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Rebuild the site search index (all kinds, or one with --kind) in bulk."

    def add_arguments(self, parser):
        kinds = [source.kind for source in indexing.sources()]
        parser.add_argument("--kind", choices=kinds, default="")

    def handle(self, *args, kind="", **options):
        started = time.monotonic()
        total = indexing.rebuild(kind, progress=self.stdout.write)
        seconds = time.monotonic() - started
        self.stdout.write(f"Indexed {total} items in {seconds:.1f} s.")
