"""Production: every secret and host comes from the environment, HTTPS only."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_list, logging_config


def required(name):
    value = env(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production (see .env.example).")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PUBLIC_URL = WAGTAILADMIN_BASE_URL = env("PUBLIC_URL", f"https://{ALLOWED_HOSTS[0]}")
# The keys that sign certificates' Open Badges credentials (courses.badges; docs/operations.md, "Badge keys").
OPEN_BADGES_SIGNING_KEYS = required("OPEN_BADGES_SIGNING_KEYS")

# Behind a load balancer that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies are only accepted over HTTPS, for this exact host, with Path=/.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True

# --- The client's address behind the TLS proxy (docs/operations.md, "The client's address") ------------------
# Rate limits (allauth's and ours, through core.clients) are per client only if the proxy tells us who the client
# is. Trusted only when configured: without a proxy that overwrites it, a header is whatever the client wrote.
# TRUSTED_PROXY_COUNT: how many proxies of ours append to X-Forwarded-For (the client is the entry that many
# from the right). CLIENT_IP_HEADER: a header our proxy sets to the client's address (X-Real-IP, CF-Connecting-IP).
ALLAUTH_TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT", "0")
if not ALLAUTH_TRUSTED_PROXY_COUNT.isdigit():
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is the number of proxies in front: 0, 1, 2 …")
ALLAUTH_TRUSTED_PROXY_COUNT = int(ALLAUTH_TRUSTED_PROXY_COUNT)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("CLIENT_IP_HEADER")
if ALLAUTH_TRUSTED_PROXY_COUNT and ALLAUTH_TRUSTED_CLIENT_IP_HEADER:
    raise ImproperlyConfigured("Set TRUSTED_PROXY_COUNT or CLIENT_IP_HEADER, not both (see docs/operations.md).")

# --- Two-step sign-in: required for superusers and the secretariat's editors (docs/operations.md) -----------------
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", True)

TEMPLATES[0]["APP_DIRS"] = False  # noqa: F405
TEMPLATES[0]["OPTIONS"]["loaders"] = [  # noqa: F405
    (
        "django.template.loaders.cached.Loader",
        ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
    )
]

# --- Logs and error reporting (docs/operations.md, "Error reporting" and "Logs") ------------------------
# One JSON object per line on stdout, for the log collector; LOG_FORMAT=plain for readable lines.
LOG_FORMAT = env("LOG_FORMAT", "json")
LOGGING = logging_config(LOG_FORMAT)
if SENTRY_DSN:  # noqa: F405
    from core.errors import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,  # noqa: F405
        environment=SENTRY_ENVIRONMENT,  # noqa: F405
        release=SENTRY_RELEASE,  # noqa: F405
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,  # noqa: F405
    )
