from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.plugins import app_modules


class Command(BaseCommand):
    help = (
        "Load the demo content: each app's demo.load(), in INSTALLED_APPS order. "
        "Idempotent: running it again neither fails nor duplicates. Refuses to run with "
        "DEBUG off (a production site) unless under the test runner."
    )

    def handle(self, *args, **options):
        if not (settings.DEBUG or settings.TESTING):
            raise CommandError("load_demo is for development: set DJANGO_DEBUG=1.")
        with transaction.atomic():
            for module in app_modules("demo"):
                module.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
