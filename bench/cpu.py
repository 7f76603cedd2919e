"""Milliseconds per request of each benchmark page, in one process (Django's test client: no
network, no other requests competing), anonymous with the page cache off and logged in.
A steadier reading than wrk on a busy machine, for finding where the time goes.
With --writes, also the two writes of the traffic mix (`make bench-mix`): a sign-in (with the
production password hasher) and a reply (posting limits off; the replies stay in the bench
database, as the mix's do).

With --breakdown, each page's wall-clock, CPU (this process) and SQL milliseconds and its
query count: on a busy machine the CPU time and the query count stay readable.

    .venv/bin/python bench/cpu.py [--requests 30] [--writes] [--statistic min] [--breakdown]
"""

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # bench/run.py: the same settings and pages


@dataclass
class Cost:
    wall: float  # ms, the chosen statistic of the requests' wall-clock times
    cpu: float  # ms, median CPU time of this process (no waiting for a core, no PostgreSQL)
    sql: float  # ms, median wall-clock time inside the database calls
    queries: int  # of the last request


class SqlClock:
    """A database execute wrapper: the wall-clock seconds of each query."""

    def __init__(self):
        self.seconds: list[float] = []

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds.append(time.perf_counter() - began)


def timed(client, path: str, requests: int, statistic: str = "median") -> Cost:
    from django.db import connection

    for _ in range(3):
        assert client.get(path).status_code == 200, path
    walls, cpus, sqls = [], [], []
    for _ in range(requests):
        clock = SqlClock()
        with connection.execute_wrapper(clock):
            started, cpu = time.perf_counter(), time.process_time()
            client.get(path)
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        sqls.append(sum(clock.seconds) * 1000)
    # On a busy machine the minimum is the steadier estimate of a page's own time
    # (contention only ever adds time), and the CPU time the steadier one of its Python cost.
    wall = statistics.median(walls) if statistic == "median" else min(walls)
    return Cost(wall, statistics.median(cpus), statistics.median(sqls), len(clock.seconds))


def timed_writes(member_client, requests: int) -> dict[str, float]:
    """Milliseconds of a sign-in POST and of a reply POST (medians)."""
    import uuid

    from django.test import Client
    from django.urls import reverse

    from bench.data.forums import PREFIX
    from bench.mix import SIGN_IN_PASSWORD
    from forums.models import Thread

    run.verified_addresses([f"{PREFIX}member00400"])
    sign_ins, replies = [], []
    thread = Thread.objects.filter(is_locked=False).order_by("pk")[1000]
    reply_url = reverse("forums:post_create", args=[thread.pk])
    for _ in range(requests):
        visitor = Client()
        started = time.perf_counter()
        answer = visitor.post("/accounts/login/", {"login": f"{PREFIX}member00400",
                                                   "password": SIGN_IN_PASSWORD})  # fmt: skip
        sign_ins.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 302 and answer["Location"] == "/", answer.status_code
        started = time.perf_counter()
        answer = member_client.post(reply_url, {"body": "Thank you, this helped with my knee.",
                                                "form_token": str(uuid.uuid4())})  # fmt: skip
        replies.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 302, answer.status_code
    return {"sign-in (POST)": statistics.median(sign_ins),
            "reply (POST)": statistics.median(replies)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", run.DEFAULT_DATABASE_URL)
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", run.DEFAULT_REDIS_URL)
    )
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--writes", action="store_true", help="also a sign-in and a reply")
    parser.add_argument(
        "--statistic",
        choices=["median", "min"],
        default="median",
        help="of the wall-clock times (the minimum on a busy machine)",
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="wall, CPU and SQL milliseconds and the query count per page",
    )
    args = parser.parse_args()
    env = run.server_env(args.database_url, args.redis_url, cache_seconds=0)
    env["PORTAL_POSTING_LIMITS"] = "0"
    env["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    run.setup_django(env)
    from django.test import Client

    from accounts.models import User
    from bench.data import BENCH_MEMBER

    anonymous, member = Client(), Client()
    member.force_login(User.objects.get(username=BENCH_MEMBER))
    pages = [run.Page("baseline (minimal view)", run.BASELINE), *run.bench_pages()]
    if args.breakdown:
        run.say(
            "| page | anonymous: wall / CPU / SQL ms, queries | member: wall / CPU / SQL ms, queries |"
        )
        run.say("| --- | ---: | ---: |")
    else:
        run.say(
            f"| page | anonymous, uncached ms ({args.statistic}) | logged in ms ({args.statistic}) |"
        )
        run.say("| --- | ---: | ---: |")
    for page in pages:
        alone = timed(anonymous, page.path, args.requests, args.statistic)
        logged_in = timed(member, page.path, args.requests, args.statistic)
        if args.breakdown:
            run.say(
                f"| {page.name} | {alone.wall:.1f} / {alone.cpu:.1f} / {alone.sql:.1f}, "
                f"{alone.queries} | {logged_in.wall:.1f} / {logged_in.cpu:.1f} / "
                f"{logged_in.sql:.1f}, {logged_in.queries} |"
            )
        else:
            run.say(f"| {page.name} | {alone.wall:.1f} | {logged_in.wall:.1f} |")
    if args.writes:
        for name, ms in timed_writes(member, max(5, args.requests // 3)).items():
            run.say(f"| {name} | – | {ms:.1f} |")


if __name__ == "__main__":
    main()
