"""The model now declares `search_vector`. PostgreSQL has had the column (and its trigger)
since portal 0003; SQLite gets a plain, always-empty column so both databases match the
model."""

import django.contrib.postgres.search
from django.db import migrations


def _add_column_outside_postgresql(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        return
    model = apps.get_model("search", "SearchEntry")
    field = django.contrib.postgres.search.SearchVectorField(null=True, editable=False)
    field.set_attributes_from_name("search_vector")
    field.model = model
    schema_editor.add_field(model, field)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="search_vector",
                    field=django.contrib.postgres.search.SearchVectorField(
                        editable=False, null=True
                    ),
                ),
            ],
            database_operations=[
                migrations.RunPython(_add_column_outside_postgresql, migrations.RunPython.noop)
            ],
        )
    ]
