"""Errors reach someone (ADMINS email or Sentry), nothing personal leaves with them, and the 500 page says which."""

import gzip
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sentry_sdk
from django.test import Client

from core.errors import SecretCollectingScrubber, init_sentry, scrub_event, someone_is_told
from tests.core.error_urls import PERSON_EMAIL

REPO = Path(__file__).resolve().parents[2]
ADMINS = [("Ops Team", "ops@example.org")]
PASSWORD = "correct-horse-battery-staple"
COOKIE_VALUE = "cookie-value-4f9a1c"
SESSION_VALUE = "session-value-77b2e0"
TOLD = "The team has been told"

pytestmark = pytest.mark.urls("tests.core.error_urls")


@pytest.fixture
def failing_client(settings):
    """Requests at the public address (call with secure=True), as in production: the error email names the URL."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "hub.example.org"]
    client = Client(raise_request_exception=False, HTTP_HOST="hub.example.org")
    client.cookies["hub_preference"] = COOKIE_VALUE
    client.cookies[settings.SESSION_COOKIE_NAME] = SESSION_VALUE
    return client


@pytest.fixture
def nobody(settings):
    settings.ADMINS = []
    assert not sentry_sdk.get_client().is_active()


class SentryServer(ThreadingHTTPServer):
    """Stands in for sentry.io: records every envelope the SDK posts to /api/<project>/envelope/."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SentryHandler)
        self.envelopes = []

    @property
    def dsn(self):
        return f"http://publickey@127.0.0.1:{self.server_address[1]}/42"

    def events(self):
        """The error events (not sessions or client reports) among the posted envelopes, as dicts."""
        found = []
        for body in self.envelopes:
            lines = body.split(b"\n")
            for header, payload in zip(lines[1::2], lines[2::2], strict=False):
                if header and json.loads(header).get("type") == "event":
                    found.append(json.loads(payload))
        return found


class SentryHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        assert self.path == "/api/42/envelope/"
        self.server.envelopes.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format, *args):
        pass


@pytest.fixture
def sentry(monkeypatch):
    """Sentry started the way the settings start it, sending to a local server; stopped afterwards."""
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = SentryServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    init_sentry(dsn=server.dsn, environment="test", release="wego-hub@1.2.3")
    try:
        yield server
    finally:
        sentry_sdk.get_client().close(timeout=5)
        sentry_sdk.get_global_scope().set_client(None)
        server.shutdown()
        server.server_close()


def test_nobody_is_told_without_admins_or_sentry(nobody):
    assert someone_is_told() is False


def test_admins_with_a_mail_server_are_told(settings):
    settings.ADMINS = ADMINS
    assert someone_is_told() is True


@pytest.mark.parametrize(
    "backend", ["django.core.mail.backends.console.EmailBackend", "django.core.mail.backends.dummy.EmailBackend"]
)
def test_admins_are_not_told_by_an_email_backend_that_delivers_nothing(settings, backend):
    settings.ADMINS = ADMINS
    settings.EMAIL_BACKEND = backend
    assert someone_is_told() is False


def test_admins_are_not_told_with_debug_on(settings):
    # Django's mail_admins handler only sends with DEBUG off (require_debug_false): the page must not claim it.
    settings.ADMINS = ADMINS
    settings.DEBUG = True
    assert someone_is_told() is False


def test_admins_are_not_told_when_logging_has_no_mail_admins_handler(settings, monkeypatch):
    settings.ADMINS = ADMINS
    monkeypatch.setattr(logging.getLogger("django"), "handlers", [])
    assert someone_is_told() is False


def test_sentry_alone_tells_the_team(settings, sentry):
    settings.ADMINS = []
    assert someone_is_told() is True


@pytest.mark.django_db
def test_500_page_without_anyone_told_says_what_to_do(failing_client, nobody, site_tree):
    response = failing_client.get("/boom/", secure=True)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert TOLD not in html
    assert "Please try again in a few minutes." in html
    assert 'href="mailto:secretariat@wego-hub.example"' in html


@pytest.mark.django_db
def test_500_page_says_the_team_has_been_told_when_admins_get_the_email(failing_client, settings, site_tree):
    settings.ADMINS = ADMINS
    response = failing_client.get("/boom/", secure=True)
    assert response.status_code == 500
    assert TOLD in response.content.decode()


