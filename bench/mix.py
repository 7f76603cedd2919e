"""The traffic-mix mode of `make bench` (`make bench-mix`): what a living site gets, measured
in the same server run as the baseline (issue 13).

For `--mix-seconds` (default 60, after `--warmup-seconds` of the same load that are not
counted), 16 reader connections with keep-alive each send one request after another: 80%
anonymous, 20% as one of 16 signed-in members, every path drawn with a Zipf-like popularity
(weight 1/rank) from every thread's pages, article, blog post and video, so the popular pages
repeat and the long tail misses the page cache. Beside them a writer posts 2 replies a second
to threads drawn from the same popularity (the real reply URL, as a member, with a CSRF token;
posting limits off for the run) and a sign-in POST signs a member in every second.

The pure parts (the Zipf picker, percentiles, error counting, the report) are tested in
tests/bench/test_mix.py; the load itself runs only from bench/run.py, never in the suite.
"""

import bisect
import http.client
import itertools
import math
import os
import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlencode

READERS = 16
MEMBER_SHARE = 0.2
MEMBER_SESSIONS = 16
REPLIES_PER_SECOND = 2.0
SIGN_INS_PER_SECOND = 1.0
ZIPF_EXPONENT = 1.0
# The writer's and the sign-ins' connections each (beside the 16 readers'): enough to keep
# their rates while a request waits behind the readers' for a free app server worker.
WRITER_CONNECTIONS = 4
# A 32-character CSRF secret sent as the cookie and the form field alike (Django accepts the
# unmasked secret), as deploy/cluster_load.py does: no page has to be fetched for a token.
CSRF_SECRET = "benchmixcsrfsecret00123456789abc"
SIGN_IN_PASSWORD = "bench-member-password"  # bench/data/forums.py gives every member this one
# What each kind of request must answer; anything else (or no answer) is an error.
EXPECTED_STATUS = {"anonymous": 200, "member": 200, "reply": 302, "sign-in": 302}
READ_KINDS = ("anonymous", "member")
SIGN_IN_PATH = "/accounts/login/"
MAX_REDIRECTS = 3
# Reply bodies are drawn from plain words: digits could read as a phone number to the
# contact-details check, which then asks the writer to confirm instead of posting.
REPLY_WORDS = ("thank", "you", "this", "helped", "my", "knee", "physio", "today", "walked",
               "further", "ice", "rest", "stairs", "slowly", "better", "week", "again")  # fmt: skip


# --- pure parts ----------------------------------------------------------------------------


def zipf_cumulative(count: int, exponent: float = ZIPF_EXPONENT) -> list[float]:
    """Cumulative weights of ranks 1..count with weight 1/rank**exponent."""
    return list(itertools.accumulate(1 / rank**exponent for rank in range(1, count + 1)))


class ZipfPicker:
    """Picks items with a Zipf-like popularity: the first item is the most popular, item k
    is picked 1/k as often as the first (exponent 1)."""

    def __init__(self, items: list, exponent: float = ZIPF_EXPONENT, rng=None):
        if not items:
            raise ValueError("nothing to pick from")
        self.items = items
        self.cumulative = zipf_cumulative(len(items), exponent)
        self.rng = rng or random.Random()

    def pick(self):
        point = self.rng.random() * self.cumulative[-1]
        return self.items[min(bisect.bisect_right(self.cumulative, point), len(self.items) - 1)]

    def share_of_top(self, top: int) -> float:
        """The expected share of picks that go to the `top` most popular items."""
        return self.cumulative[min(top, len(self.items)) - 1] / self.cumulative[-1]


def popularity_order(head: list[str], tail: list[str], seed: int) -> list[str]:
    """The head (home, section indexes) first in the given order, then every other path in a
    seeded shuffle, so popularity does not follow the data set's build order."""
    rest = sorted(set(tail) - set(head))
    random.Random(seed).shuffle(rest)
    return [*head, *rest]


@dataclass
class Sample:
    kind: str  # anonymous, member, reply, sign-in
    start: float
    end: float
    status: int  # 0: no response (connection error or timeout)
    page_cache: str = ""  # the X-Page-Cache header: hit, miss or ""
    path: str = ""
    signed_in: bool = True  # sign-in only: sent on to the site with a new session
    location: str = ""  # where a redirect sends the reader

    @property
    def ms(self) -> float:
        return (self.end - self.start) * 1000


