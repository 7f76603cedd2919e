"""The checks `make test-cluster` runs against the cluster of deploy/cluster.py.

One bounded load run (16 connections for CLUSTER_LOAD_SECONDS, default 60, through the
balancer: 10 anonymous readers, 4 members replying in their own threads, 2 anonymous
observers timing when each reply becomes visible) with faults injected on a schedule:

    0-12 s  steady state                     12 s  the replica stops, 22 s it is back
    30 s    one app server is killed (-9)    38 s  it is started again
    46 s    Redis stops, and starts again 3 s later

then a worker killed mid-queue, a backup restored into a fresh database, and the numbers for
docs/capacity.md (bench-results/cluster.json).
"""

import contextlib
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from cluster import APP_SERVERS, PORTS, ROOT, WORKERS_PER_APP, say

DURATION = int(os.environ.get("CLUSTER_LOAD_SECONDS", "60"))
WRITERS, OBSERVERS, READERS = 4, 2, 10
CSRF = "clustercheckcsrfsecret0123456789"  # a 32-character CSRF secret, cookie and form alike
# Anonymous readers must see a reply within this many seconds (the read-your-writes window,
# which is what the replica lag bound is sized against).
VISIBLE_WITHIN = 10.0
REDIS_DOWN_SECONDS = 3
BURST = 20  # replies queued for the watcher while the worker is down
SCHEDULE = {"replica_stop": 12, "replica_start": 22, "app_kill": 30, "app_start": 38, "redis": 46}
# Scenarios that need another branch's work on main; shown as XFAIL (or XPASS) until then.
EXPECTED_TO_FAIL = {
    "redis restart": "needs the hardening-services branch's Redis-down handling (cache, "
    "sessions, rate limits and task enqueueing must survive a Redis outage)",
    "redis restart: notifications": "needs the hardening-services branch's task retries "
    "(an email queued while Redis is down is lost)",
    "worker killed": "needs the hardening-services branch's stale-task re-queue and "
    "idempotent sends (RQ moves the job a killed worker held to the failed registry)",
}


@dataclass
class Sample:
    start: float
    end: float
    kind: str
    status: int  # 0: no response (connection error)
    served_by: str = ""
    error: str = ""


@dataclass
class Write:
    token: str
    acked_at: float
    location: str
    member_status: int = 0
    seen_by_member: bool = False
    observed: bool = False
    seen_by_anonymous_after: float | None = None


@dataclass
class Run:
    samples: list = field(default_factory=list)
    writes: list = field(default_factory=list)
    events: dict = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)


