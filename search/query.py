"""Site search over `SearchEntry` rows: query parsing, synonyms, ranking, snippets.

PostgreSQL: full-text search on the weighted `search_vector`, with websearch-style syntax
("quoted phrases", -exclusions, OR) compiled to tsquery operators, synonyms as extra
alternatives, and pg_trgm for "did you mean". SQLite, the development fallback: the same
parser and page, matching words with case- and accent-insensitive containment and a light
suffix-stripping stem, ranked by where the words matched.

Languages (`search.languages`): the query is read in each entry's language, each entry
matched by the query compiled in its language (stemming, stop words, synonyms), so a Spanish
query finds Spanish entries as Spanish and an English one English entries as before. Every
language's matches are shown, the reader's language first (a Spanish reader also finds the
English forum posts, after the Spanish results), each hit labelled with its language when it
is not the page's.
"""

import difflib
import hashlib
import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)  # fmt: skip
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Contains
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import versions
from core.versions import cached_until_content_changes
from search import languages
from search.languages import accent_insensitive, fold, phrase_query_sql, stem
from search.models import Audience, SearchEntry, SearchSynonym, SearchWord

MAX_QUERY_LENGTH = 200
# Ranking reads every matching row's vector; for very common words only the most recent
# matches are ranked, which keeps the page fast on hundreds of thousands of posts.
MAX_RANKED_CANDIDATES = 1000
# Counting every match per kind is the slowest part of a search for a common word (a scan of
# half the index for "knee"), and common words are the ones searched again and again: the
# counts of a query are kept this long, until any content changes (core.versions.ANY).
COUNTS_SECONDS = 300
WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class Clause:
    """One AND-ed part of a query: any of its alternatives (a word or a phrase) may match."""

    alternatives: list[str]
    negated: bool = False


@dataclass
class ParsedQuery:
    clauses: list[Clause] = field(default_factory=list)
    message: str = ""
    language: str = languages.DEFAULT  # the language its words are read in (stemming)

    @property
    def positive(self) -> list[Clause]:
        return [clause for clause in self.clauses if not clause.negated]

    @property
    def words(self) -> list[str]:
        return [word for c in self.positive for alt in c.alternatives for word in alt.split()]

    @cached_property
    def highlight_pattern(self) -> re.Pattern | None:
        """Compiled once per query: a results page highlights a title and a snippet per hit."""
        return _highlight_pattern(self)


def clean_query(raw: str) -> tuple[str, str]:
    """Strip control characters (NUL bytes break PostgreSQL) and cap the length."""
    text = "".join(ch for ch in raw if ch.isprintable() or ch in " \t").strip()
    if len(text) > MAX_QUERY_LENGTH:
        message = ngettext(
            "Your search was shortened to %(count)d character.",
            "Your search was shortened to %(count)d characters.",
            MAX_QUERY_LENGTH,
        ) % {"count": MAX_QUERY_LENGTH}
        return text[:MAX_QUERY_LENGTH], message
    return text, ""


def _words(text: str) -> str:
    return " ".join(match.group(0).lower() for match in WORD.finditer(text))


def parse_query(raw: str) -> ParsedQuery:
    """websearch-style: words AND-ed, "phrases", -exclusions, `a OR b`. Never raises."""
    text, message = clean_query(raw)
    clauses: list[Clause] = []
    join_next_with_or = False
    for negated, phrase, bare in TOKEN.findall(text):
        if bare == "OR" and clauses:
            join_next_with_or = True
            continue
        negated = bool(negated) or (bare.startswith("-") and len(bare) > 1)
        words = _words(phrase if phrase or not bare else bare.lstrip("-"))
        if not words:
            continue
        if join_next_with_or and not negated and not clauses[-1].negated:
            clauses[-1].alternatives.append(words)
        else:
            clauses.append(Clause([words], negated=negated))
        join_next_with_or = False
    return ParsedQuery(clauses, message)


