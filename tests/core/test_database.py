import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import django, json
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    journal = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    foreign_keys = cursor.execute("PRAGMA foreign_keys").fetchone()[0]
print(json.dumps({"journal": journal, "foreign_keys": foreign_keys,
                  "transaction_mode": connection.transaction_mode}))
"""


def test_embedded_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wego_hub.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "journal": "wal",
        "foreign_keys": 1,
        "transaction_mode": "IMMEDIATE",
    }


@pytest.mark.django_db
def test_postgresql_is_what_the_suite_runs_on_when_configured(require_postgres):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 150000  # PostgreSQL 15 or newer
