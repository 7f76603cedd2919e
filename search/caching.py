"""Which named versions (core.versions) search writes bump: the index rows are written with
the content they index (which bumps its own versions); the editors' synonyms bump theirs."""

from search.models import SearchEntry, SearchSynonym, SearchWord

BUMPS = {SearchSynonym: lambda synonym, **signal: ["search-synonyms"]}
QUIET = {SearchEntry, SearchWord}