def seconds_until_next_publication() -> int | None:
    """Seconds until the next scheduled item becomes visible (a page or count that leaves it
    out must not be kept past then), or None when nothing is scheduled. The time is kept
    until content changes or it passes."""
    upcoming = versions.cached(
        "search:next-publication",
        [versions.ANY],
        _next_publication,
        timeout=lambda at: versions.lifetime(None if at is None else _seconds_until(at), 300),
        shown=False,
    )
    if upcoming is None:
        return None
    if upcoming <= timezone.now():  # it has just passed: the one after it
        upcoming = _next_publication()
        if upcoming is None:
            return None
    return _seconds_until(upcoming)


def _next_publication():
    return (
        SearchEntry.objects.filter(visible_from__gt=timezone.now())
        .order_by("visible_from")
        .values_list("visible_from", flat=True)
        .first()
    )


def _seconds_until(moment) -> int:
    return max(1, int((moment - timezone.now()).total_seconds()))


SYNONYM_VERSIONS = ("search-synonyms", "articles")


# The synonym groups of the current versions, per language, kept in this process: every
# search needs them and they change only with a synonym or an article. One entry: a new
# version replaces it.
_synonyms_by_version: dict[tuple, dict[str, list[set[str]]]] = {}


def synonym_groups(language: str = languages.DEFAULT) -> list[set[str]]:
    """The editors' synonym list of a language, plus each article's title with its other
    names; kept until a synonym or an article changes (core.versions): in this process's
    memory, else in the shared cache (computed once for all app servers). Phrases are
    folded (lower case, no accents): "LCA" and "lca", "osteotomía" and "osteotomia" meet."""
    version = tuple(sorted(versions.depends_on(*SYNONYM_VERSIONS).items()))
    by_language = _synonyms_by_version.get(version)
    if by_language is None:
        by_language = versions.cached(
            "search:synonyms:languages", SYNONYM_VERSIONS, _synonyms, timeout=300
        )
        _synonyms_by_version.clear()
        _synonyms_by_version[version] = by_language
    return by_language.get(language, [])


def _synonyms() -> dict[str, list[set[str]]]:
    by_language: dict[str, list[set[str]]] = {code: [] for code in languages.codes()}
    for synonym in SearchSynonym.objects.all():
        group = {synonym.term, *synonym.synonym_list}
        by_language.setdefault(synonym.language, []).append(group)
    articles = SearchEntry.objects.filter(kind="article").exclude(other_names="")
    for title, other_names, language in articles.values_list("title", "other_names", "language"):
        by_language.setdefault(language, []).append({title, *other_names.split("  ")})
    return {
        language: [{fold(_words(phrase)) for phrase in group} - {""} for group in groups]
        for language, groups in by_language.items()
    }


def expand_synonyms(
    query: ParsedQuery, groups: list[set[str]], language: str = languages.DEFAULT
) -> ParsedQuery:
    """The query read in `language`: its synonyms added as alternatives; consecutive words
    that spell a synonym become one clause."""
    clauses = _merge_multiword(query.clauses, groups)
    for clause in clauses:
        if clause.negated:
            continue
        for alternative in list(clause.alternatives):
            for group in groups:
                if fold(alternative) in group:
                    clause.alternatives.extend(g for g in group if g not in clause.alternatives)
    return ParsedQuery(clauses, query.message, language)


def _merge_multiword(clauses: list[Clause], groups: list[set[str]]) -> list[Clause]:
    known = {phrase for group in groups for phrase in group if " " in phrase}
    merged: list[Clause] = []
    i = 0
    while i < len(clauses):
        for size in (4, 3, 2):
            window = clauses[i : i + size]
            simple = all(len(c.alternatives) == 1 and not c.negated for c in window)
            phrase = " ".join(c.alternatives[0] for c in window)
            if len(window) == size and simple and fold(phrase) in known:
                merged.append(Clause([phrase]))
                i += size
                break
        else:
            merged.append(Clause(list(clauses[i].alternatives), clauses[i].negated))
            i += 1
    return merged


