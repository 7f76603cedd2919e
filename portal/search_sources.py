"""What the site search indexes, and how each kind of content becomes a `SearchEntry`.

This module sits on top (like `portal/urls.py`): it may import every app. Each source names
the rows everyone may see (`public`) and how one row reads as a document. Saving or deleting
a row re-indexes it in the same transaction (post_save/post_delete), so search never shows
what was just hidden; `manage.py rebuild_search_index` rebuilds everything in bulk.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article, CareInstruction, WarningSign
from blogs.models import BlogPost
from blogs.search import blog_post_document, public_blog_posts
from forums import search as forum_search
from forums.models import Post, Thread
from heroes.models import Hero
from heroes.search import hero_document, public_heroes
from portal.models import SearchEntry, SearchSynonym, SearchWord
from videos.models import Chapter, Video

BATCH = 2000
VOCABULARY_WORD = re.compile(r"[a-z][a-z'-]{2,59}")


def plain(*html_parts: str) -> str:
    """Text of sanitised HTML fields, for indexing and snippets."""
    return " ".join(strip_tags(part) for part in html_parts if part).strip()


@dataclass(frozen=True)
class Source:
    kind: str
    label: str
    model: type[Model]
    public: Callable[[], QuerySet]
    document: Callable[[Model], dict]
    # Other rows whose visibility or text follows this one (a thread's replies).
    dependents: Callable[[Model], Iterable[tuple["Source", QuerySet]]] = field(
        default=lambda obj: ()
    )
    # A save limited to other fields (counters, timestamps) leaves the entry as it is.
    fields: frozenset[str] | None = None


# --- articles ----------------------------------------------------------------------------


def _public_articles() -> QuerySet:
    return (
        Article.objects.published()
        .select_related("body_part")
        .prefetch_related("care_instructions", "warning_signs")
    )


def _article_document(article: Article) -> dict:
    lists = [item.text_html for item in article.care_instructions.all()] + [
        sign.text_html for sign in article.warning_signs.all()
    ]
    return {
        "title": article.title,
        "other_names": "  ".join(article.other_names_list),  # two spaces keep names apart
        "body": plain(
            article.summary_html,
            article.why_done_html,
            article.description_html,
            *lists,
            article.restrictions_html,
            article.risks_html,
            article.medicines_html,
        ),
        "url": article.get_absolute_url(),
        "body_part_slug": article.body_part.slug,
        "visible_from": article.published_at or article.created_at,
    }


# --- videos ------------------------------------------------------------------------------


def _public_videos() -> QuerySet:
    return Video.objects.published().prefetch_related("chapters", "related_articles__body_part")


def _video_document(video: Video) -> dict:
    articles = list(video.related_articles.all())
    return {
        "title": video.title,
        "other_names": " ".join(article.title for article in articles),
        "body": plain(
            video.summary_html,
            " ".join(chapter.title for chapter in video.chapters.all()),
            video.transcript_html,
        ),
        "url": video.get_absolute_url(),
        "body_part_slug": articles[0].body_part.slug if articles else "",
        "visible_from": video.published_at or timezone.now(),
    }


# --- forums: threads (title + opening post) and replies -------------------------------------


def _thread_dependents(thread: Thread):
    return [(source_for(Post), forum_search.replies_of(thread))]


SOURCES: list[Source] = [
    Source("article", "Articles", Article, _public_articles, _article_document),
    Source("video", "Videos", Video, _public_videos, _video_document),
    Source("blogpost", "Blog posts", BlogPost, public_blog_posts, blog_post_document),
    Source("hero", "Heroes", Hero, public_heroes, hero_document),
    Source(
        "thread", "Forum threads", Thread, forum_search.public_threads,
        forum_search.thread_document, _thread_dependents,
        frozenset(forum_search.THREAD_SEARCH_FIELDS),
    ),
    Source(
        "post", "Forum replies", Post, forum_search.public_replies,
        forum_search.reply_document, fields=frozenset(forum_search.POST_SEARCH_FIELDS),
    ),
]  # fmt: skip


def sources() -> list[Source]:
    return SOURCES


def source_for(model: type[Model]) -> Source | None:
    return next((s for s in SOURCES if s.model is model), None)


# --- indexing ------------------------------------------------------------------------------


def _entry(source: Source, obj: Model, content_type: ContentType) -> SearchEntry:
    document = source.document(obj)
    document["title"] = document["title"][:300]
    return SearchEntry(content_type=content_type, object_id=obj.pk, kind=source.kind, **document)


def index_object(source: Source, obj: Model) -> None:
    """Add, refresh or drop one row's entry, depending on whether everyone may see it."""
    content_type = ContentType.objects.get_for_model(source.model)
    public = source.public().filter(pk=obj.pk).first()
    with transaction.atomic():
        SearchEntry.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        if public is not None:
            _entry(source, public, content_type).save()
            _add_words([public.pk], source)
        for dependent_source, queryset in source.dependents(obj):
            index_queryset(dependent_source, queryset)


