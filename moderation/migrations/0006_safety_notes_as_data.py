"""An automatic safety flag's note was "<level label>. Matched (es): <phrases>", its words in
the poster's language and English; it is now only what matched ("(es) <phrases>"), shown
under a heading in the moderator's language (the level is the flag's own field). Reversal
writes the English form back."""

import re

from django.db import migrations

OLD_NOTE = re.compile(r"^.*?\. Matched(?: \((?P<languages>[^)]*)\))?: (?P<found>.*)$", re.S)
NEW_NOTE = re.compile(r"^(?:\((?P<languages>[^)]*)\) )?(?P<found>.*)$", re.S)
ENGLISH_LABELS = {
    "crisis": "Crisis: risk to the member's life",
    "emergency": "Medical emergency",
    "sign": "Warning sign",
    "none": "None",
}


def _automatic_flags(apps):
    Report = apps.get_model("moderation", "Report")
    return Report.objects.filter(reason="safety", reporter__isnull=True).exclude(note="")


def to_data(apps, schema_editor):
    for report in _automatic_flags(apps):
        old = OLD_NOTE.match(report.note)
        if old:
            languages = f"({old['languages']}) " if old["languages"] else ""
            report.note = f"{languages}{old['found']}"[:500]
            report.save(update_fields=["note"])


def to_sentences(apps, schema_editor):
    for report in _automatic_flags(apps):
        if OLD_NOTE.match(report.note):
            continue
        new = NEW_NOTE.match(report.note)
        languages = f" ({new['languages']})" if new["languages"] else ""
        label = ENGLISH_LABELS.get(report.level, report.level)
        report.note = f"{label}. Matched{languages}: {new['found']}"[:500]
        report.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [("moderation", "0005_log_actions_and_details")]

    operations = [migrations.RunPython(to_data, to_sentences)]
