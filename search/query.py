"""Site search over `SearchEntry` rows: query parsing, synonyms, ranking, snippets.

PostgreSQL: full-text search on the weighted `search_vector` (English stemming), with
websearch-style syntax ("quoted phrases", -exclusions, OR) compiled to tsquery operators,
synonyms as extra alternatives, and pg_trgm for "did you mean". SQLite, the development
fallback: the same parser and page, matching words with case-insensitive containment and a
light suffix-stripping stem, ranked by where the words matched.
"""

import difflib
import hashlib
import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Case, Count, F, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from core import versions
from core.versions import cached_until_content_changes
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
SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ness", "ies", "ed", "es", "s")


@dataclass
class Clause:
    """One AND-ed part of a query: any of its alternatives (a word or a phrase) may match."""

    alternatives: list[str]
    negated: bool = False


@dataclass
class ParsedQuery:
    clauses: list[Clause] = field(default_factory=list)
    message: str = ""

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
        return text[
            :MAX_QUERY_LENGTH
        ], f"Your search was shortened to {MAX_QUERY_LENGTH} characters."
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


# The synonym groups of the current versions, kept in this process: every search needs them
# and they change only with a synonym or an article. One entry: a new version replaces it.
_synonyms_by_version: dict[tuple, list[set[str]]] = {}


def synonym_groups() -> list[set[str]]:
    """The editors' synonym list, plus each article's title with its other names; kept
    until a synonym or an article changes (core.versions): in this process's memory, else in
    the shared cache (computed once for all app servers)."""
    version = tuple(sorted(versions.depends_on(*SYNONYM_VERSIONS).items()))
    groups = _synonyms_by_version.get(version)
    if groups is None:
        groups = versions.cached("search:synonyms", SYNONYM_VERSIONS, _synonyms, timeout=300)
        _synonyms_by_version.clear()
        _synonyms_by_version[version] = groups
    return groups


def _synonyms() -> list[set[str]]:
    groups = [{synonym.term, *synonym.synonym_list} for synonym in SearchSynonym.objects.all()]
    groups += [
        {title, *other_names.split("  ")}
        for title, other_names in SearchEntry.objects.filter(kind="article")
        .exclude(other_names="")
        .values_list("title", "other_names")
    ]
    return [{_words(phrase) for phrase in group} - {""} for group in groups]


def expand_synonyms(query: ParsedQuery, groups: list[set[str]]) -> ParsedQuery:
    """Add synonyms as alternatives; consecutive words that spell a synonym become one clause."""
    clauses = _merge_multiword(query.clauses, groups)
    for clause in clauses:
        if clause.negated:
            continue
        for alternative in list(clause.alternatives):
            for group in groups:
                if alternative in group:
                    clause.alternatives.extend(g for g in group if g not in clause.alternatives)
    return ParsedQuery(clauses, query.message)


def _merge_multiword(clauses: list[Clause], groups: list[set[str]]) -> list[Clause]:
    known = {phrase for group in groups for phrase in group if " " in phrase}
    merged: list[Clause] = []
    i = 0
    while i < len(clauses):
        for size in (4, 3, 2):
            window = clauses[i : i + size]
            simple = all(len(c.alternatives) == 1 and not c.negated for c in window)
            phrase = " ".join(c.alternatives[0] for c in window)
            if len(window) == size and simple and phrase in known:
                merged.append(Clause([phrase]))
                i += size
                break
        else:
            merged.append(Clause(list(clauses[i].alternatives), clauses[i].negated))
            i += 1
    return merged


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# --- the two engines -------------------------------------------------------------------


def _tsquery_sql(query: ParsedQuery) -> tuple[str, list[str]]:
    parts, params = [], []
    for clause in query.clauses:
        alternatives = " || ".join("phraseto_tsquery('english', %s)" for _ in clause.alternatives)
        params.extend(clause.alternatives)
        parts.append(f"!!({alternatives})" if clause.negated else f"({alternatives})")
    return " && ".join(parts), params


def _postgres_matches(query: ParsedQuery):
    tsquery, params = _tsquery_sql(query)
    matches = SearchEntry.objects.filter(
        RawSQL(f"search_vector @@ ({tsquery})", params, output_field=BooleanField())
    )
    return matches, tsquery, params