def index_queryset(source: Source, queryset: QuerySet) -> int:
    """Re-index the given rows of one source in bulk (drop all, add back the public ones)."""
    content_type = ContentType.objects.get_for_model(source.model)
    ids = list(queryset.values_list("pk", flat=True))
    SearchEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()
    return _bulk_add(source, source.public().filter(pk__in=ids), content_type)


def _bulk_add(source: Source, queryset: QuerySet, content_type: ContentType) -> int:
    batch, total = [], 0
    for obj in queryset.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(_entry(source, obj, content_type))
        if len(batch) >= BATCH:
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    return total + len(batch)


def rebuild(kind: str = "", progress: Callable[[str], None] = lambda message: None) -> int:
    total = 0
    for source in SOURCES:
        if kind and source.kind != kind:
            continue
        content_type = ContentType.objects.get_for_model(source.model)
        with transaction.atomic():
            SearchEntry.objects.filter(content_type=content_type).delete()
            count = _bulk_add(source, source.public(), content_type)
        progress(f"{source.label}: {count}")
        total += count
    rebuild_vocabulary()
    return total


def rebuild_vocabulary() -> int:
    """Words of titles, other names and synonyms: what "did you mean" may suggest."""
    words: set[str] = set()
    titles = SearchEntry.objects.values_list("title", "other_names").iterator(chunk_size=BATCH)
    for title, other_names in titles:
        words.update(VOCABULARY_WORD.findall(f"{title} {other_names}".lower()))
    for synonym in SearchSynonym.objects.all():
        words.update(VOCABULARY_WORD.findall(f"{synonym.term} {synonym.synonyms}".lower()))
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create([SearchWord(word=w) for w in sorted(words)], BATCH)
    return len(words)


def _add_words(ids: list[int], source: Source) -> None:
    content_type = ContentType.objects.get_for_model(source.model)
    texts = SearchEntry.objects.filter(content_type=content_type, object_id__in=ids)
    words = set()
    for title, other_names in texts.values_list("title", "other_names"):
        words.update(VOCABULARY_WORD.findall(f"{title} {other_names}".lower()))
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True)


# --- keeping the index current -------------------------------------------------------------


def _on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    source = source_for(sender)
    if raw or source is None:
        return
    limited = update_fields is not None and source.fields is not None
    if limited and source.fields.isdisjoint(update_fields):
        return
    index_object(source, instance)
    if isinstance(instance, Post) and instance.number == 1:
        index_object(source_for(Thread), instance.thread)  # the opening post is the thread's text


def _on_delete(sender, instance, **kwargs):
    content_type = ContentType.objects.get_for_model(sender)
    SearchEntry.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def _on_part_saved(sender, instance, raw=False, **kwargs):
    """A care instruction, warning sign or chapter is part of its parent's text."""
    if raw:
        return
    parent = instance.article if hasattr(instance, "article") else instance.video
    index_object(source_for(type(parent)), parent)


def _on_video_articles_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Video):
        index_object(source_for(Video), instance)


def connect_signals() -> None:
    for source in SOURCES:
        uid = f"search.{source.kind}"
        post_save.connect(_on_save, sender=source.model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_on_delete, sender=source.model, dispatch_uid=f"{uid}.delete")
    for part in (CareInstruction, WarningSign, Chapter):
        uid = f"search.part.{part.__name__}"
        post_save.connect(_on_part_saved, sender=part, dispatch_uid=uid)
    m2m_changed.connect(
        _on_video_articles_changed,
        sender=Video.related_articles.through,
        dispatch_uid="search.video.articles",
    )
