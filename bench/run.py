"""`make bench`: requests/s and p50/p99 latency of the portal's pages on the large data set of
`manage.py make_bench_data`, measured with wrk against gunicorn (DEBUG off, Redis cache as in
production), each as a ratio to a minimal Django view (the baseline) measured in the same
server run.

Every page is measured three ways:
- anonymous, page cache on: the page is warmed first and must answer `X-Page-Cache: hit`;
- anonymous, page cache off: a second server run with PORTAL_PAGE_CACHE_SECONDS=0;
- logged in: a bench member's session cookie (made with Django's session engine), in the
  first server run (pages for members are never served from the page cache).

    .venv/bin/python bench/run.py --prepare   # create, migrate and fill the bench database
    .venv/bin/python bench/run.py             # measure (prepares first if needed)

Everything runs on 127.0.0.1; wrk runs for a bounded time per page and round.
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
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres:///portal_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"
BASELINE = "/bench/baseline/"
# The page cache leaves requests with an Authorization header alone: the baseline is then
# always the minimal view itself, never a copy from the cache.
BYPASS_CACHE = "Authorization: Bench none"


@dataclass
class Page:
    name: str
    path: str
    member: bool = True  # also measured logged in


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def server_env(database_url: str, redis_url: str, cache_seconds: int) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="WARNING",
        PORTAL_PAGE_CACHE_SECONDS=str(cache_seconds),
        PORTAL_BENCH="1",
    )
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


def setup_django(env: dict) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


def nth(items, position: int):
    """The item at `position` of the default data set; the middle one of a smaller set
    (`make_bench_data` with smaller sizes, for measuring how a page's cost grows)."""
    count = items.count()
    return items[position if position < count else count // 2]


def bench_pages() -> list[Page]:
    from articles.models import Article
    from bench.data import COMMON_WORD, RARE_WORD
    from bench.data.forums import BIG_FORUM, LONG_THREAD_TITLE
    from blogs.models import BlogPost
    from forums.models import Thread
    from videos.models import Video

    thread = Thread.objects.get(title=LONG_THREAD_TITLE)
    article = Article.objects.published().filter(slug__startswith="bench-article-")
    blog_post = BlogPost.objects.published().filter(title__contains="(bench ")
    video = Video.objects.published().filter(slug__startswith="bench-video-")
    return [
        Page("home", "/"),
        Page("article", nth(article.order_by("slug"), 150).get_absolute_url()),
        Page("blog post", nth(blog_post.order_by("pk"), 5000).get_absolute_url()),
        Page("video", nth(video.order_by("slug"), 100).get_absolute_url()),
        Page(f'search "{COMMON_WORD}" (common)', f"/search/?q={COMMON_WORD}"),
        Page(f'search "{RARE_WORD}" (rare)', f"/search/?q={RARE_WORD}"),
        Page("forum index", "/forums/"),
        Page("big forum (15,000 threads), page 1", f"/forums/{BIG_FORUM}/"),
        Page("big forum, page 500", f"/forums/{BIG_FORUM}/?page=500"),
        Page("200-post thread, page 1", f"{thread.get_absolute_url()}?page=1"),
        Page("200-post thread, last page", f"{thread.get_absolute_url()}?page={thread.page_count}"),
        # The same pages in Spanish: what the second language costs (catalogue, prefixed URLs).
        Page("home, in Spanish", "/es/"),
        Page("big forum, page 1, in Spanish", f"/es/forums/{BIG_FORUM}/"),
        Page("200-post thread, page 1, in Spanish", f"/es{thread.get_absolute_url()}?page=1"),
    ]


MIX_HEAD = ["/", "/forums/", "/articles/", "/blogs/", "/videos/"]


def mix_paths(seed: int = 13) -> tuple[list[str], list[str]]:
    """Every page of the traffic mix, most popular first (the home and section indexes, then
    every thread page, article, blog post and video in a seeded shuffle), and the reply URLs
    of the threads that take replies, in the same popularity order."""
    from django.contrib.auth.models import AnonymousUser
    from django.urls import reverse

    from articles.models import Article
    from bench import mix
    from blogs.models import BlogPost
    from forums.models import Thread
    from videos.models import Video

    threads = Thread.objects.visible_to(AnonymousUser()).only(
        "pk", "slug", "last_post_number", "is_locked"
    )
    pages, thread_of = [], {}
    for thread in threads.iterator(chunk_size=5000):
        first = thread.get_absolute_url()
        pages.append(first)
        pages += [f"{first}?page={n}" for n in range(2, thread.page_count + 1)]
        if not thread.is_locked:
            thread_of[first] = thread.pk
    pages += [a.get_absolute_url() for a in Article.objects.published().only("slug")]
    posts = (
        BlogPost.objects.published().select_related("author").only("pk", "slug", "author__username")
    )
    pages += [post.get_absolute_url() for post in posts.iterator(chunk_size=5000)]
    pages += [video.get_absolute_url() for video in Video.objects.published().only("slug")]
    ordered = mix.popularity_order(MIX_HEAD, pages, seed)
    replies = [
        reverse("forums:post_create", args=[thread_of[path]])
        for path in ordered
        if path in thread_of
    ]
    return ordered, replies


def session_cookie(username: str = "") -> str:
    """A session for a bench member, made by Django's session engine: `name=value`."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.models import User
    from bench.data import BENCH_MEMBER

    member = User.objects.get(username=username or BENCH_MEMBER)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(member.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = member.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def flush_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read().decode()


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if fetch(url)[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer {url} in {timeout}s.")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * UNITS[unit]


def run_wrk(url: str, *, duration: int, connections: int, threads: int, header: str = "") -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    if header:
        command += ["-H", header]
    result = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 30
    )
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


class Server:
    def __init__(self, env: dict, port: int, workers: int):
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}",
             "-w", str(workers), "--access-logfile", "/dev/null", "--log-level", "warning"],
            cwd=ROOT, env=env, start_new_session=True,
        )  # fmt: skip

    def __enter__(self):
        wait_for(self.base + BASELINE)
        return self

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def check_cached(base: str, page: Page) -> bool:
    """Warm the page; True when the next request is answered from the page cache."""
    for _ in range(3):
        status, headers, _ = fetch(base + page.path)
        if status == 200 and headers.get("X-Page-Cache") == "hit":
            return True
    return False


def check_member(base: str, page: Page, cookie: str) -> None:
    status, headers, body = fetch(base + page.path, {"Cookie": cookie})
    from bench.data import BENCH_MEMBER

    if status != 200 or "X-Page-Cache" in headers or BENCH_MEMBER not in body:
        raise SystemExit(f"{page.name}: not a member's own page (status {status}).")


def measure(server: Server, jobs: list[tuple], args, before=None) -> dict[str, dict]:
    """jobs: (key, path, header[, connections]). Rounds interleave the jobs, so a busy moment
    on the machine hits every page alike; each job keeps its median round."""
    rounds: dict[str, list[dict]] = {job[0]: [] for job in jobs}
    for number in range(1, args.rounds + 1):
        for key, path, header, *single in jobs:
            if before:
                before(key)
            connections = single[0] if single else args.connections
            result = run_wrk(server.base + path, duration=args.duration,
                             connections=connections, threads=min(2, connections),
                             header=header)  # fmt: skip
            rounds[key].append(result)
            say(f"round {number}  {key:52} {result['rps']:7.0f} req/s  "
                f"p50 {result['p50']:7.1f} ms  p99 {result['p99']:7.1f} ms  "
                f"errors {result['errors']}")  # fmt: skip
    return {key: median_round(results) for key, results in rounds.items()}


def cell(result: dict | None, baseline: float) -> str:
    if result is None:
        return "| – | – | – "
    errors = f" ({result['errors']} errors)" if result["errors"] else ""
    return (
        f"| {result['rps']:.0f} | {100 * result['rps'] / baseline:.0f}% | "
        f"{result['p50']:.1f} / {result['p99']:.1f}{errors} "
    )


def table(pages, cached, uncached, member, base_on, base_off, lost) -> str:
    lines = [
        "| page | cached req/s | vs base | p50 / p99 ms "
        "| uncached req/s | vs base | p50 / p99 ms "
        "| logged-in req/s | vs base | p50 / p99 ms |",
        "| --- " + "| ---: " * 9 + "|",
        f"| baseline (minimal view) {cell(cached['baseline'], base_on)}"
        f"{cell(uncached['baseline'], base_off)}{cell(member['baseline'], base_on)}|",
    ]
    for page in pages:
        name = page.name + (" ¹" if page.name in lost else "")
        lines.append(
            f"| {name} {cell(cached.get(page.name), base_on)}"
            f"{cell(uncached.get(page.name), base_off)}{cell(member.get(page.name), base_on)}|"
        )
    if lost:
        lines.append("")
        lines.append("¹ The page was not a cache hit after some rounds (see the log).")
    return "\n".join(lines)


def verified_addresses(usernames: list[str]) -> None:
    """The sign-in members' addresses marked confirmed, as a real member's are (sign-in
    requires it); idempotent."""
    from allauth.account.models import EmailAddress

    from accounts.models import User

    addresses = EmailAddress.objects.filter(user__username__in=usernames)
    addresses.update(verified=True, primary=True)
    known = set(addresses.values_list("user__username", flat=True))
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in User.objects.filter(username__in=usernames).exclude(username__in=known)
    )


def measure_mix(args, env: dict) -> None:
    """The traffic mix in one server run, between rounds of the baseline measured with wrk
    as in `make bench` (the median round is the 100%)."""
    from django.conf import settings

    from bench import mix
    from bench.data.forums import PREFIX

    say("== Traffic mix: page cache on, posting limits off for the bench writer")
    paths, reply_paths = mix_paths()
    members = [f"{PREFIX}member{n:05d}" for n in range(1, mix.MEMBER_SESSIONS + 1)]
    member_cookies = [session_cookie(name) for name in members]
    writer_cookie = session_cookie(f"{PREFIX}member{mix.MEMBER_SESSIONS + 1:05d}")
    sign_ins = [f"{PREFIX}member{n:05d}" for n in range(100, 400)]
    verified_addresses(sign_ins)
    say(f"{len(paths)} paths, {len(reply_paths)} threads taking replies; the 100 most popular "
        f"get {100 * mix.ZipfPicker(paths).share_of_top(100):.0f}% of the reads")  # fmt: skip
    flush_redis(args.redis_url)
    # The writer posts far faster than members may; sign-ins arrive as through a balancer.
    env = {**env, "PORTAL_POSTING_LIMITS": "0", "DJANGO_BEHIND_PROXY": "1"}
    with Server(env, args.port, args.workers) as server:
        for path in paths[: len(MIX_HEAD)] * args.workers:  # every worker up and warm
            wait_for(server.base + path)  # fail loudly on a broken page
        baseline_rounds = []

        def baseline_round() -> None:
            result = run_wrk(server.base + BASELINE, duration=args.duration,
                             connections=args.connections, threads=2, header=BYPASS_CACHE)  # fmt: skip
            baseline_rounds.append(result)
            say(f"baseline (wrk) {result['rps']:7.0f} req/s  p50 {result['p50']:.1f} ms  "
                f"p99 {result['p99']:.1f} ms  errors {result['errors']}")  # fmt: skip

        baseline_round()
        name, _, value = BYPASS_CACHE.partition(": ")
        ceiling = mix.driver_ceiling(args.port, BASELINE, {name: value}, args.duration)
        say(f"baseline (the mix's Python driver) {ceiling:7.0f} req/s")
        baseline_round()
        load_before = mix.load_average()
        say(f"mix: {args.warmup_seconds} s warm-up, then {args.mix_seconds} s measured "
            f"(load average {load_before:.2f})")  # fmt: skip
        samples, seconds = mix.run_mix(
            args.port, paths=paths, reply_paths=reply_paths, member_cookies=member_cookies,
            writer_cookie=writer_cookie, sign_in_usernames=sign_ins,
            session_cookie_name=settings.SESSION_COOKIE_NAME,
            warmup=args.warmup_seconds, seconds=args.mix_seconds,
        )  # fmt: skip
        load_after = mix.load_average()
        baseline_round()
    baseline = median_round(baseline_rounds)
    summary = mix.summarize(samples, seconds, baseline["rps"])
    context = {"readers": mix.READERS, "sessions": len(member_cookies), "paths": len(paths),
               "load_before": load_before, "load_after": load_after,
               "cores": os.cpu_count(), "workers": args.workers}  # fmt: skip
    text = mix.report(summary, baseline, ceiling, context)
    say()
    say(text)
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    (results / f"bench-mix-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(text + "\n")
    if summary["errors"]:
        raise SystemExit(f"The traffic mix had {summary['errors']} errors.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prepare", action="store_true", help="only build the bench database")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help="the cache (flushed before each server run)",
    )  # fmt: skip
    parser.add_argument("--port", type=int, default=8199)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--duration", type=int, default=5, help="seconds per page and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    parser.add_argument(
        "--mix",
        action="store_true",
        help="the traffic mix (bench/mix.py) against the baseline instead",
    )
    parser.add_argument("--mix-seconds", type=int, default=60, help="the mix's measured time")
    parser.add_argument("--warmup-seconds", type=int, default=10,
                        help="the mix's load before it is measured")  # fmt: skip
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("The benchmark runs on PostgreSQL: set BENCH_DATABASE_URL=postgres:///…")
    if urlparse(args.redis_url).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("The benchmark uses a local Redis only (127.0.0.1).")
    on = server_env(args.database_url, args.redis_url, cache_seconds=300)
    off = server_env(args.database_url, args.redis_url, cache_seconds=0)
    if not args.prepare and shutil.which("wrk") is None:  # only measuring needs wrk
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk).")
    prepare(args.database_url, on)
    if args.prepare:
        return
    setup_django(on)
    if args.mix:
        measure_mix(args, on)
        return
    pages = [page for page in bench_pages() if args.only.lower() in page.name.lower()]
    lost: set[str] = set()

    say("== Server run 1: page cache on (anonymous from the cache; logged in)")
    flush_redis(args.redis_url)
    cookie = f"Cookie: {session_cookie()}"
    with Server(on, args.port, args.workers) as server:
        for page in pages:
            wait_for(server.base + page.path)  # fail loudly on a broken page
            if not check_cached(server.base, page):
                raise SystemExit(f"{page.name}: no X-Page-Cache: hit after warming.")
            if page.member:
                check_member(server.base, page, cookie.split(": ", 1)[1])

        def rewarm(key: str) -> None:
            page = next((p for p in pages if f"anonymous: {p.name}" == key), None)
            if page and not check_cached(server.base, page):
                lost.add(page.name)

        jobs = [("baseline", BASELINE, BYPASS_CACHE)]
        jobs += [(f"anonymous: {p.name}", p.path, "") for p in pages]
        jobs += [(f"member: {p.name}", p.path, cookie) for p in pages if p.member]
        first = measure(server, jobs, args, before=rewarm)
        for page in pages:  # a write during the run would have emptied the cache
            if not check_cached(server.base, page):
                lost.add(page.name)

    say("== Server run 2: page cache off (anonymous, every page built)")
    flush_redis(args.redis_url)
    with Server(off, args.port, args.workers) as server:
        for page in pages:
            status, headers, _ = fetch(server.base + page.path)
            if "X-Page-Cache" in headers:
                raise SystemExit("The page cache is still on in the second run.")
        jobs = [("baseline", BASELINE, "")] + [(p.name, p.path, "") for p in pages]
        # A search's own latency, one visitor at a time (no queueing behind other requests).
        searches = [p for p in pages if p.name.startswith("search")]
        jobs += [(f"alone: {p.name}", p.path, "", 1) for p in searches]
        second = measure(server, jobs, args)

    cached = {"baseline": first["baseline"]}
    cached.update({p.name: first[f"anonymous: {p.name}"] for p in pages})
    member = {"baseline": first["baseline"]}  # the same server run, the same baseline
    member.update({p.name: first[f"member: {p.name}"] for p in pages if p.member})
    report = table(
        pages, cached, second, member, first["baseline"]["rps"], second["baseline"]["rps"], lost
    )
    if searches:
        report += "\n\nOne connection at a time, page cache off:\n\n"
        report += "| page | req/s | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |\n"
        report += "\n".join(
            f"| {p.name} | {second[f'alone: {p.name}']['rps']:.0f} | "
            f"{second[f'alone: {p.name}']['p50']:.1f} | {second[f'alone: {p.name}']['p99']:.1f} |"
            for p in searches
        )
    say()
    say(report)
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    (results / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
