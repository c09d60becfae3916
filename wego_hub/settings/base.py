"""Settings shared by every environment.

Everything that differs between a laptop and a cluster is read from the environment
(see ``docs/operations.md`` and ``.env.example``); the defaults are the embedded set-up:
SQLite, database search, database cache, console email.
"""

import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.log import DEFAULT_LOGGING
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("WEGO_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_addresses(name):
    """ "Ops Team <ops@example.org>, other@example.org" → [("Ops Team", "ops@example.org"), ("", "other@…")].

    A typo would silently mean nobody is told, so an entry that is not an address stops start-up."""
    value = env(name, "")
    addresses = getaddresses([value]) if value else []
    if any("@" not in address for _name, address in addresses):
        raise ImproperlyConfigured(f"{name}: {value!r} is not a comma-separated list of email addresses.")
    return addresses


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "members",
    "courses",
    "toolkits",
    "cases",
    "events",
    "consultations",
    "community",
    "api",
    "ninja",  # its OpenAPI schema view
    "search.apps.SearchConfig",
    # Content translation: locales that keep their page trees in step with English (untranslated pages are aliases
    # of the English page), the editors' translation workflow, and PO export/import for outside translators.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "csp",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: its duration covers every other middleware, and it sees the 500 an error becomes.
    "core.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the path, a cookie or a form: a NUL in them gets a plain 400, never a database error.
    "core.middleware.RejectUnreadableInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.PublicPageCacheMiddleware",  # a kept page skips everything below (core.page_cache)
    # Compresses HTML and JSON (with Django's BREACH mitigation); static files come compressed from WhiteNoise.
    "django.middleware.gzip.GZipMiddleware",
    "api.middleware.OpenDataHeadersMiddleware",  # below GZip: the ETag is the uncompressed body's
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.LanguageMiddleware",  # after auth: it reads the member's preferred language
    "core.middleware.ViewerTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminFramingMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.RedirectMiddleware",  # Wagtail's, skipped for /media/ (served without the database)
]

ROOT_URLCONF = "wego_hub.urls"
WSGI_APPLICATION = "wego_hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    {
        # Plain-text emails (subjects and text bodies): nothing is HTML-escaped, so "O'Brien" is not "O&#x27;Brien".
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# --- Database -------------------------------------------------------------------------------------

DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(env("DATABASE_URL", DEFAULT_SQLITE_URL), conn_max_age=0),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE makes a writer take the
    # lock when its transaction starts, so concurrent writers wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
# Reusing a connection saves a connect (and, on SQLite, the PRAGMAs above) on every request.
DATABASES["default"]["CONN_MAX_AGE"] = int(env("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: shared by every worker, because allauth keeps its rate limits there ---------------------

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "wego_cache"}}
# Wagtail writes every rendition it serves to the "renditions" cache (the default one when there is none): in the
# database cache that is a write per image per request. Redis when there is one; otherwise each process's memory
# (a rendition row never changes; a deleted one only costs a process its stale entry until it expires).
CACHES["renditions"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "renditions"}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions", "TIMEOUT": 3600}
)

# Signed-out public pages (core.page_cache): shared by every app server, so a publish shows on all of them at once.
# Redis when there is one; otherwise a table of the database of its own (many pages, culled beyond MAX_ENTRIES).
CACHES["pages"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "pages"}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "wego_page_cache",
        "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4},
    }
)
# How long a kept page (and a CDN's copy) may be served: content changes show at once (a new version); what
# moves without an editor (seats left, an event becoming past) is right within this. 0 keeps nothing.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "60"))

SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Accounts -------------------------------------------------------------------------------------

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:me"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming (a POST) in the browser that signed up signs the person in and resumes allauth's stashed login, whose
# redirect is the sign-up's `next` (else /me/). allauth keeps that stash in the session for ACCOUNT_LOGIN_TIMEOUT
# (15 minutes); elsewhere or later the address is confirmed and the person is sent to sign in (then /me/).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[WeGo Hub] "
# allauth's defaults, written out so the limits are visible and reviewed; kept in the shared cache.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_email": "1/m/user",
    "manage_email": "10/m/user",
    "change_password": "5/m/user",
    # Ours, through allauth's limiter: deleting an account asks for the password, so it is limited like changing it
    # (members.views); a focal point's invitation submissions (each up to 50 addresses).
    "delete_account": "5/m/user",
    "invite": "10/h/user",
}

# The open-data API's limits (api.auth): requests without a token, per real client address; with one, per token.
API_RATE_LIMITS = {
    "client": env("API_RATE_LIMIT_CLIENT", "120/m"),
    "token": env("API_RATE_LIMIT_TOKEN", "600/m"),
}

# The Wagtail admin signs in through allauth so that its rate limits apply there too.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