@pytest.mark.django_db
def test_500_page_after_a_database_error_asks_nothing_of_the_database(nobody, site_tree, django_assert_num_queries):
    # Without a session cookie nothing else in the request asks the database either.
    with django_assert_num_queries(0):
        response = Client(raise_request_exception=False).get("/boom-db/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Please try again in a few minutes." in html
    assert "let the secretariat know" in html
    assert "mailto:" not in html


@pytest.mark.django_db
def test_a_500_emails_admins_without_cookies_or_passwords(failing_client, settings, mailoutbox, tasks_done):
    settings.ADMINS = ADMINS
    with tasks_done():  # the error email goes through the outbox, like every email
        response = failing_client.post(
            "/boom-form/?next=/me/", {"email": PERSON_EMAIL, "password": PASSWORD}, secure=True
        )
    assert response.status_code == 500
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ops@example.org"]
    assert "/boom-form/" in message.subject
    assert "RuntimeError" in message.body
    for secret in (PASSWORD, COOKIE_VALUE, SESSION_VALUE):
        assert secret not in message.body


@pytest.mark.django_db
def test_sentry_receives_the_error_without_email_addresses_cookies_or_passwords(failing_client, sentry):
    response = failing_client.post(
        f"/boom-form/?email={PERSON_EMAIL}", {"email": PERSON_EMAIL, "password": PASSWORD}, secure=True
    )
    assert response.status_code == 500
    response = failing_client.get("/boom/", HTTP_X_REQUEST_ID="req-123", secure=True)
    assert response.status_code == 500
    sentry_sdk.flush(timeout=5)

    events = sentry.events()
    assert [event["exception"]["values"][-1]["type"] for event in events] == ["RuntimeError", "RuntimeError"]
    assert {event["environment"] for event in events} == {"test"}
    assert {event["release"] for event in events} == {"wego-hub@1.2.3"}
    assert events[1]["tags"]["request_id"] == "req-123"
    assert events[1]["exception"]["values"][-1]["value"] == "Could not notify [redacted]"
    sent = b"\n".join(sentry.envelopes).decode()
    for secret in (PERSON_EMAIL, PERSON_EMAIL.replace("@", "%40"), PASSWORD, COOKIE_VALUE, SESSION_VALUE):
        assert secret not in sent
    assert "user" not in events[0]
    assert sentry_sdk.get_client().should_send_default_pii() is False


def test_scrub_event_redacts_by_key_part_address_and_copied_secret():
    event = {
        "request": {
            "cookies": {"a": "b"},
            "headers": {"Cookie": f"__Host-sessionid={SESSION_VALUE}; other={COOKIE_VALUE}", "Accept": "text/html"},
            "data": {"password1": PASSWORD, "title": "Hello"},
        },
        "exception": {
            "values": [
                {
                    "value": f"mail to {PERSON_EMAIL} failed",
                    "stacktrace": {
                        "frames": [
                            {"vars": {"raw": f"'{PASSWORD}'", "session_key": "x", "value": COOKIE_VALUE}},
                        ]
                    },
                }
            ]
        },
        "modules": {"django-allauth": "65.0"},
    }
    scrubbed = scrub_event(event)
    assert "cookies" not in scrubbed["request"]
    assert scrubbed["request"]["headers"] == {"Cookie": "[redacted]", "Accept": "text/html"}
    assert scrubbed["request"]["data"] == {"password1": "[redacted]", "title": "Hello"}
    exception = scrubbed["exception"]["values"][0]
    assert exception["value"] == "mail to [redacted] failed"
    assert exception["stacktrace"]["frames"][0]["vars"] == {
        "raw": "'[redacted]'",
        "session_key": "[redacted]",
        "value": "[redacted]",
    }
    assert scrubbed["modules"] == {"django-allauth": "65.0"}


def test_collecting_secrets_survives_a_local_variable_that_contains_itself():
    loop = {"password": PASSWORD}
    loop["self"] = loop
    event = {"exception": {"values": [{"stacktrace": {"frames": [{"vars": {"loop": loop, "copy": PASSWORD}}]}}]}}
    SecretCollectingScrubber().scrub_event(event)
    serialised = {"exception": {"values": [{"stacktrace": {"frames": [{"vars": {"copy": PASSWORD}}]}}]}}
    assert scrub_event(serialised)["exception"]["values"][0]["stacktrace"]["frames"][0]["vars"] == {
        "copy": "[redacted]"
    }


PRODUCTION_PROBE = """
import django, json, logging, sys
django.setup()
from django.conf import settings
from core.errors import someone_is_told
from django.test import Client
response = Client().get("/healthz", HTTP_X_REQUEST_ID="probe-1", secure=True)
sys.stderr.write(json.dumps({"status": response.status_code, "told": someone_is_told()}))
"""


def production_environment(folder, admins=""):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wego_hub.settings.production",
        "SECRET_KEY": "probe-only-key-0123456789abcdef0123456789abcdef",
        "ALLOWED_HOSTS": "testserver",
        "OPEN_BADGES_SIGNING_KEYS": "probe:" + "A" * 43,
        "DATABASE_URL": f"sqlite:///{folder / 'probe.sqlite3'}",
        "WEGO_VAR_DIR": str(folder),
        "EMAIL_HOST": "smtp.example.org",
        "ADMINS": admins,
        "LOG_LEVEL": "INFO",
    }
    for name in ("LOG_FORMAT", "SENTRY_DSN", "REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    return env


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    """A production database, migrated once for the probes (/healthz reads the task and outbox tables). Migrating
    from nothing took over 120 s on a busy 2-core machine: the bound is for a hang, not for a slow machine."""
    folder = tmp_path_factory.mktemp("production")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=REPO,
        env=production_environment(folder),
        check=True,
        timeout=400,
    )
    return folder / "probe.sqlite3"


@pytest.mark.parametrize(("admins", "told"), [("Ops Team <ops@example.org>, other@example.org", True), ("", False)])
def test_production_writes_json_request_lines_to_stdout_and_mails_admins(tmp_path, migrated_database, admins, told):
    shutil.copy(migrated_database, tmp_path / "probe.sqlite3")
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=REPO,
        env=production_environment(tmp_path, admins),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stderr.strip().splitlines()[-1]) == {"status": 200, "told": told}
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    requests = [line for line in lines if line["logger"] == "wego_hub.requests"]
    assert len(requests) == 1
    assert requests[0] | {"time": None, "duration_ms": None} == {
        "time": None,
        "level": "INFO",
        "logger": "wego_hub.requests",
        "message": requests[0]["message"],
        "method": "GET",
        "path": "/healthz",
        "status": 200,
        "duration_ms": None,
        "user": "anon",
        "request_id": "probe-1",
    }
    assert isinstance(requests[0]["duration_ms"], float)
