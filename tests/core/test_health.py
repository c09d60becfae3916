import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# A separate process, configured with a database that cannot be reached, asks for /healthz.
PROBE = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


@pytest.mark.django_db
def test_healthz_answers_200_with_a_database_round_trip(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"], body["tasks"]["ok"]) == ("ok", "ok", True)
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    "database_url",
    ["sqlite:////nonexistent-dir/wego/db.sqlite3", "postgres://postgres@127.0.0.1:1/test"],
    ids=["sqlite-unopenable", "postgres-nothing-listening"],
)
def test_healthz_answers_503_when_the_database_does_not_answer(database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wego_hub.settings.test", "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "unavailable", "database": "error"}}
