"""A duplicate's reason was stored as an English sentence; the sentence is now worded for the
reader (`Nomination.decision_text`), so the stored copy goes (and comes back on reversal)."""

from django.db import migrations

DUPLICATE_SENTENCE = "It repeats an earlier nomination of the same surgeon."


def forget_the_sentence(apps, schema_editor):
    Nomination = apps.get_model("heroes", "Nomination")
    Nomination.objects.filter(status="duplicate", decision_reason=DUPLICATE_SENTENCE).update(
        decision_reason=""
    )


def write_the_sentence(apps, schema_editor):
    Nomination = apps.get_model("heroes", "Nomination")
    Nomination.objects.filter(status="duplicate", decision_reason="").update(
        decision_reason=DUPLICATE_SENTENCE
    )


class Migration(migrations.Migration):
    dependencies = [("heroes", "0005_translatable_labels")]

    operations = [migrations.RunPython(forget_the_sentence, write_the_sentence)]
