"""`make bench` keeps working: a tiny run, in-process only, into a temporary folder."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.pages import PAGES

REPO = Path(__file__).resolve().parents[1]


def test_the_benchmark_runs_and_reports_every_page(tmp_path):
    output = tmp_path / "results.json"
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--scale", "tiny", "--requests", "2", "--no-load",
         "--workdir", str(tmp_path / "work"), "--output", str(output)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(output.read_text())
    assert [page["name"] for page in report["pages"]] == [page.name for page in PAGES]
    assert all(page["status"] == 200 for page in report["pages"]), report["pages"]
    assert all(page["median_ms"] > 0 for page in report["pages"])
    assert report["seeded"]["organisations"] == 101