# --- the two engines -------------------------------------------------------------------


def _tsquery_sql(query: ParsedQuery, language: str) -> tuple[str, list[str]]:
    """The query as a tsquery in a language's configurations (constants of ours, never the
    reader's text)."""
    phrase = phrase_query_sql(language)
    parts, params = [], []
    for clause in query.clauses:
        alternatives = " || ".join(phrase for _ in clause.alternatives)
        params.extend(clause.alternatives)
        parts.append(f"!!({alternatives})" if clause.negated else f"({alternatives})")
    return " && ".join(parts), params


def _in_language(language: str) -> str:
    """The SQL test for an entry of this language; the default language also takes any
    entry of a language without a configuration of its own."""
    if language != languages.DEFAULT:
        return f"language = '{language}'"
    others = [code for code in languages.codes() if code != language]
    return " AND ".join(f"language <> '{code}'" for code in others) or "TRUE"


def _language_q(language: str) -> Q:
    """`_in_language` for the ORM."""
    if language != languages.DEFAULT:
        return Q(language=language)
    return ~Q(language__in=[code for code in languages.codes() if code != language])


def _postgres_sql(queries: dict[str, "ParsedQuery"]) -> tuple[str, list, str, list]:
    """The match condition (one indexed test per language, so the GIN index serves each) and
    the rank, each entry against the query in its own language."""
    matches, match_params, cases, rank_params = [], [], [], []
    for language, query in queries.items():
        tsquery, params = _tsquery_sql(query, language)
        matches.append(f"({_in_language(language)} AND search_vector @@ ({tsquery}))")
        match_params += params
        cases.append(f"WHEN {_in_language(language)} THEN ({tsquery})")
        rank_params += params
    match_sql = " OR ".join(matches)
    rank_sql = f"ts_rank_cd(search_vector, CASE {' '.join(cases)} END, 1)"
    return match_sql, match_params, rank_sql, rank_params


class Folded(Func):
    """A text column folded like `search.languages.fold` (SQLite: the function
    `portal_fold` that search.apps registers on each connection)."""

    function = "portal_fold"
    output_field = TextField()


def _contains(column: str, piece: str) -> Contains:
    return Contains(Folded(F(column)), piece)


def _sqlite_condition(alternative: str, language: str) -> Q:
    """A reply shows its thread's title but is found only by what it says (kind "post")."""
    condition = Q()
    for word in alternative.split() if " " not in alternative else [alternative]:
        piece = stem(fold(word), language)
        in_title = Q(_contains("title", piece)) & ~Q(kind="post")
        condition &= in_title | Q(_contains("other_names", piece)) | Q(_contains("body", piece))
    return condition


def _sqlite_query_matches(query: ParsedQuery) -> Q:
    matches = Q()
    for clause in query.clauses:
        condition = Q()
        for alternative in clause.alternatives:
            condition |= _sqlite_condition(alternative, query.language)
        matches &= ~condition if clause.negated else condition
    return matches


def _sqlite_matches(queries: dict[str, ParsedQuery]):
    """Each entry against the query with its language's synonyms."""
    condition = Q()
    for language, query in queries.items():
        condition |= _language_q(language) & _sqlite_query_matches(query)
    return SearchEntry.objects.filter(condition)


def _sqlite_rank(query: ParsedQuery):
    """Per word: 3 for a title match, 2 for other names, 1 for the body only."""
    rank = Value(0.0, output_field=FloatField())
    for word in {stem(fold(w), query.language) for w in query.words if len(w) > 1}:
        rank += Case(
            When(~Q(kind="post") & Q(_contains("title", word)), then=Value(3.0)),
            When(_contains("other_names", word), then=Value(2.0)),
            default=Value(1.0),
            output_field=FloatField(),
        )
    return rank


def _readers_language_first(language: str) -> Case:
    return Case(
        When(language=language, then=Value(0)), default=Value(1), output_field=IntegerField()
    )