# --- Two-step sign-in (allauth MFA) ---------------------------------------------------------------

INSTALLED_APPS += ["allauth.mfa"]
# After auth and messages: it reads request.user and leaves a message when it redirects.
MIDDLEWARE += ["members.middleware.SecondFactorForStaffMiddleware"]
# An authenticator app (TOTP), passkeys and security keys (WebAuthn), and recovery codes for a lost phone.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "WeGo Hub"
# One 30-second step either side: a code typed as it turns over, or a phone clock a few seconds off, still works.
MFA_TOTP_TOLERANCE = 1
# Under production settings superusers and the secretariat's editors cannot open /admin/ until they have set it up
# (members.middleware); the embedded demo leaves it optional so `make run` signs the admin in with a password.
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", False)

# --- Internationalisation -------------------------------------------------------------------------

LANGUAGE_CODE = "en"
# The interface and the content come in these six (docs/translation.md: adding a seventh). English is the language
# every page is written in first and the one unprefixed URLs serve; the others live under /fr/, /es/, …
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ko", _("Korean")),
    ("ru", _("Russian")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A visitor's choice in the language switcher is kept for a year (a member's is also kept in their profile).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Only these media folders are ever served by URL; documents go through Wagtail's serve view.
PUBLIC_MEDIA_PREFIXES = ("images/", "original_images/")

# --- Files on object storage (docs/operations.md, "Object storage"; decision 0005) ----------------------------------
# With a bucket, uploads (images, documents, toolkit files, applications' attachments, deliverables) live on
# S3-compatible object storage, so every app server has every file; without one, on MEDIA_ROOT. Nothing in the bucket
# is public: images leave through /media/, every other file after its access check as a signed address that lives
# MEDIA_SIGNED_URL_SECONDS (core.files). The endpoint must be one browsers reach: downloads are sent there.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
MEDIA_SIGNED_URL_SECONDS = int(env("MEDIA_SIGNED_URL_SECONDS", "60"))
if AWS_STORAGE_BUCKET_NAME:
    OBJECT_STORAGE_OPTIONS = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        # Unset ones fall back to boto3's own (an instance role's keys, the region of the environment).
        "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
        "region_name": env("AWS_S3_REGION_NAME"),
        "access_key": env("AWS_ACCESS_KEY_ID"),
        "secret_key": env("AWS_SECRET_ACCESS_KEY"),
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE"),  # "path" for MinIO and most self-hosted servers
        "location": env("AWS_LOCATION", ""),  # a folder of the bucket, when it is shared
    }
    STORAGES["default"] = {
        "BACKEND": "core.files.ObjectStorage",
        "OPTIONS": {name: value for name, value in OBJECT_STORAGE_OPTIONS.items() if value is not None},
    }

FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "WeGo Hub"
# The one public address (core.public_url): every link in an email, certificate, calendar file or export starts
# with it, and the default Wagtail Site follows it. `make run` sets it to the address it serves.
PUBLIC_URL = env("PUBLIC_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = PUBLIC_URL
# Open Badges 3.0 credentials (courses.badges): Ed25519 keys, "key-id:base64url-32-byte-seed" separated by commas.
# The first signs new credentials; every one is published in the issuer profile, so credentials signed with an older
# key still verify (rotate by putting a new key first). Unset (laptop, tests): one key derived from SECRET_KEY.
# Production requires it. `manage.py generate_badge_key <id>` prints a new entry.
OPEN_BADGES_SIGNING_KEYS = env("OPEN_BADGES_SIGNING_KEYS", "")
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "core.CustomDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document downloads as an attachment
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env("WAGTAILDOCS_MAX_UPLOAD_SIZE", str(25 * 1024 * 1024)))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env("WAGTAILIMAGES_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Shared passwords on private pages and collections are stored in plain text: not offered.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# No avatars fetched from gravatar.com: no request leaves the site, and no one's email hash is sent out.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's "new Wagtail release" panel fetches releases.wagtail.org from the editor's browser: our CSP blocks it
# (a console error on every dashboard) and upgrades follow the lock file, not a banner.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_HITS_MAX_AGE = 30

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            # One index per root model: the pages go to "<prefix>wagtailcore_page".
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "wego_hub_"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    # Wagtail's database backend, with every typed query cleaned first (core.search_backend says why).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend"}}

# A CDN or reverse proxy in front keeps signed-out public pages for PAGE_CACHE_SECONDS (their Cache-Control says
# so); Wagtail purges a page's addresses there when it is published or withdrawn, in a background task.
# docs/operations.md, "Caching".
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx or Squid: an HTTP PURGE to this address
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }

