"""The portal's one settings module, driven by environment variables.

Every default is the production-safe one; `make run` switches DEBUG on for local work.
The parsing helpers take plain strings so that tests can check them without touching
the process environment.
"""

import hashlib
import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import dj_database_url
import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def parse_bool(value: str, *, name: str = "value") -> bool:
    """Parse a boolean strictly: a typo must not silently switch a safety setting."""
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no, not {value!r}.")


def parse_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_database_url(value: str, *, base_dir: Path) -> dict:
    """SQLite next to manage.py when unset or empty; otherwise PostgreSQL or SQLite URLs."""
    url = value.strip() or f"sqlite:///{base_dir / 'db.sqlite3'}"
    config = dj_database_url.parse(url)
    engine = config.get("ENGINE", "")
    if engine == "django.db.backends.postgresql":
        config["CONN_MAX_AGE"] = 60
        config["CONN_HEALTH_CHECKS"] = True
    elif engine != "django.db.backends.sqlite3":
        raise ImproperlyConfigured(f"DATABASE_URL must be postgres:// or sqlite://, not {url!r}.")
    return config


def default_cache_key_prefix(database: dict) -> str:
    """One deployment's keys never meet another's in a shared Redis: the prefix names the
    database this deployment writes to (its host and name)."""
    where = f"{database.get('HOST', '')}:{database.get('PORT', '')}/{database.get('NAME', '')}"
    return "portal-" + hashlib.sha256(where.encode()).hexdigest()[:12]


def parse_caches(redis_url: str, *, key_prefix: str) -> dict:
    """Redis when REDIS_URL is set (shared by every app server), local memory otherwise.
    The database cache stands in while Redis is unreachable (core.cache_backends)."""
    fallback = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache_fallback",
        "KEY_PREFIX": key_prefix,
    }
    if not redis_url.strip():
        default = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "KEY_PREFIX": key_prefix,
        }
        return {"default": default, "fallback": fallback}
    default = {
        "BACKEND": "core.cache_backends.RedisCacheWithFallback",
        "LOCATION": redis_url.strip(),
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            # An unreachable Redis costs at most a second, then the fallback answers.
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        },
        "KEY_PREFIX": key_prefix,
    }
    return {"default": default, "fallback": fallback}


TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
}


def parse_task_backend(value: str) -> str:
    """The task queue is chosen on its own, never implied by REDIS_URL."""
    name = value.strip().lower() or "immediate"
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(TASK_BACKENDS)}.")
    return TASK_BACKENDS[name]


def parse_replicas(value: str, *, testing: bool) -> dict:
    """DATABASE_REPLICA_URLS: read-only PostgreSQL replicas, as aliases replica1, replica2...
    Under tests each one mirrors the test database (Django's TEST MIRROR)."""
    replicas = {}
    for number, url in enumerate(parse_list(value), start=1):
        config = parse_database_url(url, base_dir=BASE_DIR)
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise ImproperlyConfigured("DATABASE_REPLICA_URLS takes postgres:// URLs only.")
        # A replica that is down must cost a request a refused connection, not a long wait.
        config["OPTIONS"] = {**config.get("OPTIONS", {}), "connect_timeout": 2}
        if testing:
            config["TEST"] = {"MIRROR": "default"}
        replicas[f"replica{number}"] = config
    return replicas


