"""The load of `make test-cluster`: 16 connections through the balancer for
CLUSTER_LOAD_SECONDS (default 60): 10 anonymous readers, 4 members replying in their own
threads and reading each reply back, 2 anonymous observers timing when a reply becomes
visible, while faults are injected on a schedule:

    0-12 s  steady state                     12 s  the replica stops, 22 s it is back
    30 s    one app server is killed (-9)    38 s  it is started again
    46 s    Redis stops, and starts again 3 s later
"""

import http.client
import json
import os
import random
import signal
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from cluster import APP_SERVERS, PORTS, WORKERS_PER_APP

DURATION = int(os.environ.get("CLUSTER_LOAD_SECONDS", "60"))
WRITERS, OBSERVERS, READERS = 4, 2, 10
CSRF = "clustercheckcsrfsecret0123456789"  # a 32-character CSRF secret, cookie and form alike
REDIS_DOWN_SECONDS = 3
BURST = 20  # replies queued for the watcher while the worker is down
SCHEDULE = {"replica_stop": 12, "replica_start": 22, "app_kill": 30, "app_start": 38, "redis": 46}


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


# A writer whose replies keep being refused stops (every loop here is bounded).
MAX_REFUSED = 300


def writer(run: Run, number: int, session: str, thread: int, kind: str = "write") -> None:
    client = Client(run, session)
    count, refused = 0, 0
    while not run.stop.is_set() and refused < MAX_REFUSED:
        count += 1
        token = f"clustercheck-w{number}-{kind}-n{count}"
        status, headers, _ = client.request(
            kind, "POST", f"/forums/thread/{thread}/reply/", {"body": f"Checking in: {token}."}
        )
        if status != 302:
            refused += 1
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
