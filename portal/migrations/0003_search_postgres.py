"""PostgreSQL-only search machinery: a weighted tsvector column kept current by a trigger,
its GIN index, and pg_trgm for "did you mean". Nothing happens on SQLite, so the same
migrations run on both databases."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE portal_searchentry ADD COLUMN search_vector tsvector",
    """
    CREATE OR REPLACE FUNCTION portal_searchentry_vector() RETURNS trigger AS $$
    BEGIN
      NEW.search_vector :=
        -- A reply shows its thread's title, but is found only by what it says.
        CASE WHEN NEW.kind = 'post' THEN ''::tsvector
             ELSE setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') END ||
        setweight(to_tsvector('english', coalesce(NEW.other_names, '')), 'B') ||
        setweight(to_tsvector('english', left(coalesce(NEW.body, ''), 100000)), 'C');
      RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER portal_searchentry_vector_update
    BEFORE INSERT OR UPDATE OF title, other_names, body ON portal_searchentry
    FOR EACH ROW EXECUTE FUNCTION portal_searchentry_vector()
    """,
    "CREATE INDEX portal_searchentry_vector_gin ON portal_searchentry USING gin (search_vector)",
    "CREATE INDEX portal_searchword_trgm ON portal_searchword USING gin (word gin_trgm_ops)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS portal_searchword_trgm",
    "DROP INDEX IF EXISTS portal_searchentry_vector_gin",
    "DROP TRIGGER IF EXISTS portal_searchentry_vector_update ON portal_searchentry",
    "DROP FUNCTION IF EXISTS portal_searchentry_vector()",
    "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_search")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
