"""The checks of `make test-cluster` against the cluster of deploy/cluster.py: the load run
of cluster_load.py with its faults, then a worker killed mid-queue, a backup restored into a
fresh database, and the numbers for docs/capacity.md (bench-results/cluster.json).
"""

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from cluster import APP_SERVERS, PORTS, ROOT, say
from cluster_load import (
    DURATION,
    OBSERVERS,
    READERS,
    WRITERS,
    Client,
    Run,
    Sample,
    load_run,
    writer,
)

# Anonymous readers must see a reply within this many seconds (the read-your-writes window,
# which is what the replica lag bound is sized against).
VISIBLE_WITHIN = 10.0
# A job whose worker died is queued again after RQ's heartbeat expiry (90 s) and a cron round.
ABANDONED_JOB_WAIT = 150


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
        # The bell rows are written by the queued fan-out task, so a reply's row may not
        # exist yet: no row, no email.
        return any(deliveries(cluster, setup["watcher"])[1].get(url, 0) for url in burst)

    cluster.wait_until(some_sent, 60, "the first queued email")
    held = kill_worker_holding_a_job(cluster)
    sent_before_kill = sum(deliveries(cluster, setup["watcher"])[1].get(url, 0) for url in burst)
    cluster.start_worker()
    rerun = held is not None and held_job_finished(cluster, held)
    wait_for_queue(cluster, setup["watcher"])
    urls, sent = deliveries(cluster, setup["watcher"])
    counts = [sent[url] for url in urls if url in burst]
    ok = rerun and len(counts) == len(burst) > 0 and all(n == 1 for n in counts)
    return ok, (
        f"{len(burst)} queued while the worker was down, {sent_before_kill} sent before it was "
        f"killed holding {held[1] if held else 'no job'} (finished since: {rerun}); "
        f"deliveries per notification after the restart: {counts}"
    )


def _queue(cluster):
    from redis import Redis
    from rq import Queue

    return Queue("default", connection=Redis(host="127.0.0.1", port=PORTS["redis"]))


def kill_worker_holding_a_job(cluster) -> tuple[str, str] | None:
    """SIGKILL the worker while it runs a job (each takes milliseconds: poll RQ's registry of
    started jobs closely), so that job is abandoned and must come back. Returns its id and
    task. The job runs in a work horse in a session of its own, which outlives a kill of
    the worker's process group: it is killed too, as a crash of the machine would."""
    queue = _queue(cluster)
    # Left there by the worker that exited when Redis went away: not running now.
    stale = set(queue.started_job_registry.get_job_ids())
    deadline = time.monotonic() + 30
    while not (started := [j for j in queue.started_job_registry.get_job_ids() if j not in stale]):
        if time.monotonic() > deadline:
            break
        time.sleep(0.001)
    for pid in children(cluster.procs["worker"].pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    cluster.kill("worker", signal.SIGKILL)
    job = queue.fetch_job(started[0]) if started else None
    return (job.id, job.func_name) if job else None


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, IndexError):
            if entry.name.isdigit():
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def held_job_finished(cluster, held: tuple[str, str]) -> bool:
    """The abandoned job ran to the end after the restart: RQ marks it abandoned when its
    heartbeat expires (about 90 s after the kill), then the cron's requeue_stale_tasks puts it
    back in the queue."""
    queue = _queue(cluster)

    def finished() -> bool:
        job = queue.fetch_job(held[0])
        return job is not None and job.get_status() == "finished"

    try:
        cluster.wait_until(finished, ABANDONED_JOB_WAIT, "the abandoned job to run again")
    except RuntimeError:
        job = queue.fetch_job(held[0])
        result = job and job.latest_result()
        say(f"  (the held job: {job and job.get_status()}, "
            f"{result and result.type}: {result and result.exc_string!r}; started "
            f"{queue.started_job_registry.get_job_ids()}, failed "
            f"{queue.failed_job_registry.get_job_ids()})")  # fmt: skip
        return False
    return True


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
        say(f"  {'PASS' if ok else 'FAIL':5}  {name}: {detail}")

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
    urls, sent = deliveries(cluster, setup["watcher"])
    counts = [sent[u] for u in urls]
    check(
        "notifications during the load run",
        counts and all(n == 1 for n in counts),
        f"{len(counts)} notifications: {sum(n == 1 for n in counts)} sent once, "
        f"{sum(n == 0 for n in counts)} not sent, {sum(n > 1 for n in counts)} repeated",
    )
    # Their fan-out and emails were kept in PostgreSQL until Redis came back.
    down = [w.location for w in run.writes if ev["redis_stop"] <= w.acked_at <= ev["redis_back"]]
    emailed = [sent.get(u, 0) for u in down]
    check(
        "redis restart: notifications",
        down and all(n == 1 for n in emailed),
        f"{len(down)} replies acknowledged while Redis was down: "
        f"{sum(n == 1 for n in emailed)} emailed once, {sum(n == 0 for n in emailed)} not, "
        f"{sum(n > 1 for n in emailed)} more than once",
    )
    try:
        ok, detail = worker_killed_mid_queue(cluster, setup)
    except RuntimeError as timed_out:  # a wait that ran out: a failed check, reported
        ok, detail = False, str(timed_out)
    check("worker killed", ok, detail)

    ok, detail = backup_and_restore(cluster)
    check("backup restored into a fresh database", ok, detail)

    health = Client(Run()).request("healthz", "GET", "/healthz")
    check("healthz at the end", health[0] == 200, health[2].decode()[:200])

    return report(results, capacity)


def report(results, capacity: dict) -> int:
    failed = [name for name, ok, _ in results if not ok]
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
