"""`make bench`: anonymous requests/s and p50/p99 latency of the forum pages, measured with
wrk against gunicorn (DEBUG off, no page cache) on the large data set of
`manage.py make_bench_data`, each page as a ratio to a minimal Django view (the baseline)
served by the same server in the same run.

    .venv/bin/python bench/run.py --prepare   # create, migrate and fill the bench database
    .venv/bin/python bench/run.py             # measure (prepares first if needed)

Everything runs on 127.0.0.1; wrk runs for a bounded time per page.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres:///portal_bench"


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def server_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="WARNING",
        PORTAL_PAGE_CACHE_SECONDS="0",
        PORTAL_BENCH="1",
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(database_url: str, env: dict) -> None:
    name = urlparse(database_url).path.lstrip("/")
    listed = subprocess.run(["psql", "-lqtA"], capture_output=True, text=True, check=True)
    if name not in {line.split("|")[0] for line in listed.stdout.splitlines()}:
        say(f"Creating database {name}")
        subprocess.run(["createdb", name], check=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "make_bench_data")
    manage(env, "collectstatic", "--noinput", "-v0")


def bench_urls(env: dict) -> list[tuple[str, str]]:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from forums.benchdata import BIG_FORUM, LONG_THREAD_TITLE
    from forums.models import Thread

    thread = Thread.objects.get(title=LONG_THREAD_TITLE)
    return [
        ("baseline (minimal view)", "/forums/bench-baseline/"),
        ("forum index", "/forums/"),
        ("big forum, page 1", f"/forums/{BIG_FORUM}/"),
        ("big forum, page 500", f"/forums/{BIG_FORUM}/?page=500"),
        ("200-post thread, page 1", f"{thread.get_absolute_url()}?page=1"),
        ("200-post thread, last page", f"{thread.get_absolute_url()}?page={thread.page_count}"),
    ]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer {url} in {timeout}s.")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * UNITS[unit]


def run_wrk(url: str, *, duration: int, connections: int, threads: int) -> dict:
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True, text=True, check=True, timeout=duration + 30,
    )  # fmt: skip
    out = result.stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def median_round(results: list[dict]) -> dict:
    """The round with the median requests/s (its own p50 and p99 go with it)."""
    ordered = sorted(results, key=lambda r: r["rps"])
    return ordered[len(ordered) // 2]


def table(rows: list[tuple[str, dict]], baseline: float) -> str:
    lines = [
        "| page | req/s | p50 ms | p99 ms | vs baseline |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
            f"{100 * r['rps'] / baseline:.0f}% |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prepare", action="store_true", help="only build the bench database")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument("--port", type=int, default=8199)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--duration", type=int, default=5, help="seconds per page and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("The benchmark runs on PostgreSQL: set BENCH_DATABASE_URL=postgres:///…")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk).")
    env = server_env(args.database_url)
    prepare(args.database_url, env)
    if args.prepare:
        return
    pages = bench_urls(env)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{args.port}",
         "-w", str(args.workers), "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        for _, path in pages:
            wait_for(base + path)  # warm up, and fail loudly on a broken page
        rounds: dict[str, list[dict]] = {name: [] for name, _ in pages}
        for number in range(1, args.rounds + 1):
            # Pages take turns, round after round, so a busy moment on the machine hits
            # every page alike; the table shows each page's median round.
            for name, path in pages:
                result = run_wrk(base + path, duration=args.duration,
                                 connections=args.connections, threads=2)  # fmt: skip
                rounds[name].append(result)
                say(f"round {number}  {name:28} {result['rps']:8.0f} req/s  "
                    f"p50 {result['p50']:6.1f} ms  p99 {result['p99']:6.1f} ms  "
                    f"errors {result['errors']}")  # fmt: skip
        rows = [(name, median_round(rounds[name])) for name, _ in pages]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    report = table(rows, rows[0][1]["rps"])
    say()
    say(report)
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    (results / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