@dataclass
class SearchResults:
    query: ParsedQuery  # in the reader's language
    entries: object  # a QuerySet ordered by relevance
    counts: dict[str, int]
    capped: bool = False
    count: int = 0  # how many entries `entries` holds, known without counting them again
    # The query as read in each language (its synonyms): an entry is highlighted with its own.
    queries: dict[str, ParsedQuery] = field(default_factory=dict)

    def query_for(self, language: str) -> ParsedQuery:
        return self.queries.get(language, self.query)


class KnownCountPaginator(Paginator):
    """A paginator given the number of results the search already knows (no COUNT query)."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def audiences(*, member: bool) -> list[str]:
    """The audiences a reader belongs to: everyone's, and the members' when signed in."""
    return [Audience.PUBLIC.value, Audience.MEMBERS.value] if member else [Audience.PUBLIC.value]


def search(
    raw: str, *, kind: str = "", body_part: str = "", member: bool = False, language: str = ""
) -> SearchResults:
    """Entries the reader may see (`member`: a signed-in member, who also finds the
    members-only ones) matching the query, the reader's `language` first and then the
    others, best first, with counts per kind."""
    language = languages.entry_language(language)
    parsed = parse_query(raw)
    queries = {
        code: expand_synonyms(parsed, synonym_groups(code), code) for code in languages.codes()
    }
    query = queries[language]
    if not query.positive:
        if not query.message:
            query.message = (
                _("Type a word or two to search.")
                if not raw.strip()
                else _("There were no words to search for in that query.")
            )
        return SearchResults(query, SearchEntry.objects.none(), {})
    visible = SearchEntry.objects.filter(
        visible_from__lte=timezone.now(), audience__in=audiences(member=member)
    )
    if body_part:
        visible = visible.filter(body_part_slug=body_part)
    if connection.vendor == "postgresql":
        return _postgres_search(queries, language, visible, kind, body_part, member)
    matches = visible & _sqlite_matches(queries)
    counts = dict(matches.order_by().values_list("kind").annotate(n=Count("pk")))
    if kind:
        matches = matches.filter(kind=kind)
    ranked = matches.annotate(
        readers_language=_readers_language_first(language), rank=_sqlite_rank(query)
    ).order_by("readers_language", "-rank", "-visible_from")
    count = counts.get(kind, 0) if kind else sum(counts.values())
    return SearchResults(query, ranked, counts, count=count, queries=queries)


def _recent_ids(candidates, language: str) -> list[int]:
    """The most recent matches, the reader's language first: those are ranked (at most
    MAX_RANKED_CANDIDATES, one more to tell that there were more)."""
    wanted = MAX_RANKED_CANDIDATES + 1
    newest_first = candidates.order_by("-visible_from").values_list("pk", flat=True)
    ids = list(newest_first.filter(language=language)[:wanted])
    if len(ids) < wanted:
        ids += newest_first.exclude(language=language)[: wanted - len(ids)]
    return ids


def _postgres_search(
    queries: dict[str, ParsedQuery], language: str, visible, kind: str, body_part: str,
    member: bool,
) -> SearchResults:  # fmt: skip
    match_sql, match_params, rank_sql, rank_params = _postgres_sql(queries)
    matches = SearchEntry.objects.filter(
        RawSQL(match_sql, match_params, output_field=BooleanField())
    )
    candidates = visible & matches
    if kind:
        candidates = candidates.filter(kind=kind)
    recent = _recent_ids(candidates, language)
    capped = len(recent) > MAX_RANKED_CANDIDATES
    # The audience is part of the key: visitors' counts never include members' rows.
    asked = hashlib.sha256(repr((match_sql, match_params, body_part, member)).encode())
    counts = cached_until_content_changes(
        f"search-counts:{asked.hexdigest()}",
        lambda: dict((visible & matches).order_by().values_list("kind").annotate(n=Count("pk"))),
        timeout=COUNTS_SECONDS,
        expires_in=seconds_until_next_publication,
    )
    rank = RawSQL(rank_sql, rank_params, output_field=FloatField())
    ids = recent[:MAX_RANKED_CANDIDATES]
    ranked = (
        SearchEntry.objects.filter(_id_in(ids))
        .annotate(readers_language=_readers_language_first(language), rank=rank)
        .order_by("readers_language", F("rank").desc(), "-visible_from")
    )
    query = queries[language]
    return SearchResults(query, ranked, counts, capped, count=len(ids), queries=queries)


def address_in(url: str, language: str) -> str:
    """An entry's address (stored without a language prefix) for a reader of `language`;
    an address that already names its language keeps it."""
    if language == languages.DEFAULT or translation.get_language_from_path(url):
        return url
    return f"/{language}{url}"


def for_reader(entry: SearchEntry, language: str, body_part_names: dict) -> SearchEntry:
    """The entry as the results page shows it: its address in the reader's language, its
    body part's name, and the name of its language when the reader's is another
    (`other_language`)."""
    entry.url = address_in(entry.url, language)
    entry.body_part_name = body_part_names.get(entry.body_part_slug, entry.body_part_slug)
    same = entry.language == language
    entry.other_language = (
        "" if same else translation.get_language_info(entry.language)["name_translated"]
    )
    return entry


def _id_in(ids: list[int]) -> RawSQL:
    """`id = ANY(%s)` with the ids as one array parameter: the same SQL text for any number
    of ids (`pk__in` would send up to a thousand parameters, a new statement each time)."""
    column = f"{SearchEntry._meta.db_table}.{SearchEntry._meta.pk.column}"
    return RawSQL(f"{column} = ANY(%s)", (list(ids),), output_field=BooleanField())


# --- did you mean, snippets --------------------------------------------------------------


def suggest(query: ParsedQuery, *, member: bool = False) -> str:
    """A corrected query from the vocabulary of the titles the reader may see, or "" when
    nothing better is known."""
    words = [w for c in query.positive for alt in c.alternatives[:1] for w in alt.split()]
    if not words:
        return ""
    readable = audiences(member=member)
    known = set(
        SearchWord.objects.filter(word__in=words, audience__in=readable).values_list(
            "word", flat=True
        )
    )
    corrected = [
        word if word in known or len(word) < 3 else _closest(word, readable) for word in words
    ]
    return " ".join(corrected) if corrected != words else ""


def _closest(word: str, readable: list[str]) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM portal_searchword WHERE word %% %s AND audience = ANY(%s) "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [word, readable, word],
            )
            row = cursor.fetchone()
        return row[0] if row else word
    vocabulary = SearchWord.objects.filter(
        word__startswith=word[:1], audience__in=readable
    ).values_list("word", flat=True)
    close = difflib.get_close_matches(word, list(vocabulary), n=1, cutoff=0.75)
    return close[0] if close else word


def _highlight_pattern(query: ParsedQuery) -> re.Pattern | None:
    """The query's stems, with or without accents ("osteotomia" marks "osteotomía")."""
    stems = {stem(fold(word), query.language) for word in query.words if len(word) > 1}
    if not stems:
        return None
    alternatives = "|".join(accent_insensitive(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(r"\b(" + alternatives + r")\w*", re.IGNORECASE)


def highlight(text: str, query: ParsedQuery) -> SafeString:
    """Escape the text and wrap the query's words in <mark>."""
    pattern = query.highlight_pattern
    if pattern is None:
        return format_html("{}", text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(html.escape(text[last : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group(0)))
        last = match.end()
    pieces.append(html.escape(text[last:]))
    return mark_safe("".join(pieces))  # every piece above is escaped


def snippet(text: str, query: ParsedQuery, width: int = 240) -> SafeString:
    """A window of the body around the first matching word, highlighted."""
    pattern = query.highlight_pattern
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - width // 3) if match else 0
    piece = text[start : start + width]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(text) else ""
    return format_html("{}{}{}", prefix, highlight(piece, query), suffix)
