"""Notifications store a kind and parameters instead of an English sentence
(accounts.notifications.render). Rows written before keep their sentence as it was, in
params["legacy_text"], and render it as stored: their titles and names cannot be told apart
from the sentence reliably, and they age out with the retention period."""

from django.db import migrations, models

LEGACY_TEXT = "legacy_text"


def sentence_to_params(apps, schema_editor):
    Notification = apps.get_model("accounts", "Notification")
    rows = list(Notification.objects.only("pk", "message"))
    for row in rows:
        row.params = {LEGACY_TEXT: row.message}
    Notification.objects.bulk_update(rows, ["params"], batch_size=500)


def params_to_sentence(apps, schema_editor):
    Notification = apps.get_model("accounts", "Notification")
    rows = list(Notification.objects.only("pk", "params"))
    for row in rows:
        row.message = str(row.params.get(LEGACY_TEXT, row.kind))[:300]
    Notification.objects.bulk_update(rows, ["message"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_language_and_country")]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="params",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AlterField(
            model_name="notification",
            name="message",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.RunPython(sentence_to_params, params_to_sentence),
        migrations.RemoveField(model_name="notification", name="message"),
    ]