def _sqlite_condition(alternative: str) -> Q:
    """A reply shows its thread's title but is found only by what it says (kind "post")."""
    condition = Q()
    for word in alternative.split() if " " not in alternative else [alternative]:
        piece = stem(word)
        in_title = Q(title__icontains=piece) & ~Q(kind="post")
        condition &= in_title | Q(other_names__icontains=piece) | Q(body__icontains=piece)
    return condition


def _sqlite_matches(query: ParsedQuery):
    matches = SearchEntry.objects.all()
    for clause in query.clauses:
        condition = Q()
        for alternative in clause.alternatives:
            condition |= _sqlite_condition(alternative)
        matches = matches.exclude(condition) if clause.negated else matches.filter(condition)
    return matches


def _sqlite_rank(query: ParsedQuery):
    """Per word: 3 for a title match, 2 for other names, 1 for the body only."""
    rank = Value(0.0, output_field=FloatField())
    for word in {stem(w) for w in query.words if len(w) > 1}:
        rank += Case(
            When(~Q(kind="post") & Q(title__icontains=word), then=Value(3.0)),
            When(other_names__icontains=word, then=Value(2.0)),
            default=Value(1.0),
            output_field=FloatField(),
        )
    return rank


@dataclass
class SearchResults:
    query: ParsedQuery
    entries: object  # a QuerySet ordered by relevance
    counts: dict[str, int]
    capped: bool = False
    count: int = 0  # how many entries `entries` holds, known without counting them again


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


def search(raw: str, *, kind: str = "", body_part: str = "", member: bool = False) -> SearchResults:
    """Entries the reader may see (`member`: a signed-in member, who also finds the
    members-only ones) matching the query, best first, with counts per kind."""
    query = expand_synonyms(parse_query(raw), synonym_groups())
    if not query.positive:
        if not query.message:
            query.message = (
                "Type a word or two to search."
                if not raw.strip()
                else ("There were no words to search for in that query.")
            )
        return SearchResults(query, SearchEntry.objects.none(), {})
    visible = SearchEntry.objects.filter(
        visible_from__lte=timezone.now(), audience__in=audiences(member=member)
    )
    if body_part:
        visible = visible.filter(body_part_slug=body_part)
    if connection.vendor == "postgresql":
        return _postgres_search(query, visible, kind, body_part, member)
    matches = visible & _sqlite_matches(query)
    counts = dict(matches.order_by().values_list("kind").annotate(n=Count("pk")))
    if kind:
        matches = matches.filter(kind=kind)
    ranked = matches.annotate(rank=_sqlite_rank(query)).order_by("-rank", "-visible_from")
    count = counts.get(kind, 0) if kind else sum(counts.values())
    return SearchResults(query, ranked, counts, count=count)


def _postgres_search(
    query: ParsedQuery, visible, kind: str, body_part: str, member: bool
) -> SearchResults:
    matches, tsquery, params = _postgres_matches(query)
    candidates = visible & matches
    if kind:
        candidates = candidates.filter(kind=kind)
    recent = list(
        candidates.order_by("-visible_from").values_list("pk", flat=True)[
            : MAX_RANKED_CANDIDATES + 1
        ]
    )
    capped = len(recent) > MAX_RANKED_CANDIDATES
    # The audience is part of the key: visitors' counts never include members' rows.
    asked = hashlib.sha256(repr((tsquery, params, body_part, member)).encode()).hexdigest()
    counts = cached_until_content_changes(
        f"search-counts:{asked}",
        lambda: dict((visible & matches).order_by().values_list("kind").annotate(n=Count("pk"))),
        timeout=COUNTS_SECONDS,
        expires_in=seconds_until_next_publication,
    )
    rank = RawSQL(f"ts_rank_cd(search_vector, ({tsquery}), 1)", params, output_field=FloatField())
    ids = recent[:MAX_RANKED_CANDIDATES]
    ranked = (
        SearchEntry.objects.filter(_id_in(ids))
        .annotate(rank=rank)
        .order_by(F("rank").desc(), "-visible_from")
    )
    return SearchResults(query, ranked, counts, capped, count=len(ids))


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
    stems = sorted({stem(word) for word in query.words if len(word) > 1}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


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
