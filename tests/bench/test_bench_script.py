"""The benchmark script's pure parts: reading wrk's output and choosing the median round."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "run.py"
WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8199/forums/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.41ms    3.02ms  40.11ms   80.00%
  Latency Distribution
     50%   11.90ms
     75%   13.00ms
     90%   15.20ms
     99%    1.02s
  3000 requests in 5.00s, 20.00MB read
Requests/sec:    600.12
Transfer/sec:      4.00MB
"""


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wrk_output_is_read(bench, monkeypatch):
    class Done:
        stdout = WRK_OUTPUT

    monkeypatch.setattr(bench.subprocess, "run", lambda *args, **kwargs: Done())

    result = bench.run_wrk("http://127.0.0.1/", duration=1, connections=1, threads=1)

    assert result == {"rps": 600.12, "p50": 11.9, "p99": 1020.0, "errors": 0}


def test_median_round_and_table(bench):
    rounds = [{"rps": r, "p50": 1.0, "p99": 2.0, "errors": 0} for r in (300, 100, 200)]
    median = bench.median_round(rounds)
    baseline = {**median, "rps": 1000}
    page = bench.Page("forum index", "/forums/")
    results = {"baseline": baseline, "forum index": median}

    table = bench.table([page], results, results, results, 1000, 1000, lost=set())

    assert median["rps"] == 200
    assert "| forum index | 200 | 20% | 1.0 / 2.0 | 200 | 20% | 1.0 / 2.0 | 200 | 20% |" in table


def test_server_env_runs_production_like_with_the_given_cache(bench, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")

    env = bench.server_env("postgres:///portal_bench", "redis://127.0.0.1:6379/15", 0)

    assert env["PORTAL_PAGE_CACHE_SECONDS"] == "0" and env["DJANGO_DEBUG"] == "0"
    assert env["REDIS_URL"] == "redis://127.0.0.1:6379/15"
    assert env["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1"


def test_prepare_alone_does_not_need_wrk(bench, monkeypatch):
    prepared = []
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    monkeypatch.setattr(bench, "prepare", lambda url, env: prepared.append(url))
    monkeypatch.setattr("sys.argv", ["run.py", "--prepare", "--database-url", "postgres:///x"])

    bench.main()

    assert prepared == ["postgres:///x"]


def test_measuring_without_wrk_says_so(bench, monkeypatch):
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    monkeypatch.setattr("sys.argv", ["run.py", "--database-url", "postgres:///x"])

    with pytest.raises(SystemExit, match="wrk is not installed"):
        bench.main()
