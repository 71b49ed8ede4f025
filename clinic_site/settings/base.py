"""Settings shared by every environment. dev.py, test.py and prod.py change only what differs."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # Before the admin, so translated fields show beside their English text.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_prose_editor",
    "reversion",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "education",
    "comments",
    "clinic_site",
]

MIDDLEWARE = [
    # Every log line written while a request is handled carries its request id.
    "clinic_site.middleware.RequestIDMiddleware",
    # Security headers come before WhiteNoise so static files get them too.
    "django.middleware.security.SecurityMiddleware",
    "clinic_site.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page, and 304 Not Modified when the browser's copy is current.
    "django.middleware.http.ConditionalGetMiddleware",
    # Cached pages for visitors without a session are answered here, before CSRF,
    # sessions, users and messages are set up: they hold no per-visitor value.
    # Anything with a session cookie goes on to be rendered afresh.
    "clinic_site.page_cache.middleware.PageCacheMiddleware",
    # The language comes from the address only (/fr/..., English at /), never from
    # a cookie or Accept-Language: see clinic_site/languages.py.
    "clinic_site.languages.URLLanguageMiddleware",
    # A body too large, with too many fields or that stops arriving gets a plain
    # answer (with the patient's words where they can be read) instead of Django's
    # bare 400 or the CSRF page.
    "clinic_site.middleware.RequestBodyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A database that refuses writes gets a 503 that keeps the patient's words.
    "clinic_site.middleware.DatabaseFaultMiddleware",
    # Last, so it can turn a locked-out login attempt into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"

# Run by the WSGI entry point (clinic_site/wsgi.py) before a worker serves: work a
# visitor would otherwise wait for on the first request (the spam filter's model).
WARM_UP = ["comments.spam_filter.warm_up"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "education.context_processors.clinic",
                "clinic_site.page_cache.context_processors.page_cache",
                "clinic_site.languages.languages",
            ],
        },
    },
]

WSGI_APPLICATION = "clinic_site.wsgi.application"

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL in production.
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"))
SQLITE_OPTIONS = {
    # WAL lets readers carry on while one writer commits; the busy timeout makes a
    # writer wait for the lock instead of failing at once; IMMEDIATE takes the write
    # lock at the start of a transaction so two writers never deadlock on upgrade.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "5")),
    "transaction_mode": "IMMEDIATE",
}


# Each worker keeps its connection for a minute instead of opening one per
# request: on SQLite, opening and setting up a connection cost more than the
# queries of a whole article page.
conn_max_age = int(os.environ.get("CONN_MAX_AGE", "60"))


def database_config():
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config["OPTIONS"] = dict(SQLITE_OPTIONS)
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": SQLITE_PATH,
        "OPTIONS": dict(SQLITE_OPTIONS),
        "CONN_MAX_AGE": conn_max_age,
        "CONN_HEALTH_CHECKS": True,
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Vancouver")
USE_I18N = True
# The site's own interface translations (templates, forms, messages); `make run`
# and `make test` compile them (README, "Languages"). LANGUAGES is at the end.
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["clinic_site.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]


def media_storage():
    """Where uploaded images are kept: a local folder, or an S3-compatible object store.

    MEDIA_STORAGE=s3 (with the AWS_* variables in .env.example and the ``s3`` extra
    installed) lets several servers share one store; see the README, "Media files".
    """
    if os.environ.get("MEDIA_STORAGE", "local").strip().lower() != "s3":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
        "default_acl": None,
        "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        "file_overwrite": False,
    }
    for option, name in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
    ]:
        if os.environ.get(name):
            options[option] = os.environ[name]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origins():
    """Where pictures come from when an object store serves them (for the CSP)."""
    if os.environ.get("MEDIA_STORAGE", "local").strip().lower() != "s3":
        return []
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return ["https://" + os.environ["AWS_S3_CUSTOM_DOMAIN"]]
    if os.environ.get("AWS_S3_ENDPOINT_URL"):
        return [os.environ["AWS_S3_ENDPOINT_URL"].rstrip("/")]
    return ["https://*.amazonaws.com"]


STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded images (the image library). In production the web server or the object
# store serves MEDIA_URL; SERVE_MEDIA lets Django serve it on a machine without one.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA")
# Hashed file names (site.3f2a9c.css) are cached for ever automatically; this is
# for the few files linked without a hash, which may change under the same name.
WHITENOISE_MAX_AGE = 60 * 60

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds to wait for the mail server; a hung server must not hold up a comment post.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (e-mail above all) run in a separate worker process,
# `manage.py db_worker`, never inside a web request. The queue is a table in the
# site's own database, so SQLite needs no other server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# How often a failed e-mail is tried again before it is left for staff to see.
TASK_EMAIL_ATTEMPTS = int(os.environ.get("TASK_EMAIL_ATTEMPTS", "5"))

LOGIN_URL = "admin:login"

# An expired or missing CSRF cookie on a patient's form shows their words again
# with a fresh token (clinic_site/form_rescue.py); elsewhere it says what to do.
CSRF_FAILURE_VIEW = "clinic_site.views.csrf_failure"

# A database that refuses writes is logged at ERROR (e-mailed to ADMINS) at most
# once per this many seconds in each worker; the repeats are warnings.
FAULT_LOG_INTERVAL = int(os.environ.get("FAULT_LOG_INTERVAL", "300"))

# /healthz reports the disk holding the SQLite database as full below this many
# bytes free (default 50 MB), before SQLite itself starts refusing writes.
HEALTHZ_MIN_FREE_BYTES = int(os.environ.get("HEALTHZ_MIN_FREE_BYTES", str(50 * 1024 * 1024)))
# How long /healthz waits for Redis before calling it degraded.
HEALTHZ_CACHE_TIMEOUT = float(os.environ.get("HEALTHZ_CACHE_TIMEOUT", "0.5"))

# Comments. Network addresses are stored only as a salted hash. Production sets
# COMMENTS_IP_SALT (a long random string, kept secret); without it the salt is
# derived from SECRET_KEY, so changing that key also changes every stored hash.
COMMENTS_IP_SALT = os.environ.get("COMMENTS_IP_SALT", "")
# The site's address for links in the daily digest e-mail, e.g. https://clinic.example.
COMMENTS_SITE_URL = os.environ.get("COMMENTS_SITE_URL", "")
# Optional Akismet spam check (staff also switch it on in Comment settings). The key
# is a secret, so it lives here, in the environment, never in the database.
AKISMET_API_KEY = os.environ.get("AKISMET_API_KEY", "")
AKISMET_API_URL = os.environ.get("AKISMET_API_URL", "")  # empty: Akismet's own service
AKISMET_TIMEOUT = float(os.environ.get("AKISMET_TIMEOUT", "3"))

# The staff admin lives at ADMIN_URL (default "admin/"); a less obvious path keeps
# casual password-guessing robots away from the login page.
ADMIN_URL = (os.environ.get("ADMIN_URL", "").strip("/") or "admin") + "/"

# Staff sessions end after SESSION_COOKIE_AGE seconds (default 8 hours) and when
# the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(60 * 60 * 8)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login protection, two limits within one cool-off (clinic_site/login_limits.py):
# AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that
# pair; AXES_ACCOUNT_FAILURE_LIMIT wrong passwords for one username from all
# addresses together lock the account everywhere, so many addresses do not buy
# an attacker more guesses. Both end when the cool-off has passed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("AXES_ACCOUNT_FAILURE_LIMIT", "20"))
AXES_FAILURE_LIMIT = "clinic_site.login_limits.failure_limit"
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_RESET_ON_SUCCESS = True
# The lock lasts exactly the cool-off, as the lock-out page promises, even if
# someone keeps trying meanwhile (those tries are refused all the same).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The address is the socket's own (REMOTE_ADDR). X-Forwarded-For is read only when
# TRUSTED_PROXY_COUNT says how many proxies of our own stand in front of the site.
AXES_CLIENT_IP_CALLABLE = "clinic_site.client_ip.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# --- Security headers --------------------------------------------------------
# Sent on every response: pages, the admin, error pages and static files.
# HSTS is only ever sent over HTTPS, so development on http:// is not affected.
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading puts the domain into the browsers' built-in HTTPS-only lists; taking
# it out again takes months, and every subdomain must have HTTPS by then. A clinic
# opts in knowingly with SECURE_HSTS_PRELOAD=1 (see README). Until then the deploy
# check's reminder (security.W021) is silenced on purpose.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Browser features the site never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Content Security Policy (django-csp 4): scripts, styles, fonts and images come
# only from this site; no inline script, no plugins, no framing, forms post here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws small icons (menu button, select arrows) as data: SVGs.
        "img-src": [SELF, "data:", *media_origins()],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- Cache and sessions ------------------------------------------------------
# REDIS_URL selects Redis, shared by every worker and server, through django-redis.
# Redis is never the system of record: with IGNORE_EXCEPTIONS an unreachable Redis
# costs speed, not the site (README, "When Redis is down"). Pages are then rendered
# without the cache; sessions live only in the database (Django's default engine:
# a few staff, one small query each, and never at the mercy of Redis's clock or
# uptime), so staff stay signed in; comment flood limits read the database.
# Short timeouts and no retries keep a missing Redis from slowing every request.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "clinic")


def redis_cache(url, key_prefix):
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 0)},
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, CACHE_KEY_PREFIX)}
    # Not every failed cache call: the page cache logs once when Redis goes away
    # and once when it is back (clinic_site/page_cache/generation.py).
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "clinic",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# Anonymous visitors get whole pages from the cache (clinic_site/page_cache/).
# Any content change makes them stale; other workers notice within
# PAGE_CACHE_CHECK_SECONDS. PAGE_CACHE_SECONDS bounds how long a page is kept;
# 0 turns the page cache off. Shared caches in front (nginx, a CDN) may keep an
# anonymous page PAGE_CACHE_SHARED_SECONDS (Cache-Control s-maxage).
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_CHECK_SECONDS = float(os.environ.get("PAGE_CACHE_CHECK_SECONDS", "1"))
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "1"))
PAGE_CACHE_EXCLUDE_PREFIXES = ("/healthz", "/" + ADMIN_URL)
# What may be stored: pages, and the public files crawlers and feed readers poll
# (robots.txt, the sitemap, the news feed), which cost a full render each time.
PAGE_CACHE_CONTENT_TYPES = (
    "text/html",
    "text/plain",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)
# Without Redis, the workers of one machine share the generation through this file.
PAGE_CACHE_GENERATION_FILE = (
    None if REDIS_URL else SQLITE_PATH.with_name(SQLITE_PATH.name + ".page-generation")
)

# --- Sign in to comment (optional, off by default) -------------------------------
# Patients may sign in with a provider the clinic sets up in the admin (Social
# applications: Google, Facebook, Microsoft, Apple or any OpenID Connect service),
# so the comment form is filled in with their name and e-mail. No provider, no
# sign-in link. The keys live in the database, entered by staff, never here.
# Sign-in is plain redirects to the provider: no provider script, no button image.
# Patient accounts have no password, are never staff and cannot be used to reach
# the admin (comments/sign_in/adapters.py); staff sign in to the admin as before.
INSTALLED_APPS += [
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.facebook",
    "allauth.socialaccount.providers.microsoft",
    "allauth.socialaccount.providers.apple",
    "allauth.socialaccount.providers.openid_connect",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "allauth.account.middleware.AccountMiddleware",
)
# The sign-in pages' forms may lead on to the providers set up (comments/sign_in/middleware.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("csp.middleware.CSPMiddleware") + 1,
    "comments.sign_in.middleware.SignInFormActionMiddleware",
)
AUTHENTICATION_BACKENDS += ["allauth.account.auth_backends.AuthenticationBackend"]
# Only provider sign-in: no passwords, sign-up forms or e-mail confirmations of our own.
SOCIALACCOUNT_ONLY = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "comments.sign_in.adapters.PatientAccountAdapter"
SOCIALACCOUNT_ADAPTER = "comments.sign_in.adapters.PatientSocialAccountAdapter"
# A patient account is only ever its own: never matched to another account (a
# staff member's above all) by e-mail address, and never linked to one.
ACCOUNT_UNIQUE_EMAIL = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_QUERY_EMAIL = True
# The sign-in is started by a button (a POST with a CSRF token), never by a link alone.
SOCIALACCOUNT_LOGIN_ON_GET = False
ACCOUNT_LOGOUT_ON_GET = False
# Nothing of the provider's is kept but the name and e-mail: no access tokens,
# and the smallest scopes that give those two.
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 5
SOCIALACCOUNT_PROVIDERS = {
    "google": {"SCOPE": ["profile", "email"], "AUTH_PARAMS": {"access_type": "online"}},
    "facebook": {"METHOD": "oauth2", "SCOPE": ["email"], "FIELDS": ["id", "name", "email"]},
    "microsoft": {"SCOPE": ["User.Read"]},
    "apple": {"SCOPE": ["name", "email"]},
    "openid_connect": {"SCOPE": ["openid", "profile", "email"], "OAUTH_PKCE_ENABLED": True},
}
PAGE_CACHE_EXCLUDE_PREFIXES = (*PAGE_CACHE_EXCLUDE_PREFIXES, "/accounts/")

# --- Logging -----------------------------------------------------------------
# One JSON object per line on standard output, each with the request id that is
# also sent back in the X-Request-ID header. Server errors are e-mailed to ADMINS.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "clinic_site.log.RequestIDFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        # A fault the site answered and logged itself (without the request) is not
        # logged again by django.request (with it).
        "skip_handled_faults": {"()": "clinic_site.log.SkipHandledFaults"},
    },
    "formatters": {"json": {"()": "clinic_site.log.JSONFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_id"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {
            "handlers": ["stdout", "mail_admins"],
            "filters": ["skip_handled_faults"],
            "level": "WARNING",
            "propagate": False,
        },
        # A database refusing writes: logged at ERROR (so e-mailed) without the request.
        "clinic_site.middleware": {
            "handlers": ["stdout", "mail_admins"],
            "level": LOG_LEVEL,
            "propagate": False,
        },
        "django.security": {
            "handlers": ["stdout", "mail_admins"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
ADMINS = [("Site administrator", address) for address in env_list("ADMIN_EMAILS")]

# `manage.py backup` (make backup) writes SQLite backups here.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))

# The languages the site is written in. English is the source language and stays at /;
# the others live under /fr/, /zh-hans/, /zh-hant/ and /pa/. Each name is in its own script.
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("pa", "ਪੰਜਾਬੀ"),
]

# Patient content in those languages (education/translation.py): each translated
# field gets one column per language (title_en, title_fr, ...). A column holds only
# a clinically approved translation; an empty one shows the English text.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
