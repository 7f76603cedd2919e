"""PostgreSQL stems each entry in its own language, without accents: `unaccent`, a
configuration per language (the language's stemmer after `unaccent`), the trigger choosing
it from the entry's `language`, and every vector computed again. Nothing happens on SQLite,
which folds accents in Python (search.languages)."""

from django.db import migrations

CONFIGURATIONS = {"portal_english": "english", "portal_spanish": "spanish"}

FUNCTION = """
CREATE OR REPLACE FUNCTION portal_searchentry_vector() RETURNS trigger AS $$
DECLARE
  config regconfig := portal_search_config(NEW.language);
BEGIN
  NEW.search_vector :=
    -- A reply shows its thread's title, but is found only by what it says.
    CASE WHEN NEW.kind = 'post' THEN ''::tsvector
         ELSE setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') END ||
    setweight(to_tsvector(config, coalesce(NEW.other_names, '')), 'B') ||
    setweight(to_tsvector(config, left(coalesce(NEW.body, ''), 100000)), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql
"""

ENGLISH_ONLY_FUNCTION = FUNCTION.replace("portal_search_config(NEW.language)", "'english'")


def _trigger(columns: str) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS portal_searchentry_vector_update ON portal_searchentry",
        f"""
        CREATE TRIGGER portal_searchentry_vector_update
        BEFORE INSERT OR UPDATE OF {columns} ON portal_searchentry
        FOR EACH ROW EXECUTE FUNCTION portal_searchentry_vector()
        """,
    ]


def _configuration(name: str, stemmer: str) -> list[str]:
    return [
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
        f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {stemmer})",
        f"ALTER TEXT SEARCH CONFIGURATION {name} "
        f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}_stem",
    ]


FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *[s for name, stemmer in CONFIGURATIONS.items() for s in _configuration(name, stemmer)],
    """
    CREATE OR REPLACE FUNCTION portal_search_config(language text) RETURNS regconfig AS $$
      SELECT CASE language WHEN 'es' THEN 'portal_spanish'::regconfig
                           ELSE 'portal_english'::regconfig END
    $$ LANGUAGE sql IMMUTABLE
    """,
    FUNCTION,
    *_trigger("title, other_names, body, language"),
    "UPDATE portal_searchentry SET language = language",  # every vector, in its language
]

BACKWARD = [
    ENGLISH_ONLY_FUNCTION,
    *_trigger("title, other_names, body"),
    "UPDATE portal_searchentry SET title = title",
    "DROP FUNCTION IF EXISTS portal_search_config(text)",
    *[f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in CONFIGURATIONS],
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_language")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
