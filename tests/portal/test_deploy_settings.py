"""The settings module as production starts it: in a fresh process, outside the test runner."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "production-like-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DJANGO_HSTS_SECONDS": "31536000",
    "PORTAL_SITE_URL": "https://portal.example.org",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}
    clean = {k: v for k, v in clean.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_like_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr


def test_start_up_without_a_secret_key_and_debug_off_fails():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SECRET_KEY"}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def _print_setting(name: str, env: dict) -> str:
    code = f"from django.conf import settings; print(settings.{name})"
    return manage("shell", "-c", code, env=env).stdout.strip().splitlines()[-1]


def test_cookies_are_secure_with_debug_off():
    assert _print_setting("SESSION_COOKIE_SECURE", PRODUCTION_ENV) == "True"
    assert _print_setting("CSRF_COOKIE_SECURE", PRODUCTION_ENV) == "True"


def test_plain_http_loopback_switches_secure_cookies_off_and_the_deploy_check_warns():
    env = {**PRODUCTION_ENV, "DJANGO_SECURE_COOKIES": "0"}

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert _print_setting("SESSION_COOKIE_SECURE", env) == "False"
    assert _print_setting("CSRF_COOKIE_SECURE", env) == "False"
    assert result.returncode != 0
    assert "security.W012" in result.stderr + result.stdout
    assert "security.W016" in result.stderr + result.stdout


def test_behind_a_proxy_the_visitors_address_comes_from_x_forwarded_for():
    """allauth limits sign-ins per address: behind a balancer, the address it appends."""
    behind = {**PRODUCTION_ENV, "DJANGO_BEHIND_PROXY": "1"}
    code = "from allauth import app_settings as a; print(a.TRUSTED_PROXY_COUNT)"

    counts = [manage("shell", "-c", code, env=env).stdout.split()[-1]
              for env in (PRODUCTION_ENV, behind)]  # fmt: skip

    assert counts == ["0", "1"]


def test_deploy_check_warns_while_the_site_url_is_the_default():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "PORTAL_SITE_URL"}

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "portal.W001" in result.stderr + result.stdout
    assert "PORTAL_SITE_URL" in result.stderr + result.stdout


def test_site_url_check_is_silent_once_the_site_url_is_set(settings):
    from portal.checks import site_url_is_set

    settings.SITE_URL = "https://portal.example.org"
    assert site_url_is_set(None) == []
    settings.SITE_URL = settings.SITE_URL_DEFAULT
    assert [message.id for message in site_url_is_set(None)] == ["portal.W001"]
