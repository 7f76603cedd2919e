"""A large, deterministic forum for the benchmark (`manage.py make_bench_data`).

Rows are built in memory batch by batch and written with bulk inserts (no signals, no
per-row saves); counters are computed as the rows are made, then set in a few UPDATEs.
The same arguments always give the same rows: a seeded random generator and fixed dates.
"""

import datetime
import random
import time
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Count, OuterRef, Subquery

from accounts.models import User
from core.markdown import render_markdown
from forums.models import Forum, Post, Thread

PREFIX = "bench-"
BIG_FORUM = "bench-big"
LONG_THREAD_TITLE = "Bench: the 200-post thread"
LONG_THREAD_POSTS = 200
OTHER_FORUMS = 5
BATCH = 5000
EPOCH = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
WORDS = [
    "knee",
    "hip",
    "shoulder",
    "surgery",
    "recovery",
    "physio",
    "swelling",
    "ice",
    "crutches",
    "week",
    "day",
    "pain",
    "sleep",
    "walk",
    "stairs",
    "brace",
    "graft",
    "stitches",
    "dressing",
    "exercises",
    "bend",
    "straighten",
    "doctor",
    "nurse",
    "rest",
    "hope",
    "better",
    "slowly",
    "patience",
    "thanks",
    "support",
    "helpful",
    "morning",
    "night",
    "progress",
]


class BenchData:
    def __init__(self, *, threads: int, posts: int, members: int, seed: int, out: Callable):
        if posts < threads:
            raise ValueError("Every thread needs a first post: --posts must be >= --threads.")
        self.threads, self.posts, self.members = threads, posts, members
        self.random = random.Random(seed)
        self.out = out
        self.started = time.monotonic()
        self.bodies = [self._body() for _ in range(64)]

    def _say(self, message: str) -> None:
        self.out(f"[{time.monotonic() - self.started:6.1f}s] {message}")

    def _body(self) -> tuple[str, str]:
        sentences = [
            " ".join(self.random.choice(WORDS) for _ in range(self.random.randint(6, 16)))
            for _ in range(self.random.randint(1, 4))
        ]
        source = ". ".join(sentence.capitalize() for sentence in sentences) + "."
        return source, render_markdown(source)

    def exists(self) -> bool:
        return Forum.objects.filter(slug=BIG_FORUM).exists()

    def build(self) -> None:
        with transaction.atomic():
            users = self._users()
            forums = self._forums()
            plan = self._plan(forums)
            threads = self._threads(plan, users)
            self._posts(threads, plan, users)
            self._analyze()  # statistics first: the counters' queries plan badly without them
            self._counters(forums)
        self._analyze()
        self._say("Done.")

    def _users(self) -> list[int]:
        password = make_password("bench-member-password")
        joined = EPOCH - datetime.timedelta(days=365)
        for start in range(0, self.members, BATCH):
            User.objects.bulk_create(
                User(username=f"{PREFIX}member{n:05d}", email=f"{PREFIX}member{n:05d}@example.com",
                     password=password, date_joined=joined)
                for n in range(start, min(start + BATCH, self.members))
            )  # fmt: skip
            self._say(f"members {min(start + BATCH, self.members)}/{self.members}")
        return list(
            User.objects.filter(username__startswith=PREFIX)
            .order_by("pk")
            .values_list("pk", flat=True)
        )

    def _forums(self) -> list[Forum]:
        forums = [Forum.objects.create(name="Bench: the big forum", slug=BIG_FORUM, position=100)]
        for n in range(1, OTHER_FORUMS + 1):
            forums.append(
                Forum.objects.create(name=f"Bench forum {n}", slug=f"{PREFIX}{n}", position=100 + n)
            )
        return forums

    def _plan(self, forums: list[Forum]) -> list[tuple[Forum, int]]:
        """(forum, number of posts) per thread: 3/4 of threads (at least 15,000 when there
        are enough) in the big forum, the first one 200 posts long."""
        big = min(self.threads, max(15000, self.threads * 3 // 4))
        forum_of = [forums[0]] * big + [
            forums[1 + n % OTHER_FORUMS] for n in range(self.threads - big)
        ]
        sizes = [1] * self.threads
        long_size = min(LONG_THREAD_POSTS, self.posts - self.threads + 1)
        sizes[0] = long_size
        for _ in range(self.posts - self.threads - (long_size - 1)):
            sizes[self.random.randrange(1, self.threads) if self.threads > 1 else 0] += 1
        return list(zip(forum_of, sizes, strict=True))

    def _threads(self, plan, users: list[int]) -> list[Thread]:
        made = []
        span = 3 * 365 * 24 * 3600
        for start in range(0, len(plan), BATCH):
            batch = []
            for n in range(start, min(start + BATCH, len(plan))):
                forum, size = plan[n]
                created = EPOCH + datetime.timedelta(seconds=self.random.randrange(span))
                title = LONG_THREAD_TITLE if n == 0 else self._title(n)
                batch.append(
                    Thread(
                        forum=forum, title=title, slug=_slug(title), author_id=self.random.choice(users),
                        created_at=created, last_post_at=created + datetime.timedelta(hours=size - 1),
                        reply_count=size - 1, last_post_number=size,
                        view_count=self.random.randrange(10, 5000),
                    )
                )  # fmt: skip
            made.extend(Thread.objects.bulk_create(batch))
            self._say(f"threads {len(made)}/{len(plan)}")
        return made

    def _title(self, n: int) -> str:
        words = " ".join(self.random.choice(WORDS) for _ in range(self.random.randint(3, 8)))
        return f"{words.capitalize()} ({n})"

    def _posts(self, threads: list[Thread], plan, users: list[int]) -> None:
        batch, written = [], 0
        for thread, (_, size) in zip(threads, plan, strict=True):
            for number in range(1, size + 1):
                body, html = self.random.choice(self.bodies)
                batch.append(
                    Post(
                        thread_id=thread.pk, number=number, body=body, body_html=html,
                        author_id=thread.author_id if number == 1 else self.random.choice(users),
                        created_at=thread.created_at + datetime.timedelta(hours=number - 1),
                    )
                )  # fmt: skip
            if len(batch) >= BATCH:
                written += self._flush(batch)
                batch = []
        written += self._flush(batch)

    def _flush(self, batch: list[Post]) -> int:
        if batch:
            Post.objects.bulk_create(batch)
            self._flushed = getattr(self, "_flushed", 0) + len(batch)
            self._say(f"posts {self._flushed}/{self.posts}")
        return len(batch)

    def _counters(self, forums: list[Forum]) -> None:
        last = Post.objects.filter(thread=OuterRef("pk"), number=OuterRef("last_post_number"))
        Thread.objects.filter(forum__in=forums).update(last_post=Subquery(last.values("pk")[:1]))
        for forum in forums:
            forum.recount()
        counts = (
            Post.objects.filter(author=OuterRef("pk"))
            .order_by()
            .values("author")
            .annotate(total=Count("pk"))
            .values("total")
        )
        User.objects.filter(username__startswith=PREFIX).update(post_count=Subquery(counts))
        self._say("counters set")

    def _analyze(self) -> None:
        """Fresh statistics, and (outside a transaction) a visibility map, so the listing
        index serves deep pages with index-only scans."""
        if connection.vendor != "postgresql":
            return
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for table in ("forums_thread", "forums_post", "forums_forum", "accounts_user"):
                cursor.execute(f"{command} {table}")
        self._say(f"{command} done")


def _slug(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title)[:160] or "thread"
