from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_module, module_has_submodule


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
            for config in apps.get_app_configs():
                ours = config.path.startswith(str(settings.BASE_DIR))
                if ours and module_has_submodule(config.module, "demo"):
                    module = import_module(f"{config.name}.demo")
                    module.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
