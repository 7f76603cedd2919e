"""Every string of the interface is in every catalogue, translated, and not fuzzy.

`makemessages` is run against a copy of the catalogues (the project's folders reached through
symbolic links, so the real files are never rewritten): a new `{% translate %}` or `gettext`
string missing from `locale/<lang>/LC_MESSAGES/*.po` fails here until `make messages` adds it
and someone translates it.
"""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
SKIPPED = {"locale", "node_modules", "staticfiles", "bench-results", "media", "docs"}
# Entries whose translation is rightly the same text: names, units, codes.
SAME_IN_EVERY_LANGUAGE = {
    "English", "Español", "RSS", "Markdown", "OK", "ID", "URL", "Email",
    "Argentina", "Colombia", "Editor",  # the same words in Spanish
}  # fmt: skip


@pytest.fixture(scope="module")
def refreshed_catalogues(tmp_path_factory):
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed for the translations (apt install gettext)")
    copy = tmp_path_factory.mktemp("project")
    for entry in ROOT.iterdir():
        if not entry.name.startswith(".") and entry.name not in SKIPPED:
            (copy / entry.name).symlink_to(entry)
    shutil.copytree(ROOT / "locale", copy / "locale")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        patch.setattr(settings, "LOCALE_PATHS", [copy / "locale"])
        for domain in ("django", "djangojs"):
            call_command(
                "makemessages", locale=OTHER_LANGUAGES, domain=domain, symlinks=True,
                no_obsolete=True, verbosity=0, ignore_patterns=["static/vendor/*"],
            )  # fmt: skip
    return copy / "locale"


def catalogues(locale: Path):
    for language in OTHER_LANGUAGES:
        for po in sorted((locale / language / "LC_MESSAGES").glob("*.po")):
            yield f"{language}/{po.name}", polib.pofile(str(po))


def test_every_string_is_in_the_catalogues_and_translated(refreshed_catalogues):
    found = list(catalogues(refreshed_catalogues))
    assert found, "no catalogue at all"
    for name, catalogue in found:
        missing = [entry.msgid for entry in catalogue.untranslated_entries()]
        assert not missing, f"{name}: {len(missing)} untranslated, first: {missing[:10]}"
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert not fuzzy, f"{name}: fuzzy entries {fuzzy[:10]}"


def test_no_translation_is_the_english_left_in_place(refreshed_catalogues):
    for name, catalogue in catalogues(refreshed_catalogues):
        assert catalogue.translated_entries(), name
        same = [
            entry.msgid
            for entry in catalogue.translated_entries()
            if entry.msgstr == entry.msgid and entry.msgid not in SAME_IN_EVERY_LANGUAGE
        ]
        assert not same, f"{name}: left in English: {same[:10]}"


def test_the_committed_catalogues_are_up_to_date(refreshed_catalogues):
    """`make messages` was run: the committed file has exactly the strings of the code."""
    for name, refreshed in catalogues(refreshed_catalogues):
        committed = polib.pofile(str(ROOT / "locale" / name.replace("/", "/LC_MESSAGES/")))
        committed_ids = {e.msgid for e in committed if not e.obsolete}
        current_ids = {e.msgid for e in refreshed}
        assert current_ids <= committed_ids, f"{name}: run `make messages`"
        stale = committed_ids - current_ids
        assert not stale, f"{name}: strings no longer used: {sorted(stale)[:10]}"
