"""The test suite: fast hashing, in-memory email, the same security headers as production."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key-with-enough-entropy-for-checks-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# pytest-django sets EMAIL_BACKEND to locmem; tests/conftest.py puts the outbox back in front of it.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Not the host the test client calls (testserver): a link built from the request, not from PUBLIC_URL, shows up
# (tests/conftest.py checks every email every test sends).
PUBLIC_URL = WAGTAILADMIN_BASE_URL = "https://hub.example.org"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
# Each test has its own media folder and reuses image ids after its rollback: no rendition outlives its test.
CACHES = {**CACHES, "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
# The manifest needs collectstatic; tests read static files from their sources instead.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Rate limits are tested on purpose in tests/members; elsewhere a suite should not trip them.
ACCOUNT_RATE_LIMITS = {
    **ACCOUNT_RATE_LIMITS,  # noqa: F405
    "login_failed": "1000/m/ip,5/5m/key",
    "signup": "1000/m/ip",
    "login": "1000/m/ip",
}
# The API's limits are tested on purpose in tests/api; elsewhere a suite should not trip them.
API_RATE_LIMITS = {"client": "100000/m", "token": "100000/m"}
LOGGING["root"]["level"] = env("LOG_LEVEL", "WARNING")  # noqa: F405
# Never Sentry from the suite, whatever the shell exports: tests/core/test_error_reporting.py starts its own client.
SENTRY_DSN = None
if ELASTICSEARCH_URL:  # noqa: F405
    # The search tests empty the index before each test: one index per pytest-xdist worker, so workers do not
    # empty each other's.
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] += f"test_{env('PYTEST_XDIST_WORKER', 'main')}_"  # noqa: F405
