"""A laptop: debug on, console email, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env, env_list

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")

# --- Error reporting: Sentry only when SENTRY_DSN is set (docs/operations.md, "Error reporting") ---------
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", "development")
if SENTRY_DSN:  # noqa: F405
    from core.errors import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,  # noqa: F405
        environment=SENTRY_ENVIRONMENT,
        release=SENTRY_RELEASE,  # noqa: F405
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,  # noqa: F405
    )