def is_error(sample: Sample) -> bool:
    """A member's first look at a thread is sent on to their first unread post: a redirect
    within the site is a right answer for a read (the reader follows it, and that request is
    a sample of its own); a redirect to the sign-in page is not."""
    if sample.kind in READ_KINDS and sample.status == 302:
        return not sample.location.startswith("/") or sample.location.startswith(SIGN_IN_PATH)
    if sample.status != EXPECTED_STATUS[sample.kind]:
        return True
    return sample.kind == "sign-in" and not sample.signed_in


def signed_in(answer, session_cookie_name: str) -> bool:
    """A sign-in that worked: sent on to the home page (not to confirm an address or back
    to the form) with a session cookie."""
    cookies = answer.get_all("Set-Cookie") or []
    return answer.get("Location", "") == "/" and any(
        cookie.startswith(f"{session_cookie_name}=") for cookie in cookies
    )


def section_of(path: str) -> str:
    """The kind of page a read path is, for the per-section lines of the report."""
    parts = path.split("?")[0].strip("/").split("/")
    if parts == [""] or len(parts) == 1:
        return "home and indexes"
    if parts[0] == "forums":
        return "thread, later page" if "page=" in path else "thread, first page"
    return {"articles": "article", "blogs": "blog post", "videos": "video"}.get(parts[0], "other")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (fraction 0.5 is the median); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def in_window(samples: list[Sample], start: float, end: float) -> list[Sample]:
    """The requests that started and finished inside the measured window."""
    return [s for s in samples if s.start >= start and s.end <= end]


def summarize(samples: list[Sample], seconds: float, baseline_rps: float) -> dict:
    """Requests/s, latency and errors per kind and in total; the anonymous page-cache hit
    ratio. `samples` are the measured window's only."""
    kinds = {}
    for kind in EXPECTED_STATUS:
        chosen = [s for s in samples if s.kind == kind]
        kinds[kind] = {
            "requests": len(chosen),
            "rps": len(chosen) / seconds,
            "p50": percentile([s.ms for s in chosen], 0.5),
            "p99": percentile([s.ms for s in chosen], 0.99),
            "errors": sum(is_error(s) for s in chosen),
        }
    sections = {}
    for sample in samples:
        if sample.kind in READ_KINDS:
            sections.setdefault((section_of(sample.path), sample.kind), []).append(sample)
    # An anonymous answer without the header was built but not stored (a write committed
    # while it was built): a miss too.
    anonymous = [s.page_cache for s in samples if s.kind == "anonymous"]
    hits = anonymous.count("hit")
    total = len(samples) / seconds
    reads = sum(kinds[kind]["requests"] for kind in READ_KINDS) / seconds
    return {
        "seconds": seconds,
        "kinds": kinds,
        "total_rps": total,
        "read_rps": reads,
        "percent_of_baseline": 100 * total / baseline_rps if baseline_rps else 0.0,
        "hit_ratio": hits / len(anonymous) if anonymous else 0.0,
        "anonymous_without_header": sum(
            1 for s in samples if s.kind == "anonymous" and not s.page_cache
        ),
        "member_with_header": sum(1 for s in samples if s.kind == "member" and s.page_cache),
        "errors": sum(kinds[kind]["errors"] for kind in kinds),
        "sections": {
            key: {
                "requests": len(chosen),
                "p50": percentile([s.ms for s in chosen], 0.5),
                "hits": sum(s.page_cache == "hit" for s in chosen),
            }
            for key, chosen in sorted(sections.items())
        },
        "error_examples": [
            f"{s.kind} {s.path} -> {s.status or 'no answer'}" for s in samples if is_error(s)
        ][:10],
    }


