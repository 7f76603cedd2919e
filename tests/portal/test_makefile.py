"""`make run` serves where it is told (PORT, HOST)."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings


def _dry_run(*args: str) -> str:
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(
        ["make", "-n", "run", f"VENV={venv}", *args],
        cwd=settings.BASE_DIR, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return result.stdout


def test_make_run_serves_on_127_0_0_1_port_8000_by_default():
    assert "runserver 127.0.0.1:8000" in _dry_run()


def test_make_run_takes_port_and_host():
    assert "runserver 0.0.0.0:8001" in _dry_run("PORT=8001", "HOST=0.0.0.0")
