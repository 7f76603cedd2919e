"""The settings' parsers, given input strings (the process environment is not read)."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings import (
    default_cache_key_prefix,
    parse_bool,
    parse_caches,
    parse_database_url,
    parse_list,
    parse_media_storage,
    parse_replicas,
    parse_secret_key,
    parse_task_backend,
)

BASE = Path("/srv/portal")


@pytest.mark.parametrize("value", ["1", "true", "True", " yes ", "on", "TRUE"])
def test_parse_bool_true_words(value):
    assert parse_bool(value) is True


@pytest.mark.parametrize("value", ["0", "false", "no", "off", "", " False "])
def test_parse_bool_false_words(value):
    assert parse_bool("yes") is True
    assert parse_bool(value) is False


@pytest.mark.parametrize("value", ["ture", "2", "enabled", "y"])
def test_parse_bool_rejects_typos(value):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        parse_bool(value, name="DJANGO_DEBUG")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", []),
        ("example.org", ["example.org"]),
        ("a.org, b.org ,,c.org", ["a.org", "b.org", "c.org"]),
        (" , ", []),
    ],
)
def test_parse_list(value, expected):
    assert parse_list(value) == expected


@pytest.mark.parametrize("value", ["", "   "])
def test_parse_database_url_unset_or_empty_is_sqlite_next_to_manage_py(value):
    config = parse_database_url(value, base_dir=BASE)

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(BASE / "db.sqlite3")
    assert config.get("CONN_MAX_AGE", 0) == 0


def test_parse_database_url_postgres_over_tcp():
    config = parse_database_url("postgres://portal:s3cret@db.internal:5433/portal", base_dir=BASE)

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "portal")
    assert (config["USER"], config["PASSWORD"]) == ("portal", "s3cret")
    assert config["CONN_MAX_AGE"] == 60
    assert config["CONN_HEALTH_CHECKS"] is True


def test_parse_database_url_postgres_socket_forms():
    plain = parse_database_url("postgres:///test", base_dir=BASE)
    encoded = parse_database_url("postgresql://%2Fvar%2Frun%2Fpostgresql/test", base_dir=BASE)

    assert plain["NAME"] == "test"
    assert plain["HOST"] == ""
    assert encoded["HOST"] == "/var/run/postgresql"
    assert encoded["NAME"] == "test"


def test_parse_database_url_sqlite_file():
    config = parse_database_url("sqlite:////tmp/other.sqlite3", base_dir=BASE)

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/tmp/other.sqlite3"


def test_parse_database_url_refuses_other_engines():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        parse_database_url("mysql://u:p@localhost/portal", base_dir=BASE)


def test_parse_caches_without_redis_is_local_memory():
    for value in ("", "  "):
        caches = parse_caches(value, key_prefix="site-a")
        assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_parse_caches_with_redis_url_falls_back_to_the_database():
    caches = parse_caches("redis://127.0.0.1:6379/1", key_prefix="site-a")

    assert caches["default"]["BACKEND"] == "core.cache_backends.RedisCacheWithFallback"
    assert caches["default"]["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert caches["fallback"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert {c["KEY_PREFIX"] for c in caches.values()} == {"site-a"}


def test_default_cache_key_prefix_differs_per_database_name_and_host():
    one = default_cache_key_prefix({"HOST": "db1", "NAME": "portal"})

    assert one == default_cache_key_prefix({"HOST": "db1", "NAME": "portal"})
    assert one != default_cache_key_prefix({"HOST": "db2", "NAME": "portal"})
    assert one != default_cache_key_prefix({"HOST": "db1", "NAME": "portal_staging"})
    assert one.startswith("portal-")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "django_tasks.backends.immediate.ImmediateBackend"),
        ("immediate", "django_tasks.backends.immediate.ImmediateBackend"),
        (" Database ", "django_tasks_db.DatabaseBackend"),
    ],
)
def test_parse_task_backend(value, expected):
    assert parse_task_backend(value) == expected


def test_parse_task_backend_refuses_unknown_names():
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND"):
        parse_task_backend("celery")


def test_parse_secret_key_given_is_used_as_is():
    assert parse_secret_key("k" * 50, debug=False, testing=False) == "k" * 50


@pytest.mark.parametrize(("debug", "testing"), [(True, False), (False, True)])
def test_parse_secret_key_development_default_in_debug_or_tests(debug, testing):
    assert parse_secret_key("", debug=debug, testing=testing).startswith("django-insecure")


def test_parse_secret_key_missing_with_debug_off_raises():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        parse_secret_key("", debug=False, testing=False)


def test_running_settings_are_safe_by_default(settings):
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["default-src"] == ["'self'"]
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] == ["'self'", "data:"]
    assert settings.ACCOUNT_PREVENT_ENUMERATION is True


def test_responses_carry_the_security_headers(client, db):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_parse_replicas_names_each_replica_and_mirrors_it_under_tests():
    replicas = parse_replicas(
        "postgres://portal@replica-a/portal, postgres://portal@replica-b/portal", testing=True
    )

    assert list(replicas) == ["replica1", "replica2"]
    assert replicas["replica2"]["HOST"] == "replica-b"
    assert replicas["replica1"]["TEST"] == {"MIRROR": "default"}
    assert replicas["replica1"]["OPTIONS"]["connect_timeout"] == 2
    assert parse_replicas("", testing=False) == {}


def test_parse_replicas_refuses_sqlite():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_REPLICA_URLS"):
        parse_replicas("sqlite:////tmp/x.sqlite3", testing=False)


def test_parse_media_storage_defaults_to_the_local_disk():
    assert parse_media_storage("")["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_parse_media_storage_s3_compatible():
    config = parse_media_storage("s3://key:se%2Fcret@127.0.0.1:9000/uploads?secure=false")

    assert config["BACKEND"] == "core.storage.OwnOriginS3Storage"
    options = config["OPTIONS"]
    assert options["bucket_name"] == "uploads"
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert (options["access_key"], options["secret_key"]) == ("key", "se/cret")
    assert options["querystring_auth"] is False


@pytest.mark.parametrize("value", ["s3://host-only", "http://127.0.0.1/bucket"])
def test_parse_media_storage_rejects_other_urls(value):
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE_URL"):
        parse_media_storage(value)


def test_parse_task_backend_rq():
    assert parse_task_backend("rq") == "django_tasks_rq.RQBackend"


def test_responses_switch_off_the_browser_features_the_site_does_not_use(client, db):
    policy = client.get("/")["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert 'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")' in (
        policy
    )
