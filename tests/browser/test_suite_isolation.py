"""The browser tests leave nothing behind for the tests after them in the same process.

The README's `make test` runs every test in one go on two workers, so a browser test and the deploy check often share
a process. The check's subprocess once inherited DJANGO_ALLOW_ASYNC_UNSAFE from the browser fixture and failed with
async.E001. This runs exactly that order in one pytest process.
"""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_browser_test_then_the_deploy_check_in_one_process_both_pass(browser):
    # `browser` only makes sure Chromium is here (or skips/fails as the suite is told); the run below has its own.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-p", "no:xdist", "-q",
            "tests/browser/test_search_suggestions.py",
            "tests/core/test_security.py::test_check_deploy_is_clean_under_production_settings",
        ],
        cwd=REPO, env={**env, "DJANGO_SETTINGS_MODULE": "wego_hub.settings.test"},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "2 passed" in result.stdout