class Client:
    """One keep-alive connection to the balancer; cookies kept by hand (the site sets Secure
    cookies with DEBUG off, and this runs over plain HTTP on loopback)."""

    def __init__(self, run: Run, session: str = ""):
        self.run = run
        self.cookies = {"sessionid": session, "csrftoken": CSRF} if session else {}
        self.conn = None

    def request(self, kind: str, method: str, path: str, form: dict | None = None):
        headers = {"Host": f"127.0.0.1:{PORTS['balancer']}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies["csrftoken"]})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.monotonic()
        try:
            response, data = self._send(method, path, body, headers)
        except (OSError, http.client.HTTPException) as error:
            self.close()
            self.run.samples.append(Sample(start, time.monotonic(), kind, 0, "", repr(error)))
            return 0, {}, b""
        if response.will_close:
            self.close()
        if self.cookies:
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                if name in self.cookies and rest.split(";")[0]:
                    self.cookies[name] = rest.split(";")[0]
        served_by = response.headers.get("X-Served-By", "")
        self.run.samples.append(Sample(start, time.monotonic(), kind, response.status, served_by))
        return response.status, response.headers, data

    def _send(self, method: str, path: str, body, headers: dict):
        """Like a browser: a GET on a kept-alive connection the balancer has just closed is
        sent again once on a new connection (a POST never is)."""
        reused = self.conn is not None
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", PORTS["balancer"], timeout=30)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            if not reused or method != "GET":
                raise
            self.close()
            return self._send(method, path, body, headers)
        return response, response.read()

    def get_following(self, kind: str, path: str) -> tuple[int, bytes]:
        for _ in range(4):
            status, headers, data = self.request(kind, "GET", path)
            if status not in (301, 302):
                return status, data
            location = urlsplit(headers["Location"])
            path = location.path + (f"?{location.query}" if location.query else "")
        return status, data

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def reader(run: Run, paths: list[str]) -> None:
    client = Client(run)
    while not run.stop.is_set():
        client.request("read", "GET", random.choice(paths))


def writer(run: Run, number: int, session: str, thread: int, kind: str = "write") -> None:
    client = Client(run, session)
    count = 0
    while not run.stop.is_set():
        count += 1
        token = f"clustercheck-w{number}-{kind}-n{count}"
        status, headers, _ = client.request(
            kind, "POST", f"/forums/thread/{thread}/reply/", {"body": f"Checking in: {token}."}
        )
        if status != 302:
            time.sleep(0.2)
            continue
        write = Write(token, time.monotonic(), urlsplit(headers["Location"]).path)
        run.writes.append(write)
        write.member_status, page = client.get_following("own-read", write.location)
        write.seen_by_member = token.encode() in page
        if kind == "burst" and count >= BURST:
            return


def observer(run: Run) -> None:
    client = Client(run)
    while not run.stop.is_set():
        # Only replies acknowledged a moment ago are timed, so the delay is the site's, not
        # the observer's backlog.
        fresh = [w for w in run.writes[-WRITERS:] if time.monotonic() - w.acked_at < 0.5]
        pending = [w for w in fresh if w.seen_by_anonymous_after is None and not w.observed]
        if not pending:
            time.sleep(0.05)
            continue
        write = pending[-1]
        write.observed = True
        while not run.stop.is_set() and time.monotonic() - write.acked_at < 30:
            status, page = client.get_following("observe", write.location)
            if status == 200 and write.token.encode() in page:
                write.seen_by_anonymous_after = time.monotonic() - write.acked_at
                break
            time.sleep(0.2)


def db_counters(cluster, name: str) -> dict:
    row = cluster.sql(
        name,
        "SELECT xact_commit, tup_returned + tup_fetched FROM pg_stat_database "
        "WHERE datname = 'portal'",
    )[0]
    return {"transactions": int(row[0]), "rows_read": int(row[1])}


def inject_faults(cluster, run: Run, t0: float) -> None:
    def at(second: float) -> None:
        time.sleep(max(0.0, t0 + second - time.monotonic()))

    def mark(name: str) -> None:
        run.events[name] = time.monotonic()
        run.events[f"{name}_wall"] = time.time()

    at(SCHEDULE["replica_stop"])
    mark("replica_stop")
    cluster.pg_ctl("replica", "stop")
    run.events["healthz_without_replica"] = (0, {}, 0.0)
    while time.monotonic() < t0 + SCHEDULE["replica_start"]:
        status, _, body = Client(run).request("healthz", "GET", "/healthz")
        state = json.loads(body or b"{}")
        run.events["healthz_without_replica"] = (
            status,
            state,
            time.monotonic() - run.events["replica_stop"],
        )
        if state.get("replicas", {}).get("replica1", {}).get("status") == "down":
            break
        time.sleep(0.5)
    at(SCHEDULE["replica_start"])
    cluster.pg_ctl("replica", "start")
    mark("replica_back")

    at(SCHEDULE["app_kill"])
    mark("app_kill")
    cluster.kill("app1", signal.SIGKILL)
    cluster.wait_until(lambda: cluster.backend_status()["app1"].startswith("DOWN"), 15, "DOWN")
    mark("app_noticed")
    at(SCHEDULE["app_start"])
    cluster.start_app("app1")
    cluster.wait_until(lambda: cluster.backend_status()["app1"] == "UP", 30, "app1 UP again")
    mark("app_back")

    at(SCHEDULE["redis"])
    mark("redis_stop")
    cluster.kill("redis")
    time.sleep(REDIS_DOWN_SECONDS)
    cluster.start_redis()
    mark("redis_back")


def load_run(cluster, setup: dict) -> tuple[Run, dict]:
    run = Run()
    threads = [f"/forums/thread/{w['thread']}/" for w in setup["writers"]]
    paths = ["/", "/forums/", "/articles/", "/blogs/", "/videos/", "/heroes/",
             "/search/?q=knee", f"/media/{setup['upload']}", *threads]  # fmt: skip
    workers = [threading.Thread(target=reader, args=(run, paths)) for _ in range(READERS)]
    workers += [threading.Thread(target=observer, args=(run,)) for _ in range(OBSERVERS)]
    workers += [
        threading.Thread(target=writer, args=(run, n, w["session"], w["thread"]))
        for n, w in enumerate(setup["writers"], start=1)
    ]
    before = {name: db_counters(cluster, name) for name in ("primary", "replica")}
    t0 = time.monotonic()
    run.events["start"] = t0
    for worker in workers:
        worker.start()
    steady_end = t0 + SCHEDULE["replica_stop"]
    time.sleep(SCHEDULE["replica_stop"] - 0.5)
    during_steady = {name: db_counters(cluster, name) for name in ("primary", "replica")}
    inject_faults(cluster, run, t0)
    time.sleep(max(0.0, t0 + DURATION - time.monotonic()))
    run.stop.set()
    for worker in workers:
        worker.join()
    run.events["end"] = time.monotonic()
    steady = [s for s in run.samples if s.start < steady_end]
    capacity = {
        "steady_seconds": steady_end - t0,
        "steady_requests": len(steady),
        "steady_requests_per_second": round(len(steady) / (steady_end - t0), 1),
        "app_server_processes": len(APP_SERVERS) * WORKERS_PER_APP,
        "cores": os.cpu_count(),
        "load_average_1min_at_end": round(os.getloadavg()[0], 1),
        "primary_steady": _delta(before["primary"], during_steady["primary"]),
        "replica_steady": _delta(before["replica"], during_steady["replica"]),
    }
    return run, capacity


def _delta(a: dict, b: dict) -> dict:
    return {key: b[key] - a[key] for key in a}


def errors(run: Run, start: float, end: float) -> list[Sample]:
    """Requests that failed between start and end (by when they failed)."""
    return [s for s in run.samples if start <= s.end < end and (s.status == 0 or s.status >= 500)]


def describe(samples: list[Sample]) -> str:
    kinds: dict[str, int] = {}
    for s in samples:
        key = f"{s.kind}:{s.status or s.error.split('(')[0]}"
        kinds[key] = kinds.get(key, 0) + 1
    return ", ".join(f"{k}×{n}" for k, n in sorted(kinds.items())) or "none"


def posts_present(cluster, name: str) -> set[str]:
    rows = cluster.sql(name, "SELECT body FROM forums_post WHERE body LIKE 'Checking in: %'")
    return {m.group(0) for (body,) in rows if (m := re.search(r"clustercheck-[\w-]+", body))}


def deliveries(cluster, watcher: int, since=0.0, until=float("inf")) -> tuple[list, dict]:
    """The watcher's notifications created in [since, until) (epoch seconds), and how many
    emails each one got."""
    rows = cluster.sql(
        "primary",
        "SELECT url, extract(epoch FROM created_at) FROM accounts_notification "
        f"WHERE recipient_id = {watcher}",
    )
    urls = [url for url, created in rows if since <= float(created) < until]
    mail = "".join(p.read_text(errors="replace") for p in (cluster.dir / "mail").iterdir())
    site = f"http://127.0.0.1:{PORTS['balancer']}"
    return urls, {url: mail.count(f"{site}{url}\n") for url in urls}


def wait_for_queue(cluster, watcher: int, seconds: float = 60) -> None:
    def drained() -> bool:
        urls, sent = deliveries(cluster, watcher)
        return all(sent[url] for url in urls)

    with contextlib.suppress(RuntimeError):  # what is missing is reported by the check
        cluster.wait_until(drained, seconds, "every notification email")


def worker_killed_mid_queue(cluster, setup: dict) -> tuple[bool, str]:
    cluster.kill("worker", signal.SIGKILL)
    run = Run()
    first = setup["writers"][0]
    writer(run, 1, first["session"], first["thread"], kind="burst")
    burst = {w.location for w in run.writes}
    cluster.start_worker()

    def some_sent() -> bool:
        return any(deliveries(cluster, setup["watcher"])[1][url] for url in burst)

    cluster.wait_until(some_sent, 60, "the first queued email")
    cluster.kill("worker", signal.SIGKILL)
    sent_before_kill = sum(deliveries(cluster, setup["watcher"])[1][url] for url in burst)
    cluster.start_worker()
    wait_for_queue(cluster, setup["watcher"])
    urls, sent = deliveries(cluster, setup["watcher"])
    counts = [sent[url] for url in urls if url in burst]
    ok = len(counts) == len(burst) > 0 and all(n == 1 for n in counts)
    return ok, (
        f"{len(burst)} queued while the worker was down, {sent_before_kill} sent before it was "
        f"killed; deliveries per notification after the restart: {counts}"
    )


def backup_and_restore(cluster) -> tuple[bool, str]:
    out = cluster.dir / "backup"
    env = cluster.env(PYTHON=sys.executable)
    subprocess.run([ROOT / "deploy" / "backup.sh", out], env=env, check=True, capture_output=True)
    cluster.sql("primary", "CREATE DATABASE restored", db="postgres")
    import boto3

    boto3.client(
        "s3", endpoint_url=f"http://127.0.0.1:{PORTS['s3']}", region_name="us-east-1",
        aws_access_key_id="cluster", aws_secret_access_key="cluster-secret",
    ).create_bucket(Bucket="portal-restored")  # fmt: skip
    restored_env = {
        "DATABASE_URL": cluster.database_url(db="restored"),
        "DATABASE_REPLICA_URLS": "",
        "MEDIA_STORAGE_URL": env["MEDIA_STORAGE_URL"].replace("portal-media", "portal-restored"),
    }
    subprocess.run(
        [ROOT / "deploy" / "restore.sh", out], env={**env, **restored_env}, check=True,
        capture_output=True,
    )  # fmt: skip
    tables = ["accounts_user", "forums_thread", "forums_post", "articles_article",
              "accounts_notification"]  # fmt: skip
    counts = {
        db: [cluster.sql("primary", f"SELECT count(*) FROM {t}", db=db)[0][0] for t in tables]
        for db in ("portal", "restored")
    }
    page = cluster.manage(
        "shell", "-c",
        "from django.test import Client; from django.core.files.storage import default_storage\n"
        "r = Client(HTTP_HOST='127.0.0.1').get('/forums/')\n"
        "print('PAGE', r.status_code, b'Cluster thread 1' in r.content,"
        " default_storage.exists('cluster/check.txt'))",
        **restored_env,
    )  # fmt: skip
    ok = counts["portal"] == counts["restored"] and "PAGE 200 True True" in page
    rows = dict(zip(tables, counts["restored"], strict=True))
    return ok, f"rows {rows}; page rendered and upload restored: {'PAGE 200 True True' in page}"


def run_checks(cluster, setup: dict) -> int:
    results: list[tuple[str, bool, str]] = []

    def check(name: str, ok: bool, detail: str) -> None:
        results.append((name, bool(ok), detail))
        say(f"  {label(name, bool(ok)):5}  {name}: {detail}")
        if not ok and name in EXPECTED_TO_FAIL:
            say(f"         expected to fail: {EXPECTED_TO_FAIL[name]}")

    say(f"Load: {READERS} readers, {WRITERS} writers, {OBSERVERS} observers for {DURATION} s")
    run, capacity = load_run(cluster, setup)
    ev, t0 = run.events, run.events["start"]
    say(f"  {len(run.samples)} requests, {len(run.writes)} acknowledged writes\nChecks:")

    steady = errors(run, t0, ev["replica_stop"])
    check("steady state", not steady, f"{len(steady)} errors ({describe(steady)})")

    time.sleep(3)  # the replica catches up
    acked = {w.token for w in run.writes}
    primary, replica = posts_present(cluster, "primary"), posts_present(cluster, "replica")
    lost = acked - primary
    check("acknowledged writes", not lost and acked <= replica,
          f"{len(acked)} acknowledged, {len(lost)} missing on the primary, "
          f"{len(acked - replica)} missing on the replica")  # fmt: skip

    answered = [w for w in run.writes if w.member_status == 200]
    unseen = [w.token for w in answered if not w.seen_by_member]
    check("read your writes", answered and not unseen,
          f"{len(answered)} replies read back by their author at once, {len(unseen)} of them "
          f"without the reply; {len(run.writes) - len(answered)} read-backs failed (counted in "
          f"the fault windows)")  # fmt: skip
    delays = [
        w.seen_by_anonymous_after for w in run.writes if w.seen_by_anonymous_after is not None
    ]
    slow = [d for d in delays if d > VISIBLE_WITHIN]
    check(
        "anonymous readers see replies",
        delays and not slow,
        f"{len(delays)} timed, slowest {max(delays, default=0):.2f} s (bound {VISIBLE_WITHIN} s)",
    )

    outage = errors(run, ev["replica_stop"], ev["replica_back"])
    after = errors(run, ev["replica_back"], ev["app_kill"])
    status, body, noticed = ev["healthz_without_replica"]
    replica_state = body.get("replicas", {}).get("replica1", {}).get("status")
    check("replica restarted", not after and status == 200 and replica_state == "down",
          f"during the outage {len(outage)} errors ({describe(outage)}), after it "
          f"{len(after)} ({describe(after)}); /healthz answered {status} with the replica "
          f"{replica_state} {noticed:.1f} s after it stopped")  # fmt: skip

    kill = ev["app_kill"]
    in_flight = [s for s in run.samples if s.start < kill < s.end]
    failed = errors(run, ev["app_kill"], ev["app_noticed"])
    after = errors(run, ev["app_noticed"], ev["redis_stop"])
    check("app server killed", not after and not lost,
          f"{len(in_flight)} requests in flight through the balancer at the kill; "
          f"{len(failed)} failed before it noticed ({ev['app_noticed'] - kill:.1f} s: "
          f"{describe(failed)}), "
          f"{len(after)} after ({describe(after)})")  # fmt: skip

    during = errors(run, ev["redis_stop"], ev["redis_back"])
    recovering = errors(run, ev["redis_back"], ev["redis_back"] + 3)
    after = errors(run, ev["redis_back"] + 3, ev["end"])
    check("redis restart", not during and not after,
          f"{len(during)} errors while Redis was down ({describe(during)}), "
          f"{len(recovering)} in the 3 s after it came back, {len(after)} afterwards "
          f"({describe(after)})")  # fmt: skip

    member = [s for s in run.samples if s.kind == "own-read"]
    servers = {s.served_by for s in member if s.status == 200}
    check("sessions shared by the app servers", set(APP_SERVERS) <= servers,
          f"members' pages served by {sorted(servers)} with one session each")  # fmt: skip

    wait_for_queue(cluster, setup["watcher"])
    # Replies whose request overlapped the Redis outage could not queue their email.
    outage = (ev["redis_stop_wall"] - 2, ev["redis_back_wall"] + 2)
    urls, sent = deliveries(cluster, setup["watcher"], until=outage[0])
    later_urls, later_sent = deliveries(cluster, setup["watcher"], since=outage[1])
    counts = [sent[u] for u in urls] + [later_sent[u] for u in later_urls]
    check(
        "notifications during the load run",
        counts and all(n == 1 for n in counts),
        f"{len(counts)} notifications outside the Redis outage: "
        f"{sum(n == 1 for n in counts)} sent once, {sum(n == 0 for n in counts)} not sent, "
        f"{sum(n > 1 for n in counts)} repeated",
    )
    urls, sent = deliveries(cluster, setup["watcher"], *outage)
    check(
        "redis restart: notifications",
        all(sent[u] == 1 for u in urls),
        f"{len(urls)} replies around the outage, {sum(sent[u] == 0 for u in urls)} emails lost",
    )
    ok, detail = worker_killed_mid_queue(cluster, setup)
    check("worker killed", ok, detail)

    ok, detail = backup_and_restore(cluster)
    check("backup restored into a fresh database", ok, detail)

    health = Client(Run()).request("healthz", "GET", "/healthz")
    check("healthz at the end", health[0] == 200, health[2].decode()[:200])

    return report(results, capacity)


def label(name: str, ok: bool) -> str:
    expected_to_fail = name in EXPECTED_TO_FAIL
    if ok:
        return "XPASS" if expected_to_fail else "PASS"
    return "XFAIL" if expected_to_fail else "FAIL"


def report(results, capacity: dict) -> int:
    failed = [name for name, ok, _ in results if label(name, ok) == "FAIL"]
    say(f"\n{len(results)} checks, {len(failed)} failed: {', '.join(failed) or 'none'}")
    per_process = capacity["steady_requests_per_second"] / capacity["app_server_processes"]
    capacity["requests_per_second_per_process"] = round(per_process, 1)
    capacity["requests_per_second_per_core"] = round(
        capacity["steady_requests_per_second"] / capacity["cores"], 1
    )
    say("\nCapacity (steady state): " + json.dumps(capacity))
    results_dir = ROOT / "bench-results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "cluster.json").write_text(
        json.dumps({"checks": results, "capacity": capacity}, indent=2)
    )
    return 1 if failed else 0
