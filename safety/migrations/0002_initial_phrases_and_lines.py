"""The phrases and crisis lines from safety/data, so that a fresh database (a new site, the
test database) classifies text from the start. Editors change them in the admin after."""

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
    for row in _rows("phrases.json"):
        SafetyPhrase.objects.get_or_create(
            language=row["language"], level=row["level"], phrase=row["phrase"],
            defaults={"reason": row["reason"]},
        )  # fmt: skip
    fields = {field.name for field in CrisisLine._meta.get_fields()}
    for row in _rows("crisis_lines.json"):
        # Only the columns this migration's model has (later migrations add more).
        known = {name: value for name, value in row.items() if name in fields}
        CrisisLine.objects.get_or_create(name=row["name"], country=row["country"], defaults=known)


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
