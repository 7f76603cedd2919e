"""The hero policy proxy follows SitePage into the shared layer (no table: state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("heroes", "0002_hero_policy"), ("core", "0001_initial")]

    operations = [
        migrations.DeleteModel(name="HeroPolicy"),
        migrations.CreateModel(
            name="HeroPolicy",
            fields=[],
            options={
                "verbose_name": "hero policy",
                "verbose_name_plural": "hero policy",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("core.sitepage",),
        ),
    ]
