"""Recovery badges stored as English sentences ("Day 5 after ACL reconstruction") become
data: the procedure and the day after surgery, put into words in the reader's language.

A sentence that does not read back keeps its text in `recovery_sentence` and is shown as
written. "Month 6" and "Year 12" become the first day that is still put in those words (day
180, day 4380), so each badge reads as before.
"""

import re

from django.db import migrations

SENTENCES = [
    (re.compile(r"Day (\d+) after (.+)"), 1),
    (re.compile(r"Month (\d+) after (.+)"), 30),
    (re.compile(r"Year (\d+) after (.+)"), 365),
    (re.compile(r"(\d+) days? before (.+)"), -1),
]


def parse_badge(sentence: str) -> tuple[int, str] | None:
    """(days after surgery, procedure) of a badge sentence; None when it does not read."""
    for pattern, days_per_unit in SENTENCES:
        match = pattern.fullmatch(sentence.strip())
        if match:
            return int(match[1]) * days_per_unit, match[2]
    return None


def convert(posts, articles) -> int:
    """Read back the sentences of `posts` (a Post or historical Post manager); the
    procedure's article is the one with that title, when exactly one has it."""
    converted = 0
    for post in posts.exclude(recovery_sentence="").iterator():
        parsed = parse_badge(post.recovery_sentence)
        if parsed is None:
            continue
        post.recovery_day, post.recovery_procedure = parsed
        matches = list(articles.filter(title=post.recovery_procedure).values_list("pk", flat=True)[:2])
        post.recovery_article_id = matches[0] if len(matches) == 1 else None
        post.recovery_sentence = ""
        post.save(update_fields=[
            "recovery_day", "recovery_procedure", "recovery_article", "recovery_sentence",
        ])
        converted += 1
    return converted


def sentences_to_data(apps, schema_editor):
    articles = apps.get_model("articles", "Article").objects
    for model in ("Post", "HistoricalPost"):
        convert(apps.get_model("forums", model).objects, articles)


def data_to_sentences(apps, schema_editor):
    """Back to English sentences (the words of the release before this one)."""
    from django.utils import translation

    from forums.badges import describe_day

    with translation.override("en"):
        _write_sentences(apps, describe_day)


def _write_sentences(apps, describe_day):
    for model in ("Post", "HistoricalPost"):
        posts = apps.get_model("forums", model).objects.exclude(recovery_day=None)
        for post in posts.iterator():
            post.recovery_sentence = describe_day(post.recovery_day, post.recovery_procedure)[:120]
            post.save(update_fields=["recovery_sentence"])


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0009_recovery_badge_as_data"),
    ]

    operations = [
        migrations.RunPython(sentences_to_data, data_to_sentences),
    ]