def parse_media_storage(url: str) -> dict:
    """Uploads on the local disk, or on S3-compatible storage given as
    s3://KEY:SECRET@host:port/bucket (https unless ?secure=false; keys may come from the
    usual AWS_* variables instead). They are always served from our own origin (/media/)."""
    if not url.strip():
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(url.strip())
    bucket = parts.path.strip("/")
    if parts.scheme != "s3" or not parts.hostname or not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE_URL must look like s3://key:secret@host/bucket.")
    query = dict(parse_qsl(parts.query))
    secure = parse_bool(query.get("secure", "true"), name="MEDIA_STORAGE_URL secure")
    port = f":{parts.port}" if parts.port else ""
    options = {
        "bucket_name": bucket,
        "endpoint_url": f"{'https' if secure else 'http'}://{parts.hostname}{port}",
        "region_name": query.get("region", "us-east-1"),
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    return {"BACKEND": "core.storage.OwnOriginS3Storage", "OPTIONS": options}


def parse_secret_key(value: str, *, debug: bool, testing: bool) -> str:
    if value:
        return value
    if debug or testing:
        return "django-insecure-local-development-only"
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY, or DJANGO_DEBUG=1 for local work.")


# pytest (8.2+) sets PYTEST_VERSION for the whole session, before settings are imported.
TESTING = "PYTEST_VERSION" in os.environ
DEBUG = parse_bool(env.str("DJANGO_DEBUG", default="false"), name="DJANGO_DEBUG")
SECRET_KEY = parse_secret_key(
    env.str("DJANGO_SECRET_KEY", default=""), debug=DEBUG, testing=TESTING
)
ALLOWED_HOSTS = parse_list(env.str("DJANGO_ALLOWED_HOSTS", default="localhost,127.0.0.1"))
if TESTING:
    ALLOWED_HOSTS += ["testserver"]
CSRF_TRUSTED_ORIGINS = parse_list(env.str("DJANGO_CSRF_TRUSTED_ORIGINS", default=""))

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "taggit",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    # The project, bottom to top (README, "Layout"): the shared layer, accounts, moderation,
    # the content apps, and portal, which composes them.
    "core",
    "safety",
    "search",
    "accounts",
    "moderation",
    "articles",
    "forums",
    "blogs",
    "videos",
    "heroes",
    "messaging",
    "portal",
]
# The benchmark's data builder and baseline view (`make bench`): a dev-only app, installed
# when benchmarking and under the test runner, never in production.
BENCHMARKING = parse_bool(env.str("PORTAL_BENCH", default=""), name="PORTAL_BENCH")
if BENCHMARKING or TESTING:
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.languages.LanguageMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.db_router.ReplicaReadsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.time_zones.MemberTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "accounts.context_processors.notifications",
                "messaging.context_processors.unread_messages",
            ],
        },
    },
]

