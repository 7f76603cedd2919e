"""How content becomes `SearchEntry` rows, and how the index stays current.

Each app says what it contributes in its own `search.py`: a `SOURCES` list of `Source`
(the rows everyone may see, and how one row reads as a document). They are found at
start-up, like the admin finds `admin.py`, so this module imports no app. Saving or
deleting a row re-indexes it in the same transaction (post_save/post_delete), so search
never shows what was just hidden; `manage.py rebuild_search_index` rebuilds everything in
bulk. Documents are read in the site's default language, whoever's request saved the row, so
an entry's address has no language prefix (the results page adds the reader's).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django.utils.html import strip_tags

from core.plugins import app_modules
from search.languages import DEFAULT as DEFAULT_LANGUAGE
from search.languages import entry_language
from search.models import Audience, SearchEntry, SearchSynonym, SearchWord

BATCH = 2000
# Words of any alphabet (osteotomía, rodilla), three letters or more.
VOCABULARY_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-]){2,59}")
UPSERT_FIELDS = [
    "kind", "title", "other_names", "body", "url", "body_part_slug", "visible_from", "audience",
    "language", "updated_at",
]  # fmt: skip


def declared_language(obj: Model) -> str:
    """The row's own `language` field (an article's), else the site's default."""
    return entry_language(getattr(obj, "language", ""))


def plain(*html_parts: str) -> str:
    """Text of sanitised HTML fields, for indexing and snippets."""
    return " ".join(strip_tags(part) for part in html_parts if part).strip()


@dataclass(frozen=True)
class Source:
    kind: str
    label: str  # the kind in words, plural: the search filters ("Blog posts")
    model: type[Model]
    public: Callable[[], QuerySet]
    document: Callable[[Model], dict]
    item_label: str  # one result of the kind, in words: shown on each hit ("Blog post")
    # Where the kind is listed among the search filters (articles first).
    position: int = 100
    # Other rows whose visibility or text follows this one (a thread's replies).
    dependents: Callable[[Model], Iterable[tuple["Source", QuerySet]]] = field(
        default=lambda obj: ()
    )
    # A save limited to other fields (counters, timestamps) leaves the entry as it is.
    fields: frozenset[str] | None = None
    # Rows that are part of this one's text (an article's warning signs, a thread's opening
    # post): (model, the row's parent or None when this row is not part of it).
    parts: tuple[tuple[type[Model], Callable[[Model], Model | None]], ...] = ()
    # Many-to-many relations whose change re-indexes the row (a video's related articles).
    m2m: tuple[type[Model], ...] = ()
    # Who may find the row (`search.models.Audience`): everyone unless the app says (a
    # members-only thread is for members); `public` then means "its audience may see it".
    audience: Callable[[Model], str] = field(default=lambda obj: Audience.PUBLIC)
    # The language the row is written in (`search.languages`): declared, or the author's.
    language: Callable[[Model], str] = field(default=declared_language)
    # What members wrote (threads, replies, blog posts): shown as theirs, never translated.
    member_written: bool = False


@cache
def sources() -> list[Source]:
    found = [source for module in app_modules("search") for source in module.SOURCES]
    return sorted(found, key=lambda source: source.position)


def source_for(model: type[Model]) -> Source | None:
    return next((s for s in sources() if s.model is model), None)


def source_of_kind(kind: str) -> Source:
    return next(s for s in sources() if s.kind == kind)


# --- indexing ------------------------------------------------------------------------------


def _entry(source: Source, obj: Model, content_type: ContentType) -> SearchEntry:
    with translation.override(DEFAULT_LANGUAGE):
        document = source.document(obj)
    document["title"] = document["title"][:300]
    return SearchEntry(
        content_type=content_type, object_id=obj.pk, kind=source.kind,
        audience=source.audience(obj), language=entry_language(source.language(obj)),
        **document,
    )  # fmt: skip


def index_object(source: Source, obj: Model) -> None:
    """Add, refresh or drop one row's entry, depending on whether its audience may see it."""
    content_type = ContentType.objects.get_for_model(source.model)
    public = source.public().filter(pk=obj.pk).first()
    with transaction.atomic():
        entries = SearchEntry.objects.filter(content_type=content_type, object_id=obj.pk)
        before = entries.values_list("title", "other_names", "audience").first()
        if public is None:
            entries.delete()
        else:
            _upsert([_entry(source, public, content_type)])
            _add_words([public.pk], source)
        for dependent_source, queryset in source.dependents(obj):
            index_queryset(dependent_source, queryset)
        # After the dependents: a thread's replies carry its title too.
        left_public = public is not None and source.audience(public) != Audience.PUBLIC
        if left_public and before and before[2] == Audience.PUBLIC:
            _forget_public_words(f"{before[0]} {before[1]}")


def _forget_public_words(text: str) -> None:
    """A title that became members-only: its words leave the visitors' "did you mean"
    unless another public title or other name still uses them (a rare moderator action,
    so a scan per word is affordable)."""
    public = SearchEntry.objects.filter(audience=Audience.PUBLIC)
    for word in set(VOCABULARY_WORD.findall(text.lower())):
        used = Q(title__icontains=word) | Q(other_names__icontains=word)
        synonym = Q(term__icontains=word) | Q(synonyms__icontains=word)
        if not public.filter(used).exists() and not SearchSynonym.objects.filter(synonym).exists():
            SearchWord.objects.filter(word=word, audience=Audience.PUBLIC).delete()


