"""The moderation log's automatic notes become facts worded for each reader
(moderation.log_text): where an action came from, a report's reason, a safety flag's
outcome, a move's forums, an approved or duplicate nomination. Notes the code wrote before
are read back into those facts (in English or in any of the site's languages, as the
labels were worded for the moderator at the time); what a moderator wrote stays the note.
Backwards, the facts are written into the note again, in English. The action codes keep
their stored values; they gain translated labels (choices)."""

import re

from django.conf import settings
from django.db import migrations, models
from django.utils import translation

SOURCES = {
    "Hidden from the admin.": "admin",
    "From the admin.": "admin",
    "From a report.": "report",
    "Locked from a report.": "report",
    "From the forum's page.": "forum_page",
    "Hidden from the nomination queue.": "nomination_queue",
}
SOURCE_NOTES = {
    "admin": "From the admin.",
    "report": "From a report.",
    "forum_page": "From the forum's page.",
    "nomination_queue": "From the nomination queue.",
}
# Report.Reason and Report.Acknowledgement as they were when this was written.
REASONS = {
    "spam": "Spam",
    "abuse": "Abuse or harassment",
    "misinformation": "Medical misinformation",
    "personal_info": "Personal information",
    "safety": "Safety flag: mentions warning signs",
    "other": "Other",
}
OUTCOMES = {"contacted": "Contacted the member", "no_risk": "No risk"}
REPORTED = re.compile(r"Reported: (?P<label>.+)", re.S)
MOVED = re.compile(r"Moved from (?P<from>.+?) to (?P<to>.+?)\.(?: (?P<note>.*))?", re.S)
HERO = re.compile(r"Hero: (?P<hero>.+?)(?P<published> \(published\))?", re.S)
DUPLICATE = re.compile(r"Duplicate of #(?P<number>\d+) \((?P<name>.*)\)", re.S)
BATCH = 500


def _codes(labels: dict) -> dict:
    """Each label as it may have been worded (English, or a moderator's language) -> code."""
    found = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            found.update({translation.gettext(label): code for code, label in labels.items()})
    found.update({label: code for code, label in labels.items()})
    return found


def _facts(action: str, note: str, reasons: dict, outcomes: dict):
    """(params, the moderator's own note) read from an old note; None when the code did not
    write it."""
    if note in SOURCES:
        return {"source": SOURCES[note]}, ""
    if action == "hide" and (match := REPORTED.fullmatch(note)) and match["label"] in reasons:
        return {"reason": reasons[match["label"]]}, ""
    if action.startswith("acknowledge "):
        for label, code in outcomes.items():
            if note == f"{label}." or note.startswith(f"{label}. "):
                return {"outcome": code}, note[len(label) + 1 :].strip()
    if action == "move" and (match := MOVED.fullmatch(note)):
        return {"from": match["from"], "to": match["to"]}, match["note"] or ""
    if action == "approve nomination" and (match := HERO.fullmatch(note)):
        return {"hero": match["hero"], "published": bool(match["published"])}, ""
    if action == "mark nomination duplicate" and (match := DUPLICATE.fullmatch(note)):
        return {"duplicate_of": int(match["number"]), "duplicate": match["name"]}, ""
    return None


def notes_to_facts(apps, schema_editor):
    Entry = apps.get_model("moderation", "ModerationLogEntry")
    reasons, outcomes = _codes(REASONS), _codes(OUTCOMES)
    changed = []
    for entry in Entry.objects.exclude(note="").only("pk", "action", "note").iterator():
        facts = _facts(entry.action, entry.note, reasons, outcomes)
        if facts is not None:
            entry.params, entry.note = facts
            changed.append(entry)
    Entry.objects.bulk_update(changed, ["params", "note"], batch_size=BATCH)


def _english(params: dict) -> list[str]:
    said = []
    if params.get("source") in SOURCE_NOTES:
        said.append(SOURCE_NOTES[params["source"]])
    if "reason" in params:
        said.append(f"Reported: {REASONS.get(params['reason'], params['reason'])}")
    if "outcome" in params:
        said.append(f"{OUTCOMES.get(params['outcome'], params['outcome'])}.")
    if "from" in params and "to" in params:
        said.append(f"Moved from {params['from']} to {params['to']}.")
    if "hero" in params:
        said.append(f"Hero: {params['hero']}{' (published)' if params.get('published') else ''}")
    if "duplicate_of" in params:
        said.append(f"Duplicate of #{params['duplicate_of']} ({params.get('duplicate', '')})")
    return said


def facts_to_notes(apps, schema_editor):
    Entry = apps.get_model("moderation", "ModerationLogEntry")
    changed = []
    for entry in Entry.objects.exclude(params={}).only("pk", "note", "params").iterator():
        entry.note = " ".join([*_english(entry.params), *([entry.note] if entry.note else [])])
        entry.params = {}
        changed.append(entry)
    Entry.objects.bulk_update(changed, ["params", "note"], batch_size=BATCH)


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0004_verbose_names_translatable'),
    ]

    operations = [
        migrations.AddField(
            model_name='moderationlogentry',
            name='params',
            field=models.JSONField(blank=True, default=dict, editable=False, verbose_name='details'),
        ),
        migrations.AlterField(
            model_name='moderationlogentry',
            name='action',
            field=models.CharField(choices=[('hide', 'hide'), ('restore', 'restore'), ('approve', 'approve (held for review)'), ('reject', 'reject (held for review)'), ('delete', 'delete (by the author)'), ('lock', 'lock'), ('unlock', 'unlock'), ('pin', 'pin'), ('unpin', 'unpin'), ('move', 'move'), ('make members-only', 'make members-only'), ('make public', 'make public'), ('dismiss reports', 'dismiss reports'), ('acknowledge crisis flag', 'acknowledge crisis flag'), ('acknowledge emergency flag', 'acknowledge emergency flag'), ('acknowledge sign flag', 'acknowledge warning sign flag'), ('suspend', 'suspend'), ('lift suspension', 'lift suspension'), ('approve nomination', 'approve nomination'), ('reject nomination', 'reject nomination'), ('mark nomination duplicate', 'mark nomination duplicate'), ('verify surgeon', 'verify surgeon'), ('reject verification', 'reject verification'), ('mark clinician answer', 'mark clinician answer'), ('unmark clinician answer', 'unmark clinician answer')], db_index=True, max_length=40, verbose_name='action'),
        ),
        migrations.AlterField(
            model_name='moderationlogentry',
            name='note',
            field=models.TextField(blank=True, help_text='As the moderator wrote it.', verbose_name='note'),
        ),
        migrations.RunPython(notes_to_facts, facts_to_notes),
    ]