DATABASES = {
    "default": parse_database_url(env.str("DATABASE_URL", default=""), base_dir=BASE_DIR),
    **parse_replicas(env.str("DATABASE_REPLICA_URLS", default=""), testing=TESTING),
}
if TESTING and len(DATABASES) == 1:
    # The router's own tests read through a second alias of the test database.
    DATABASES["replica1"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["core.db_router.PrimaryReplicaRouter"]
# Aliases page views may read from; tests switch them on one test at a time.
DATABASE_REPLICAS = [] if TESTING else [alias for alias in DATABASES if alias != "default"]
# After a member's write, their reads stay on the primary this long (kept in the session).
DATABASE_READ_YOUR_WRITES_SECONDS = env.int("DATABASE_READ_YOUR_WRITES_SECONDS", default=10)
# A replica further behind than this is skipped; its lag is measured at most every 5 s.
DATABASE_REPLICA_MAX_LAG_SECONDS = env.float("DATABASE_REPLICA_MAX_LAG_SECONDS", default=5.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_KEY_PREFIX = env.str("DJANGO_CACHE_KEY_PREFIX", default="") or default_cache_key_prefix(
    DATABASES["default"]
)
CACHES = parse_caches(env.str("REDIS_URL", default=""), key_prefix=CACHE_KEY_PREFIX)
if CACHES["default"]["BACKEND"] == "core.cache_backends.RedisCacheWithFallback":
    # Sessions live in the database and are read through Redis: a Redis outage signs no one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Whole anonymous pages are cached this long at most (0 switches the page cache off).
PAGE_CACHE_SECONDS = env.int("PORTAL_PAGE_CACHE_SECONDS", default=0 if DEBUG or TESTING else 300)

TASKS = {"default": {"BACKEND": parse_task_backend(env.str("TASKS_BACKEND", default=""))}}
# TASKS_BACKEND=rq keeps the queue in Redis (REDIS_URL); workers: `manage.py rqworker default`.
RQ_QUEUES = {"default": {"URL": env.str("REDIS_URL", default="") or "redis://127.0.0.1:6379/0"}}
# django_rq is installed for its worker command only: no dashboard in the admin (its stats
# URLs answer outside the admin login, and staff follow failed tasks in the task results).
RQ_SHOW_ADMIN_LINK = False
# `manage.py requeue_stale_tasks` (run it every few minutes) puts a task back in the queue
# when it has been "running" this long: its worker died (killed, out of memory, a restart).
TASKS_STALE_AFTER_SECONDS = env.int("TASKS_STALE_AFTER_SECONDS", default=900)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: usernames are public pseudonyms, emails stay private.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"  # emails via the task queue; sign-in limits
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm", "login": "accounts.forms.LoginForm"}
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_USERNAME_VALIDATORS = "accounts.validators.signup_username_validators"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Confirming the email signs the new member in (when it is done in the browser that signed
# up) and opens the welcome page (portal/welcome.py).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_REDIRECT_URL = "/welcome/"
ACCOUNT_EMAIL_CONFIRMATION_AUTHENTICATED_REDIRECT_URL = "/welcome/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Staff must have two-factor authentication set up before the admin lets them in.
ADMIN_REQUIRE_MFA = parse_bool(
    env.str("DJANGO_ADMIN_REQUIRE_MFA", default="false" if DEBUG or TESTING else "true"),
    name="DJANGO_ADMIN_REQUIRE_MFA",
)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The interface languages: add one by adding its catalogue (README, "Adding a language").
# English, the default, has no URL prefix; every other language's pages live under /<code>/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Our wording of dates for people (core_tags.when); a language without a module here gets
# Django's own formats.
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Tests and DEBUG serve static files straight from the finders, no collectstatic needed.
STATICFILES_BACKEND = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
    if DEBUG or TESTING
    else "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
STORAGES = {
    "default": parse_media_storage(env.str("MEDIA_STORAGE_URL", default="")),
    "staticfiles": {"BACKEND": STATICFILES_BACKEND},
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# Email: the console by default, so a newcomer can finish signup from the terminal.
EMAIL_HOST = env.str("EMAIL_HOST", default="")
EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
# Where the file-based backend (django.core.mail.backends.filebased.EmailBackend) writes.
EMAIL_FILE_PATH = env.str("DJANGO_EMAIL_FILE_PATH", default=str(BASE_DIR / "sent-mail"))
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
# Seconds a connection to the mail server, or one send, may take before it counts as failed
# (and is retried later by the task queue).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
EMAIL_USE_TLS = parse_bool(env.str("EMAIL_USE_TLS", default="true"), name="EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Patient Portal <no-reply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's name in page titles, the header, every email, feeds and alerts, read through
# core.site.site_name(): a name per language (PORTAL_SITE_NAME_ES, …) wins, else the one name
# for every language (PORTAL_SITE_NAME), else the translated "Patient Portal".
SITE_NAME = env.str("PORTAL_SITE_NAME", default="")
SITE_NAMES = {
    code: name
    for code, _name in LANGUAGES
    if (name := env.str(f"PORTAL_SITE_NAME_{code.upper().replace('-', '_')}", default=""))
}
# What authenticator apps show next to the code: one label, whatever the page's language.
MFA_TOTP_ISSUER = SITE_NAME or SITE_NAMES.get(LANGUAGE_CODE) or "Patient Portal"
# The address people reach the site at: every link in an email is built from it (sign-up
# confirmation, password reset, notifications, unsubscribe). Required in production:
# `check --deploy` warns while it is the default (portal.W001).
SITE_URL_DEFAULT = "http://127.0.0.1:8000"
SITE_URL = env.str("PORTAL_SITE_URL", default=SITE_URL_DEFAULT).rstrip("/")

# Security: safe by default, relaxed only by DEBUG or explicit variables.
SECURE_SSL_REDIRECT = parse_bool(
    env.str("DJANGO_SECURE_SSL_REDIRECT", default="false" if DEBUG or TESTING else "true"),
    name="DJANGO_SECURE_SSL_REDIRECT",
)
if parse_bool(env.str("DJANGO_BEHIND_PROXY", default="false"), name="DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The visitor's address is the one the proxy appends to X-Forwarded-For: without it,
    # allauth's per-address sign-in limit (30 a minute) counts every visitor as the proxy.
    ALLAUTH_TRUSTED_PROXY_COUNT = 1
# Session and CSRF cookies travel over HTTPS only. A deployment served over plain http on
# loopback (a local load test) may switch this off; `check --deploy` then warns (W012, W016).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = parse_bool(
    env.str("DJANGO_SECURE_COOKIES", default="false" if DEBUG or TESTING else "true"),
    name="DJANGO_SECURE_COOKIES",
)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = parse_bool(
    env.str("DJANGO_HSTS_PRELOAD", default="false"), name="DJANGO_HSTS_PRELOAD"
)
# Preloading commits the domain and every subdomain to HTTPS in browsers for months, and
# anyone may submit a domain whose header says "preload": an explicit opt-in only. Django's
# deploy check warns about the default (security.W021); that warning is the decision.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Only our own origin. Video players are framed from the providers' privacy domains,
# and only after the visitor clicks (see videos/).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Request bodies: the longest post (50,000 characters, percent-encoded) fits with room to
# spare; a larger body is refused with 400 before any view reads it. File uploads (covers,
# videos) are streamed to disk and checked by their own limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# Browser features: all off, except what the two video players need once a visitor
# presses play (their iframes ask for autoplay, fullscreen, encrypted media and PiP).
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        ["accelerometer", "ambient-light-sensor", "bluetooth", "camera", "display-capture",
         "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone",
         "midi", "payment", "screen-wake-lock", "serial", "usb",
         "xr-spatial-tracking", "browsing-topics", "interest-cohort"],
        [],
    ),
    **dict.fromkeys(
        ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"],
        ["self", *VIDEO_PLAYER_ORIGINS],
    ),
}  # fmt: skip

SIMPLE_HISTORY_REVERT_DISABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}

# django-ratelimit keeps its counters in the shared cache; with the cache down, posts go
# through (accounts.limits logs it).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True
# Posting limits (accounts.limits): (new members, everyone else), "count/period".
# Off only for load tests of a whole cluster (deploy/cluster.py), where a few members post
# hundreds of replies a minute on purpose.
PORTAL_POSTING_LIMITS = parse_bool(
    env.str("PORTAL_POSTING_LIMITS", default="true"), name="PORTAL_POSTING_LIMITS"
)
PORTAL_POSTING_RATES = {
    "forum_post": ("3/10m", "30/h"),
    "blog_post": ("3/d", "20/d"),
    "blog_comment": ("10/h", "60/h"),
    "nomination": ("3/d", "5/d"),
    # "Was this page helpful?" answers, per IP address (no account needed): a ward's shared
    # connection still fits, a script does not.
    "article_feedback": ("20/h", "20/h"),
    "image_upload": ("5/d", "50/d"),
}
# Images a post or comment may show: (new members, everyone else).
PORTAL_IMAGES_PER_POST = (2, 10)

# Private messages: group size and how many a member may send (django-ratelimit rate).
MESSAGING_MAX_RECIPIENTS = env.int("PORTAL_MESSAGING_MAX_RECIPIENTS", default=5)
MESSAGING_RATE_LIMIT = env.str("PORTAL_MESSAGING_RATE_LIMIT", default="20/h")

# Retention (days): how long each kind of record is kept before `manage.py purge_expired`
# (run it daily) deletes it. The privacy page states these periods.
RETENTION_DAYS = {
    "notifications": env.int("PORTAL_RETAIN_NOTIFICATIONS_DAYS", default=180),
    "read_states": env.int("PORTAL_RETAIN_READ_STATES_DAYS", default=365),
    "resolved_reports": env.int("PORTAL_RETAIN_RESOLVED_REPORTS_DAYS", default=730),
    "logs": env.int("PORTAL_RETAIN_LOGS_DAYS", default=730),
    # What the blog editor kept while a post was typed, never saved nor published by its author.
    "blog_autosaves": env.int("PORTAL_RETAIN_BLOG_AUTOSAVES_DAYS", default=30),
}
# How long backups keep data after it was erased here (said on the privacy page).
BACKUP_RETENTION_DAYS = env.int("PORTAL_BACKUP_RETENTION_DAYS", default=30)
# Sign-up: the youngest age allowed to join, and the honeypot's minimum fill time.
MINIMUM_AGE = env.int("PORTAL_MINIMUM_AGE", default=16)
SIGNUP_MIN_SECONDS = env.int("PORTAL_SIGNUP_MIN_SECONDS", default=3)

# A new member (tighter posting limits): joined fewer than this many days ago, or has
# fewer than this many visible posts.
PORTAL_NEW_MEMBER_DAYS = env.int("PORTAL_NEW_MEMBER_DAYS", default=7)
PORTAL_NEW_MEMBER_POSTS = env.int("PORTAL_NEW_MEMBER_POSTS", default=5)
# A new member's first forum posts wait for a moderator's approval (0: none are held), and
# a new member's post, comment or message may carry at most this many links.
PORTAL_HOLD_FIRST_POSTS = env.int("PORTAL_HOLD_FIRST_POSTS", default=2)
PORTAL_NEW_MEMBER_MAX_LINKS = env.int("PORTAL_NEW_MEMBER_MAX_LINKS", default=2)
# New members may answer private messages but not start a conversation.
PORTAL_NEW_MEMBERS_START_CONVERSATIONS = parse_bool(
    env.str("PORTAL_NEW_MEMBERS_START_CONVERSATIONS", default="false"),
    name="PORTAL_NEW_MEMBERS_START_CONVERSATIONS",
)

# An unacknowledged crisis flag alerts the moderators again after this many minutes
# (`manage.py renotify_crisis_flags`, run every minute).
MODERATION_CRISIS_RENOTIFY_MINUTES = env.int("MODERATION_CRISIS_RENOTIFY_MINUTES", default=15)