def index_queryset(source: Source, queryset: QuerySet) -> int:
    """Re-index the given rows of one source in bulk (refresh the public ones, drop the rest)."""
    content_type = ContentType.objects.get_for_model(source.model)
    ids = list(queryset.values_list("pk", flat=True))
    public = source.public().filter(pk__in=ids)
    SearchEntry.objects.filter(content_type=content_type, object_id__in=ids).exclude(
        object_id__in=public.values("pk")
    ).delete()
    return _bulk_add(source, public, content_type)


def _upsert(entries: list[SearchEntry]) -> None:
    """Insert, or refresh the entry already there: a rebuild and a live write may index the
    same item at the same moment, and neither may fail on the other's row."""
    SearchEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["content_type", "object_id"],
        update_fields=UPSERT_FIELDS,
    )  # fmt: skip


def _bulk_add(source: Source, queryset: QuerySet, content_type: ContentType) -> int:
    batch, total = [], 0
    for obj in queryset.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(_entry(source, obj, content_type))
        if len(batch) >= BATCH:
            _upsert(batch)
            total += len(batch)
            batch = []
    _upsert(batch)
    return total + len(batch)


def rebuild(kind: str = "", progress: Callable[[str], None] = lambda message: None) -> int:
    """Safe on a live site: entries are upserted, then those of items no longer public are
    dropped (the check sees what committed meanwhile), so a reply saved during the rebuild
    keeps its entry and no row is inserted twice."""
    total = 0
    for source in sources():
        if kind and source.kind != kind:
            continue
        content_type = ContentType.objects.get_for_model(source.model)
        with transaction.atomic():
            count = _bulk_add(source, source.public(), content_type)
            SearchEntry.objects.filter(content_type=content_type).exclude(
                object_id__in=source.public().values("pk")
            ).delete()
        progress(f"{source.label}: {count}")
        total += count
    rebuild_vocabulary()
    return total


def rebuild_vocabulary() -> int:
    """Words of titles, other names and synonyms: what "did you mean" may suggest, per
    audience (the synonyms are everyone's)."""
    words: set[tuple[str, str]] = set()
    titles = SearchEntry.objects.values_list("title", "other_names", "audience")
    for title, other_names, audience in titles.iterator(chunk_size=BATCH):
        words.update(_vocabulary(f"{title} {other_names}", audience))
    for synonym in SearchSynonym.objects.all():
        words.update(_vocabulary(f"{synonym.term} {synonym.synonyms}", Audience.PUBLIC))
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(
            [SearchWord(word=w, audience=a) for w, a in sorted(words)], BATCH,
            ignore_conflicts=True,
        )  # fmt: skip
    return len({word for word, _ in words})


def _vocabulary(text: str, audience: str) -> set[tuple[str, str]]:
    return {(word, audience) for word in VOCABULARY_WORD.findall(text.lower())}


def _add_words(ids: list[int], source: Source) -> None:
    content_type = ContentType.objects.get_for_model(source.model)
    texts = SearchEntry.objects.filter(content_type=content_type, object_id__in=ids)
    words = set()
    for title, other_names, audience in texts.values_list("title", "other_names", "audience"):
        words.update(_vocabulary(f"{title} {other_names}", audience))
    SearchWord.objects.bulk_create(
        [SearchWord(word=w, audience=a) for w, a in words], ignore_conflicts=True
    )


# --- keeping the index current -------------------------------------------------------------


def _on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    source = source_for(sender)
    if raw or source is None:
        return
    limited = update_fields is not None and source.fields is not None
    if limited and source.fields.isdisjoint(update_fields):
        return
    index_object(source, instance)


def _on_delete(sender, instance, **kwargs):
    content_type = ContentType.objects.get_for_model(sender)
    SearchEntry.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def _part_saved(source: Source, parent_of: Callable[[Model], Model | None]):
    def on_part_saved(sender, instance, raw=False, **kwargs):
        parent = None if raw else parent_of(instance)
        if parent is not None:
            index_object(source, parent)

    return on_part_saved


def _m2m_changed(source: Source):
    def on_m2m_changed(sender, instance, action, **kwargs):
        if action.startswith("post_") and isinstance(instance, source.model):
            index_object(source, instance)

    return on_m2m_changed


def connect_signals() -> None:
    for source in sources():
        uid = f"search.{source.kind}"
        post_save.connect(_on_save, sender=source.model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_on_delete, sender=source.model, dispatch_uid=f"{uid}.delete")
        for part, parent_of in source.parts:
            post_save.connect(
                _part_saved(source, parent_of),
                sender=part,
                weak=False,
                dispatch_uid=f"{uid}.part.{part._meta.label_lower}",
            )
        for through in source.m2m:
            m2m_changed.connect(
                _m2m_changed(source),
                sender=through,
                weak=False,
                dispatch_uid=f"{uid}.m2m.{through._meta.label_lower}",
            )