def report(summary: dict, baseline: dict, driver_baseline_rps: float, context: dict) -> str:
    kinds = summary["kinds"]

    def row(name: str, k: dict) -> str:
        share = 100 * k["rps"] / baseline["rps"] if baseline["rps"] else 0.0
        return (
            f"| {name} | {k['requests']} | {k['rps']:.1f} | {share:.1f}% | "
            f"{k['p50']:.1f} | {k['p99']:.1f} | {k['errors']} |"
        )

    lines = [
        f"Traffic mix, {summary['seconds']:.0f} s measured: {context['readers']} reader "
        f"connections ({100 * (1 - MEMBER_SHARE):.0f}% anonymous, {100 * MEMBER_SHARE:.0f}% "
        f"members in {context['sessions']} sessions) over {context['paths']} paths "
        f"(Zipf, exponent {ZIPF_EXPONENT}); beside them a writer at {REPLIES_PER_SECOND:g} "
        f"replies/s and {SIGN_INS_PER_SECOND:g} sign-in/s (up to {WRITER_CONNECTIONS} "
        f"connections each).",
        "",
        "| | requests | req/s | vs baseline | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| baseline (minimal view, wrk) | – | {baseline['rps']:.0f} | 100% | "
        f"{baseline['p50']:.1f} | {baseline['p99']:.1f} | {baseline['errors']} |",
        row("anonymous reads", kinds["anonymous"]),
        row("member reads", kinds["member"]),
        row("replies (writer)", kinds["reply"]),
        row("sign-ins", kinds["sign-in"]),
        f"| **total** | {sum(k['requests'] for k in kinds.values())} | "
        f"**{summary['total_rps']:.1f}** | **{summary['percent_of_baseline']:.1f}%** | – | – | "
        f"**{summary['errors']}** |",
        "",
        f"- Page-cache hit ratio of the anonymous reads (X-Page-Cache): "
        f"**{100 * summary['hit_ratio']:.1f}%** "
        f"of all of them; {summary['anonymous_without_header']} anonymous answers had no "
        f"header (built but not stored: a write committed meanwhile; counted as misses), "
        f"{summary['member_with_header']} member answers had one.",
        f"- The load driver's own ceiling: {driver_baseline_rps:.0f} req/s on the baseline view "
        f"with the same 16 Python connections "
        f"({100 * driver_baseline_rps / baseline['rps']:.0f}% of wrk's).",
        f"- Load average (1 min) before the run {context['load_before']:.2f}, "
        f"after {context['load_after']:.2f}; {context['cores']} cores, "
        f"{context['workers']} gunicorn sync workers.",
    ]
    lines += ["", "| section | anonymous reads | hits | p50 ms | member reads | p50 ms |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for name in sorted({section for section, _ in summary["sections"]}):
        anonymous = summary["sections"].get((name, "anonymous"), {"requests": 0, "p50": 0.0,
                                                                  "hits": 0})  # fmt: skip
        member = summary["sections"].get((name, "member"), {"requests": 0, "p50": 0.0})
        lines.append(f"| {name} | {anonymous['requests']} | {anonymous['hits']} | "
                     f"{anonymous['p50']:.1f} | {member['requests']} | {member['p50']:.1f} |")  # fmt: skip
    if summary["error_examples"]:
        lines.append("- Errors, first ones: " + "; ".join(summary["error_examples"]))
    return "\n".join(lines)


# --- the load --------------------------------------------------------------------------------


@dataclass
class Load:
    port: int
    samples: list = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)


class Connection:
    """One keep-alive HTTP/1.1 connection to the server on 127.0.0.1."""

    def __init__(self, port: int):
        self.port = port
        self.conn = None

    def send(self, method: str, path: str, headers: dict, body: str | None = None):
        """(status, headers); status 0 when there was no answer."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, None
        if response.will_close:
            self.close()
        return response.status, response.headers

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def timed(load: Load, conn: Connection, kind: str, method: str, path: str, headers: dict,
          body: str | None = None):  # fmt: skip
    start = time.monotonic()
    status, answer = conn.send(method, path, headers, body)
    sample = Sample(kind, start, time.monotonic(), status, path=path)
    if answer is not None:
        sample.page_cache = answer.get("X-Page-Cache", "")
        sample.location = answer.get("Location", "")
    load.record(sample)
    return sample, answer


def reader(load: Load, picker: ZipfPicker, member_cookies: list[str], seed: int) -> None:
    rng = random.Random(seed)
    conn = Connection(load.port)
    while not load.stop.is_set():
        path = picker.pick()
        if rng.random() < MEMBER_SHARE:
            kind, headers = "member", {"Cookie": rng.choice(member_cookies)}
        else:
            kind, headers = "anonymous", {}
        for _ in range(MAX_REDIRECTS + 1):
            sample, _answer = timed(load, conn, kind, "GET", path, headers)
            if is_error(sample) or sample.status != 302 or load.stop.is_set():
                break
            path = sample.location
    conn.close()


def form_headers(cookie: str = "") -> dict:
    cookies = f"csrftoken={CSRF_SECRET}" + (f"; {cookie}" if cookie else "")
    return {"Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"}


def visitor_address(number: int) -> str:
    """A distinct address per signing-in visitor, as a balancer would pass it on
    (X-Forwarded-For; the bench server runs with DJANGO_BEHIND_PROXY=1): sign-ins come from
    many people, not from one address that allauth's 30-a-minute limit would stop."""
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


