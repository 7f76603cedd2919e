"""Notifications store a kind and parameters instead of an English sentence
(accounts.notifications.render). Rows written before keep their sentence as it was, in
params["legacy_text"], and render it as stored: their titles and names cannot be told apart
from the sentence reliably, and they age out with the retention period."""

from django.db import migrations, models
from django.db.models import F
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, JSONObject, Substr

LEGACY_TEXT = "legacy_text"


def sentence_to_params(apps, schema_editor):
    Notification = apps.get_model("accounts", "Notification")
    Notification.objects.update(params=JSONObject(**{LEGACY_TEXT: F("message")}))


def params_to_sentence(apps, schema_editor):
    Notification = apps.get_model("accounts", "Notification")
    stored = Coalesce(KT(f"params__{LEGACY_TEXT}"), F("kind"))
    Notification.objects.update(message=Substr(stored, 1, 300))


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
