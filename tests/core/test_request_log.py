"""One log line per request: method, path, status, duration, user; nothing personal."""

import json
import logging

import pytest
from django.test import Client

from core.logs import JsonFormatter
from tests.core.error_urls import PERSON_EMAIL

pytestmark = pytest.mark.urls("tests.core.error_urls")


@pytest.fixture
def request_lines(caplog):
    caplog.set_level(logging.INFO, logger="wego_hub.requests")

    def lines():
        return [record for record in caplog.records if record.name == "wego_hub.requests"]

    return lines


@pytest.mark.django_db
def test_one_line_per_request_with_status_and_duration_for_200_404_and_500(request_lines, site_tree):
    client = Client(raise_request_exception=False)
    assert client.get("/healthz").status_code == 200
    assert client.get(f"/no-such-page/?q=parking&email={PERSON_EMAIL}&q=again").status_code == 404
    assert client.get("/boom/").status_code == 500

    lines = request_lines()
    assert [(line.method, line.path, line.status) for line in lines] == [
        ("GET", "/healthz", 200),
        ("GET", "/no-such-page/", 404),
        ("GET", "/boom/", 500),
    ]
    for line in lines:
        assert isinstance(line.duration_ms, float) and line.duration_ms >= 0
        assert line.user == "anon"
        assert f"status={line.status}" in line.getMessage()
        assert "duration_ms=" in line.getMessage()
    # The query string's keys, never its values.
    assert lines[1].query_keys == ["email", "q"]
    assert PERSON_EMAIL not in lines[1].getMessage()
    assert "parking" not in lines[1].getMessage()


@pytest.mark.django_db
def test_the_line_names_a_signed_in_user_by_id_and_carries_the_request_id(request_lines, member_client, member):
    member_client.get("/healthz", HTTP_X_REQUEST_ID="7f3a-42")
    member_client.get("/healthz", HTTP_X_REQUEST_ID="not an id\nforged=line")
    first, second = request_lines()
    assert first.user == str(member.pk)
    assert first.request_id == "7f3a-42"
    assert "request_id=7f3a-42" in first.getMessage()
    # A header that is not an id is not logged (it could forge a line or carry anything).
    assert not hasattr(second, "request_id")
    assert "forged" not in second.getMessage()


@pytest.mark.django_db
def test_secrets_and_addresses_in_the_path_are_not_logged(request_lines, site_tree):
    client = Client()
    client.get("/certificates/SECRETCODE123/")
    client.get(f"/members/{PERSON_EMAIL}/")
    certificate, address = request_lines()
    assert certificate.path == "/certificates/<code>/"
    assert PERSON_EMAIL not in address.path
    assert "SECRETCODE123" not in certificate.getMessage()


def test_json_formatter_writes_one_object_per_line_with_the_fields_and_no_request_object():
    logger = logging.getLogger("wego_hub.requests")
    record = logger.makeRecord(
        logger.name,
        logging.INFO,
        __file__,
        1,
        "method=GET path=/ status=200",
        (),
        None,
        extra={"status": 200, "duration_ms": 1.5, "request": object()},
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "INFO"
    assert data["logger"] == "wego_hub.requests"
    assert data["message"] == "method=GET path=/ status=200"
    assert data["status"] == 200
    assert data["duration_ms"] == 1.5
    assert "request" not in data
