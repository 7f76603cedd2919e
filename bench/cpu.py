"""Milliseconds per request of each benchmark page, in one process (Django's test client: no
network, no other requests competing), anonymous with the page cache off and logged in.
A steadier reading than wrk on a busy machine, for finding where the time goes.

    .venv/bin/python bench/cpu.py [--requests 30]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # bench/run.py: the same settings and pages


def timed(client, path: str, requests: int) -> float:
    for _ in range(3):
        assert client.get(path).status_code == 200, path
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=run.DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=run.DEFAULT_REDIS_URL)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    env = run.server_env(args.database_url, args.redis_url, cache_seconds=0)
    env["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    run.setup_django(env)
    from django.test import Client

    from accounts.models import User
    from bench.data import BENCH_MEMBER

    anonymous, member = Client(), Client()
    member.force_login(User.objects.get(username=BENCH_MEMBER))
    pages = [run.Page("baseline (minimal view)", run.BASELINE), *run.bench_pages()]
    run.say("| page | anonymous, uncached ms | logged in ms |")
    run.say("| --- | ---: | ---: |")
    for page in pages:
        alone = timed(anonymous, page.path, args.requests)
        logged_in = timed(member, page.path, args.requests)
        run.say(f"| {page.name} | {alone:.1f} | {logged_in:.1f} |")


if __name__ == "__main__":
    main()
