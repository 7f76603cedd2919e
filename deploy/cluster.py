"""The portal as a cluster on this machine, all on 127.0.0.1:

    PostgreSQL primary  + a streaming replica (pg_basebackup), run as the `postgres` user
    Redis               cache, sessions, rate limits and the RQ task queue (append-only file on)
    moto S3 server      the media bucket (django-storages), served through /media/ on our origin
    2 gunicorn servers  DEBUG off, reads from the replica, writes to the primary
    1 RQ worker         notification emails (file-based backend, so deliveries can be counted),
                        restarted when it exits, as systemd does in production
    HAProxy             the load balancer, health-checking /healthz

    python deploy/cluster.py run     # `make cluster`: start, print the URL, stop on Ctrl-C
    python deploy/cluster.py test    # `make test-cluster`: start, load + faults, check, stop

Everything lives in one temporary folder and is stopped and removed on exit, also when a
check fails or the run is interrupted. CLUSTER_PORT (default 18400) is the balancer's port;
the others follow it.
"""

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
BASE = int(os.environ.get("CLUSTER_PORT", "18400"))
PORTS = {
    "balancer": BASE,
    "primary": BASE + 1,
    "replica": BASE + 2,
    "redis": BASE + 3,
    "s3": BASE + 4,
    "app1": BASE + 11,
    "app2": BASE + 12,
}
APP_SERVERS = ("app1", "app2")
CRON_SECONDS = 10
WORKERS_PER_APP = 2
BUCKET = "portal-media"
AWS_TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "cluster",
    "AWS_SECRET_ACCESS_KEY": "cluster-secret",
    "AWS_EC2_METADATA_DISABLED": "true",
}

HAPROXY_CFG = """
global
    maxconn 512
    stats socket {dir}/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout queue 30s
    # A busy server answers its health check late, not never: only a dead one fails it.
    timeout check 5s
    retries 2
    option redispatch
frontend web
    bind 127.0.0.1:{balancer}
    default_backend app
backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    http-response set-header X-Served-By %s
    # A refused connection on real traffic marks a server down at once; checks bring it back.
    default-server inter 1s fall 3 rise 2 maxconn {per_server} observe layer4 error-limit 1 on-error mark-down
    server app1 127.0.0.1:{app1} check
    server app2 127.0.0.1:{app2} check
"""

# Run inside `manage.py shell` on the primary: members, one thread per writer watched by one
# member who wants an email for each notification, one upload; printed as JSON.
SETUP = """
import json
from allauth.account.models import EmailAddress
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from accounts.models import User
from forums import posting
from forums.models import Forum

def member(name):
    joined = timezone.now() - timezone.timedelta(days=30)  # past the new-member post limit
    user = User.objects.create_user(
        username=name, email=f"{name}@example.org", password=None, date_joined=joined
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user

def session_for(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key

forum = Forum.objects.order_by("pk").first()
watcher = member("cluster_watcher")
writers = []
for n in range(1, WRITERS + 1):
    user = member(f"cluster_writer{n}")
    first = posting.start_thread(forum=forum, author=watcher, title=f"Cluster thread {n}",
                                 body=f"Replies from writer {n} go here.")
    writers.append({"session": session_for(user), "thread": first.thread.pk})
upload = default_storage.save("cluster/check.txt", ContentFile(b"shared upload"))
print("CLUSTER-SETUP " + json.dumps({"writers": writers, "watcher": watcher.pk, "upload": upload}))
"""


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def wait_for_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


