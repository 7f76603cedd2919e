"""SitePage now belongs to `core`, the search tables to `search`: drop them from portal's
state only; the tables stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_search_postgres"),
        ("core", "0001_initial"),
        ("search", "0001_initial"),
        ("heroes", "0003_policy_on_core_sitepage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name=name)
                for name in (
                    "HistoricalSitePage",
                    "SitePage",
                    "HistoricalSearchSynonym",
                    "SearchSynonym",
                    "SearchWord",
                    "SearchEntry",
                )
            ]
        )
    ]
