"""Spanish safety phrases and crisis lines (safety/data/*_es.json), and the countries the
English lines answer in (so that readers see their own country's lines first). Editors
change them in the admin after; existing rows are left as they are."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as file:
        return json.load(file)


def load(apps, schema_editor):
    SafetyPhrase = apps.get_model("safety", "SafetyPhrase")
    CrisisLine = apps.get_model("safety", "CrisisLine")
    for row in _rows("crisis_lines.json"):
        CrisisLine.objects.filter(
            name=row["name"], country=row["country"], language=row["language"], countries=""
        ).update(countries=row["countries"])
    for row in _rows("phrases_es.json"):
        SafetyPhrase.objects.get_or_create(
            language=row["language"], level=row["level"], phrase=row["phrase"],
            defaults={"reason": row["reason"]},
        )  # fmt: skip
    for row in _rows("crisis_lines_es.json"):
        CrisisLine.objects.get_or_create(
            name=row["name"], country=row["country"], language=row["language"], defaults=row
        )


class Migration(migrations.Migration):
    dependencies = [("safety", "0003_crisis_line_countries_and_safety_review")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