# --- Email ----------------------------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "WeGo Hub <no-reply@wego-hub.example>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = env("EMAIL_HOST")
# Every email (ours, allauth's, Wagtail's) is written to the outbox (core.OutgoingEmail) in the request's transaction
# and handed to the relay by a background task (core.tasks.deliver_email), with retries: a request never waits for
# the relay, and nothing is lost when it is down. EMAIL_DELIVERY_BACKEND is what the task sends with.
EMAIL_BACKEND = "core.mail.OutboxEmailBackend"
if EMAIL_HOST:
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    # Without a mail server, print emails (or, e.g. for the benchmark, drop them with the dummy backend).
    EMAIL_DELIVERY_BACKEND = env("EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend")
# A relay that accepts the connection and then hangs holds a worker, never a request; still, give up in time.
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))

# --- Background tasks (Django's tasks framework through django-tasks) -----------------------------

# Embedded: the database backend, one worker that `make run` starts beside the web server
# (`manage.py db_worker`). Production: TASK_BACKEND=rq, RQ on REDIS_URL, `manage.py rqworker default` on N machines.
TASK_BACKEND = env("TASK_BACKEND", "database")
if TASK_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "core.task_backends.OnCommitRQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {
        "default": {"URL": env("TASK_REDIS_URL", REDIS_URL or "redis://127.0.0.1:6379/0"), "DEFAULT_TIMEOUT": 300}
    }
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# `manage.py rqworker` must run the jobs as django-tasks' Job, which records each result: RQ's own Job fails every
# task ("'Task' object is not callable"). tests/scale_out runs the real command.
RQ = {"JOB_CLASS": "django_tasks_rq.backend.Job"}
# How often an email is tried before it is marked failed (about four hours of backoff: 1, 2, 4, … 60 minutes).
EMAIL_DELIVERY_ATTEMPTS = int(env("EMAIL_DELIVERY_ATTEMPTS", "10"))
# /healthz fails when a task has waited longer than this: the workers are gone or cannot keep up.
TASKS_MAX_WAIT_SECONDS = int(env("TASKS_MAX_WAIT_SECONDS", "600"))

# --- Security headers (on in every environment; production adds HTTPS-only settings) -------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Strict policy for the public site: scripts are files from 'self', never inline, so no nonce is needed and a
# signed-out page carries no per-response secret (it can be cached). core.middleware relaxes it under /admin/
# (the Wagtail admin uses inline scripts and styles: wagtail#1288).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# --- Logs and error reporting (docs/operations.md, "Error reporting" and "Logs") ------------------------

# Who gets Django's email about a server error: "Ops Team <ops@example.org>, other@example.org". Unset: nobody.
ADMINS = env_addresses("ADMINS")
# The error email (and the debug page) shows no cookie values and no password-like form fields.
DEFAULT_EXCEPTION_REPORTER_FILTER = "core.errors.ErrorReportFilter"

# Sentry only with SENTRY_DSN; dev.py and production.py start it (the test suite never does: its tests start
# their own client).
SENTRY_DSN = env("SENTRY_DSN")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", "production")
SENTRY_RELEASE = env("SENTRY_RELEASE")
SENTRY_TRACES_SAMPLE_RATE = float(env("SENTRY_TRACES_SAMPLE_RATE", "0"))

LOG_FORMATS = {
    "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    "json": {"()": "core.logs.JsonFormatter"},
}


def logging_config(log_format):
    """plain: readable lines on stderr (a laptop). json: one JSON object per line on stdout (production)."""
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}.")
    console = {"class": "logging.StreamHandler", "formatter": log_format}
    if log_format == "json":
        console["stream"] = "ext://sys.stdout"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {**LOG_FORMATS, "django.server": DEFAULT_LOGGING["formatters"]["django.server"]},
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "handlers": {
            "console": console,
            "mail_admins": {
                "level": "ERROR",
                "filters": ["require_debug_false"],
                "class": "django.utils.log.AdminEmailHandler",
                "email_backend": "core.mail.OutboxOrRelayEmailBackend",
            },
            "django.server": DEFAULT_LOGGING["handlers"]["django.server"],
        },
        "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
        "loggers": {
            # Errors on django.request (every 500) and django.security mail ADMINS, as in Django's default, and
            # reach the console once (Django's default "django" console handler printed a second copy with DEBUG).
            "django": {"handlers": ["mail_admins"], "propagate": True},
            # Configuring "django" resets its children: runserver's lines keep Django's own format.
            "django.server": DEFAULT_LOGGING["loggers"]["django.server"],
            "django.db.backends": {"level": "INFO"},
            # Background tasks and page actions log every step at INFO; keep the console readable.
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
            # core.middleware.RequestLogMiddleware: one line per request, at INFO (LOG_LEVEL=WARNING drops them).
            "wego_hub.requests": {},
        },
    }


LOG_FORMAT = env("LOG_FORMAT", "plain")
LOGGING = logging_config(LOG_FORMAT)
