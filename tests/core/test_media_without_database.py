"""/media/ serves public images without the database; when the database cannot be reached, pages answer a plain 503
(with Retry-After), not a 500."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from core.views import database_unavailable

REPO = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def media_root(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.width-400.png").write_bytes(PNG)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "budget.pdf").write_bytes(b"%PDF-1.4")
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


@pytest.mark.django_db
def test_public_images_are_served_without_a_database_query(client, member, media_root, django_assert_num_queries):
    for signed_in in (False, True):
        if signed_in:
            client.force_login(member)  # a session cookie: nothing under /media/ should load it
        with django_assert_num_queries(0):
            image = client.get("/media/images/logo.width-400.png")
            missing = client.get("/media/images/gone.width-400.png")
            document = client.get("/media/documents/budget.pdf")
        assert image.status_code == 200 and b"".join(image.streaming_content) == PNG
        assert image["Cache-Control"] == "public, max-age=86400"
        assert "default-src" in image["Content-Security-Policy"]  # the headers still apply
        assert missing.status_code == document.status_code == 404
        assert missing.content.decode() == "This file does not exist."


# A separate process whose database cannot be reached: images still load; pages say so plainly with a 503.
PROBE = """
import django, json, sys
django.setup()
from django.conf import settings
from django.test import Client
settings.MEDIA_ROOT = sys.argv[1]
client = Client(raise_request_exception=False)
answers = {}
for name, path, cookies in [
    ("image", "/media/images/logo.width-400.png", {}),
    ("image signed in", "/media/images/logo.width-400.png", {"sessionid": "a-session-that-needs-the-database"}),
    ("missing image", "/media/images/gone.width-400.png", {"sessionid": "a-session-that-needs-the-database"}),
    ("home page", "/", {}),
    ("my hub signed in", "/me/", {"sessionid": "a-session-that-needs-the-database"}),
]:
    client.cookies.clear()
    for key, value in cookies.items():
        client.cookies[key] = value
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    answers[name] = {
        "status": response.status_code,
        "body": body.decode("latin-1"),
        "retry_after": response.get("Retry-After"),
    }
print(json.dumps(answers))
"""


@pytest.mark.parametrize(
    "database_url",
    ["sqlite:////nonexistent-dir/wego/db.sqlite3", "postgres://postgres@127.0.0.1:1/test"],
    ids=["sqlite-unopenable", "postgres-nothing-listening"],
)
def test_with_the_database_unreachable_images_load_and_pages_answer_503(database_url, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.width-400.png").write_bytes(PNG)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wego_hub.settings.test", "DATABASE_URL": database_url}
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["image"]["status"] == answers["image signed in"]["status"] == 200
    assert answers["image"]["body"] == PNG.decode("latin-1")
    assert answers["missing image"]["status"] == 404
    for page in ("home page", "my hub signed in"):
        assert answers[page]["status"] == 503, (page, answers[page]["body"][:2000])
        assert answers[page]["retry_after"] == "60"
        assert "We cannot reach our database right now" in answers[page]["body"]
        assert "Traceback" not in answers[page]["body"]


def test_only_database_outages_count_as_unavailable():
    from django.db import InterfaceError, OperationalError, ProgrammingError

    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as error:
            raise RuntimeError("while rendering the menu") from error
    except RuntimeError as wrapped:
        assert database_unavailable(wrapped)
    assert database_unavailable(InterfaceError("connection already closed"))
    assert not database_unavailable(ProgrammingError("no such column"))
    assert not database_unavailable(ValueError("bad input"))
    assert not database_unavailable(None)