class Cluster:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="portal-cluster-"))
        self.procs: dict[str, subprocess.Popen] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.pg_started: list[str] = []
        (self.dir / "logs").mkdir()
        (self.dir / "mail").mkdir()
        (self.dir / "redis").mkdir()
        self.dir.chmod(0o755)

    # ---- environment -------------------------------------------------------------------
    def database_url(self, name: str = "primary", db: str = "portal") -> str:
        return f"postgres://portal@127.0.0.1:{PORTS[name]}/{db}"

    def env(self, **overrides) -> dict:
        env = {**os.environ, **AWS_TEST_ENV}
        env.update(
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY="cluster-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_LOG_LEVEL="WARNING",
            DATABASE_URL=self.database_url(),
            DATABASE_REPLICA_URLS=self.database_url("replica"),
            REDIS_URL=f"redis://127.0.0.1:{PORTS['redis']}/0",
            TASKS_BACKEND="rq",
            PORTAL_POSTING_LIMITS="0",  # the load's writers post far faster than members may
            MEDIA_STORAGE_URL=(
                f"s3://cluster:cluster-secret@127.0.0.1:{PORTS['s3']}/{BUCKET}?secure=false"
            ),
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            DJANGO_EMAIL_FILE_PATH=str(self.dir / "mail"),
            PORTAL_SITE_URL=f"http://127.0.0.1:{PORTS['balancer']}",
        )
        env.pop("PYTEST_VERSION", None)
        env.update(overrides)
        return env

    def manage(self, *args: str, **env) -> str:
        done = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**env),
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def spawn(self, name: str, argv: list[str], env: dict | None = None) -> None:
        log = open(self.dir / "logs" / f"{name}.log", "ab")  # noqa: SIM115 (kept by the child)
        with self.lock:
            self.procs[name] = subprocess.Popen(
                argv, cwd=ROOT, env=env or self.env(), stdout=log, stderr=log,
                start_new_session=True,
            )  # fmt: skip

    def supervise(self) -> None:
        """Restart a worker that exits on its own, as systemd's Restart=always does in
        production (an RQ worker quits when Redis goes away under it)."""
        while not self.stopping.wait(1):
            with self.lock:
                proc = self.procs.get("worker")
                exited = proc is not None and proc.poll() is not None
                if exited:
                    del self.procs["worker"]
            if exited:
                say(f"  (supervisor: the worker exited with {proc.returncode}; restarted)")
                self.start_worker()

    def cron(self) -> None:
        """What portal-minutely.timer runs in production, every CRON_SECONDS here so the
        checks need not wait minutes: left-behind tasks go back in the queue."""
        while not self.stopping.wait(CRON_SECONDS):
            try:
                out = self.manage("requeue_stale_tasks").strip()
            except RuntimeError as failed:  # the next round tries again
                say(f"  (cron failed: {str(failed).strip().splitlines()[-1]})")
                continue
            if any(int(n) for n in re.findall(r"\d+", out)):
                say(f"  (cron: {out})")

    def kill(self, name: str, sig=signal.SIGTERM) -> None:
        with self.lock:
            proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    # ---- PostgreSQL --------------------------------------------------------------------
    def as_postgres(self, *argv) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + [str(a) for a in argv], check=True, capture_output=True)

    def pg_ctl(self, name: str, action: str) -> None:
        log = self.dir / name / "server.log"
        self.as_postgres(PG_BIN / "pg_ctl", "-D", self.dir / name, "-l", log, "-w", action)

    def start_postgres(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        primary = self.dir / "primary"
        self.as_postgres(
            PG_BIN / "initdb", "-D", primary, "-U", "portal", "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        with open(primary / "postgresql.conf", "a") as conf:
            conf.write(
                f"port = {PORTS['primary']}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.dir}'\n"
                "wal_level = replica\nmax_wal_senders = 4\nwal_keep_size = '256MB'\n"
                "hot_standby = on\nfsync = off\nmax_connections = 60\n"
            )
        self.pg_ctl("primary", "start")
        self.pg_started.append("primary")
        subprocess.run(
            [PG_BIN / "createdb", "-h", "127.0.0.1", "-p", str(PORTS["primary"]), "-U", "portal",
             "portal"], check=True,
        )  # fmt: skip
        replica = self.dir / "replica"
        self.as_postgres(
            PG_BIN / "pg_basebackup", "-h", "127.0.0.1", "-p", PORTS["primary"], "-U", "portal",
            "-D", replica, "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        with open(replica / "postgresql.conf", "a") as conf:
            conf.write(f"port = {PORTS['replica']}\n")
        self.pg_ctl("replica", "start")
        self.pg_started.append("replica")

    def sql(self, name: str, query: str, db: str = "portal") -> list[list[str]]:
        done = subprocess.run(
            [PG_BIN / "psql", "-h", "127.0.0.1", "-p", str(PORTS[name]), "-U", "portal", "-d", db,
             "-AtF", "\t", "-c", query],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return [line.split("\t") for line in done.stdout.splitlines()]

    # ---- the rest ----------------------------------------------------------------------
    def start_redis(self) -> None:
        self.spawn(
            "redis",
            ["redis-server", "--port", str(PORTS["redis"]), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "yes", "--dir", str(self.dir / "redis")],
        )  # fmt: skip
        wait_for_port(PORTS["redis"])

    def start_s3(self) -> None:
        self.spawn("s3", [PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(PORTS["s3"])])
        wait_for_port(PORTS["s3"])
        import boto3

        boto3.client(
            "s3", endpoint_url=f"http://127.0.0.1:{PORTS['s3']}", region_name="us-east-1",
            aws_access_key_id="cluster", aws_secret_access_key="cluster-secret",
        ).create_bucket(Bucket=BUCKET)  # fmt: skip

    def start_app(self, name: str) -> None:
        self.spawn(
            name,
            [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{PORTS[name]}",
             "-w", str(WORKERS_PER_APP), "--timeout", "30", "--graceful-timeout", "5"],
        )  # fmt: skip

    def start_worker(self) -> None:
        self.spawn(
            "worker",
            [PYTHON, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job", "default"],
        )

    def start_balancer(self) -> None:
        cfg = self.dir / "haproxy.cfg"
        cfg.write_text(HAPROXY_CFG.format(dir=self.dir, per_server=WORKERS_PER_APP, **PORTS))
        self.spawn("balancer", ["haproxy", "-f", str(cfg), "-db"])
        wait_for_port(PORTS["balancer"])

    def backend_status(self) -> dict[str, str]:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(self.dir / "haproxy.sock"))
            sock.sendall(b"show stat\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        lines = data.decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
        return {r["svname"]: r["status"] for r in rows if r["pxname"] == "app"}

    def wait_until(self, check, seconds: float, what: str) -> float:
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if check():
                return time.monotonic() - start
            time.sleep(0.2)
        raise RuntimeError(f"timed out after {seconds} s waiting for {what}")

    def start(self) -> dict:
        say(f"Cluster in {self.dir}")
        self.start_postgres()
        say("  PostgreSQL primary and streaming replica up")
        self.start_redis()
        self.start_s3()
        say("  Redis and the S3 server up; migrating and loading the demo content")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo", DJANGO_DEBUG="1")
        self.manage("collectstatic", "--noinput", "-v0")
        out = self.manage("shell", "-c", SETUP.replace("WRITERS", "4"))
        setup = json.loads(out.split("CLUSTER-SETUP ", 1)[1])
        for name in APP_SERVERS:
            self.start_app(name)
        self.start_worker()
        threading.Thread(target=self.supervise, daemon=True).start()
        threading.Thread(target=self.cron, daemon=True).start()
        for name in APP_SERVERS:
            wait_for_port(PORTS[name])
        self.start_balancer()
        self.wait_until(
            lambda: set(self.backend_status().values()) == {"UP"}, 30, "both app servers UP"
        )
        say(f"  Balancer on http://127.0.0.1:{PORTS['balancer']}/ with {len(APP_SERVERS)} app "
            f"servers and one task worker")  # fmt: skip
        return setup

    def stop(self) -> None:
        # A second Ctrl-C or SIGTERM must not cut the clean-up short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        self.stopping.set()
        for name in list(self.procs):
            self.kill(name)
        for name in reversed(self.pg_started):
            with contextlib.suppress(subprocess.CalledProcessError):
                self.as_postgres(PG_BIN / "pg_ctl", "-D", self.dir / name, "-m", "immediate",
                                 "-w", "stop")  # fmt: skip
        logs = ROOT / "bench-results" / "cluster-logs"
        shutil.rmtree(logs, ignore_errors=True)
        shutil.copytree(self.dir / "logs", logs, dirs_exist_ok=True)
        shutil.rmtree(self.dir, ignore_errors=True)
        say(f"Cluster stopped and removed (its logs: {logs.relative_to(ROOT)}/).")


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    cluster = Cluster()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        setup = cluster.start()
        if command == "test":
            sys.path.insert(0, str(ROOT / "deploy"))
            from cluster_checks import run_checks

            return run_checks(cluster, setup)
        say("Ctrl-C stops and removes everything.")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