def paced(load: Load, per_second: float, action, connections: int = WRITER_CONNECTIONS) -> None:
    """Starts action(connection) per_second times a second until the load stops, on up to
    `connections` connections at once, so the rate holds while each call waits its turn
    behind the readers' requests (calls due while all are busy wait; none is dropped)."""
    local = threading.local()

    def call() -> None:
        if load.stop.is_set():
            return
        if not hasattr(local, "conn"):
            local.conn = Connection(load.port)
        action(local.conn)

    interval, due = 1 / per_second, time.monotonic()
    with ThreadPoolExecutor(connections) as pool:
        while not load.stop.is_set():
            due += interval
            load.stop.wait(max(0.0, due - time.monotonic()))
            if not load.stop.is_set():
                pool.submit(call)
        pool.shutdown(cancel_futures=True)


def writer(load: Load, reply_paths: ZipfPicker, cookie: str, seed: int) -> None:
    rng = random.Random(seed)

    def reply(conn: Connection) -> None:
        body = " ".join(rng.choice(REPLY_WORDS) for _ in range(12)).capitalize() + "."
        form = {"body": body,
                "form_token": str(uuid.uuid4()), "csrfmiddlewaretoken": CSRF_SECRET}  # fmt: skip
        timed(load, conn, "reply", "POST", reply_paths.pick(), form_headers(cookie),
              urlencode(form))  # fmt: skip

    paced(load, REPLIES_PER_SECOND, reply)


def signer(load: Load, usernames: list[str], session_cookie_name: str) -> None:
    """Signs a member in every second: a fresh visitor (no session) posting the sign-in form."""
    names, visitors = itertools.cycle(usernames), itertools.count(1)

    def sign_in(conn: Connection) -> None:
        conn.close()  # a new visitor: a new connection, no cookies
        form = {"login": next(names), "password": SIGN_IN_PASSWORD,
                "csrfmiddlewaretoken": CSRF_SECRET}  # fmt: skip
        headers = {**form_headers(), "X-Forwarded-For": visitor_address(next(visitors))}
        sample, answer = timed(load, conn, "sign-in", "POST", SIGN_IN_PATH, headers,
                               urlencode(form))  # fmt: skip
        sample.signed_in = answer is not None and signed_in(answer, session_cookie_name)

    paced(load, SIGN_INS_PER_SECOND, sign_in)


def drive(load: Load, workers: list[threading.Thread], warmup: float, seconds: float):
    """Runs the workers for warmup + seconds; the samples of the measured window."""
    for worker in workers:
        worker.start()
    start = time.monotonic() + warmup
    time.sleep(warmup + seconds)
    end = time.monotonic()
    load.stop.set()
    for worker in workers:
        worker.join(timeout=60)
    return in_window(load.samples, start, end), end - start


def run_mix(port: int, *, paths: list[str], reply_paths: list[str], member_cookies: list[str],
            writer_cookie: str, sign_in_usernames: list[str], session_cookie_name: str,
            warmup: float, seconds: float, seed: int = 13):  # fmt: skip
    load = Load(port)
    workers = [
        threading.Thread(
            target=reader,
            args=(load, ZipfPicker(paths, rng=random.Random(seed + n)), member_cookies, seed + n),
        )
        for n in range(READERS)
    ]
    replies = ZipfPicker(reply_paths, rng=random.Random(seed - 1))
    workers.append(threading.Thread(target=writer, args=(load, replies, writer_cookie, seed)))
    workers.append(
        threading.Thread(target=signer, args=(load, sign_in_usernames, session_cookie_name))
    )
    return drive(load, workers, warmup, seconds)


def driver_ceiling(port: int, path: str, headers: dict, seconds: float) -> float:
    """Requests/s of the same 16 Python connections on one cheap path (the driver's limit)."""
    load = Load(port)

    def loop() -> None:
        conn = Connection(port)
        while not load.stop.is_set():
            timed(load, conn, "anonymous", "GET", path, headers)
        conn.close()

    samples, measured = drive(
        load, [threading.Thread(target=loop) for _ in range(READERS)], 1.0, seconds
    )
    return len(samples) / measured


def load_average() -> float:
    return os.getloadavg()[0]
