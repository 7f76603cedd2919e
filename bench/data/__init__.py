"""The benchmark's large data set (issue 6), built by `manage.py make_bench_data`.

The dev-only `bench` app sits on top (like `portal`) and calls one builder per content app
(`bench/data/<app>.py`): members, forums, threads and posts; articles; blogs and blog posts;
videos. Every builder is deterministic (seeded, fixed dates) and writes with bulk inserts,
without signals; the search index is then rebuilt in bulk. A part that is there already is
left alone, so running the command again does nothing (drop the database to rebuild).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection

from accounts.models import User
from bench.data import articles as article_bench
from bench.data import blogs as blog_bench
from bench.data import forums as forum_bench
from bench.data import videos as video_bench
from search import indexing
from search.models import SearchEntry

COMMON_WORD = "knee"
RARE_WORD = article_bench.RARE_WORD
BENCH_MEMBER = f"{forum_bench.PREFIX}member00000"


@dataclass
class Sizes:
    threads: int = 20_000
    posts: int = 200_000
    members: int = 5_000
    articles: int = 300
    blogs: int = 1_000
    blog_posts: int = 10_000
    videos: int = 200
    seed: int = 2018


@dataclass
class Report:
    seconds: dict[str, float] = field(default_factory=dict)  # part -> seconds (built parts)
    skipped: list[str] = field(default_factory=list)
    index_seconds: float | None = None
    indexed: int = 0
    total_seconds: float = 0.0
    database_bytes: int | None = None


def build(sizes: Sizes, out: Callable[[str], None] = lambda message: None) -> Report:
    report = Report()
    started = time.monotonic()

    def part(name: str, count: int, exists: Callable[[], bool], make: Callable[[], None]) -> None:
        if not count:
            return
        if exists():
            report.skipped.append(name)
            out(f"{name}: already there, left alone")
            return
        began = time.monotonic()
        make()
        report.seconds[name] = time.monotonic() - began
        out(f"{name}: {report.seconds[name]:.1f} s")

    forums = forum_bench.BenchData(
        threads=sizes.threads, posts=sizes.posts, members=sizes.members, seed=sizes.seed, out=out
    )
    part("forums", sizes.threads, forums.exists, forums.build)
    part(
        "articles",
        sizes.articles,
        article_bench.exists,
        lambda: article_bench.build(count=sizes.articles, seed=sizes.seed + 1, out=out),
    )
    article_ids = article_bench.existing_ids()
    members = list(
        User.objects.filter(username__startswith=forum_bench.PREFIX)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    part(
        "blogs",
        sizes.blog_posts,
        blog_bench.exists,
        lambda: blog_bench.build(
            posts=sizes.blog_posts,
            blogs=sizes.blogs,
            owners=members,
            article_ids=article_ids,
            seed=sizes.seed + 2,
            out=out,
        ),  # fmt: skip
    )
    part(
        "videos",
        sizes.videos,
        video_bench.exists,
        lambda: video_bench.build(
            count=sizes.videos, article_ids=article_ids, seed=sizes.seed + 3, out=out
        ),
    )
    if report.seconds or not SearchEntry.objects.exists():
        began = time.monotonic()
        report.indexed = indexing.rebuild(progress=lambda line: out(f"search index: {line}"))
        report.index_seconds = time.monotonic() - began
        out(f"search index: {report.indexed} entries in {report.index_seconds:.1f} s")
        _analyze(out)
    report.total_seconds = time.monotonic() - started
    report.database_bytes = database_bytes()
    return report


def _analyze(out: Callable[[str], None]) -> None:
    """Fresh statistics and (outside a transaction) visibility maps for index-only scans."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    began = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    out(f"VACUUM ANALYZE: {time.monotonic() - began:.1f} s")


def database_bytes() -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]
