"""Spanish entries are stemmed twice: as before (`unaccent`, then the Spanish stemmer, so
"osteotomia" finds "osteotomía"), and with the Spanish stemmer reading the words as written
(PostgreSQL's `spanish`). The stemmer knows the ending "-ación" only with its accent:
after `unaccent`, "recuperación" stayed "recuperacion" while "recuperarse", "recuperar" and
"me recuperé" stem to "recuper". The vector holds both stems; a query asks for either
(`portal_phrase_query`, called by search.query for a language in
search.languages.AS_WRITTEN_CONFIGS), unless the words are all stop words once unaccented
("cómo" is "como"): then there is nothing to ask, as before. Joined pronouns
("recuperarse", "recuperándome") the Spanish stemmer already takes off. Nothing happens on
SQLite."""

import importlib

from django.db import migrations

previous = importlib.import_module("search.migrations.0005_text_search_per_language")

WEIGHTED = """
CREATE OR REPLACE FUNCTION portal_weighted_vector(
  config regconfig, kind text, title text, other_names text, body text
) RETURNS tsvector AS $$
  -- A reply shows its thread's title, but is found only by what it says.
  SELECT CASE WHEN kind = 'post' THEN ''::tsvector
              ELSE setweight(to_tsvector(config, coalesce(title, '')), 'A') END ||
         setweight(to_tsvector(config, coalesce(other_names, '')), 'B') ||
         setweight(to_tsvector(config, left(coalesce(body, ''), 100000)), 'C')
$$ LANGUAGE sql IMMUTABLE
"""

AS_WRITTEN = """
CREATE OR REPLACE FUNCTION portal_search_config_as_written(language text) RETURNS regconfig AS $$
  SELECT CASE language WHEN 'es' THEN 'spanish'::regconfig END
$$ LANGUAGE sql IMMUTABLE
"""

PHRASE_QUERY = """
CREATE OR REPLACE FUNCTION portal_phrase_query(config regconfig, written regconfig, phrase text)
RETURNS tsquery AS $$
  SELECT CASE WHEN numnode(q) = 0 THEN q ELSE q || phraseto_tsquery(written, phrase) END
  FROM phraseto_tsquery(config, phrase) AS q
$$ LANGUAGE sql IMMUTABLE
"""

FUNCTION = """
CREATE OR REPLACE FUNCTION portal_searchentry_vector() RETURNS trigger AS $$
DECLARE
  written regconfig := portal_search_config_as_written(NEW.language);
BEGIN
  NEW.search_vector := portal_weighted_vector(
    portal_search_config(NEW.language), NEW.kind, NEW.title, NEW.other_names, NEW.body);
  IF written IS NOT NULL THEN
    NEW.search_vector := NEW.search_vector ||
      portal_weighted_vector(written, NEW.kind, NEW.title, NEW.other_names, NEW.body);
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql
"""

RECOMPUTE = "UPDATE portal_searchentry SET language = language WHERE language = 'es'"

FORWARD = [WEIGHTED, AS_WRITTEN, PHRASE_QUERY, FUNCTION, RECOMPUTE]
BACKWARD = [
    previous.FUNCTION,
    RECOMPUTE,
    "DROP FUNCTION IF EXISTS portal_phrase_query(regconfig, regconfig, text)",
    "DROP FUNCTION IF EXISTS portal_search_config_as_written(text)",
    "DROP FUNCTION IF EXISTS portal_weighted_vector(regconfig, text, text, text, text)",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_text_search_per_language")]

    operations = [migrations.RunPython(previous._run(FORWARD), previous._run(BACKWARD))]
