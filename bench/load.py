"""Throughput under concurrent load: gunicorn with 3 workers on loopback, measured with wrk."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

WORKERS = 3


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, workers=WORKERS):
    port = free_port()
    executable = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(executable),
            "wego_hub.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_healthy(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz in time")


def wrk_available():
    return shutil.which("wrk") is not None


def requests_per_second(url, duration, cookie=None):
    # As a browser asks: compressed if the server can (pages through GZipMiddleware, static files from WhiteNoise).
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "--latency", "-H", "Accept-Encoding: gzip"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    result = subprocess.run([*command, url], capture_output=True, text=True, timeout=duration + 30)
    match = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    return (float(match.group(1)) if match else None), (int(non_2xx.group(1)) if non_2xx else 0)


def environment_for(settings_env):
    return {**os.environ, **settings_env}


INTERLEAVED_ROUNDS = 2


def interleaved(result, static_url, page_url, duration):
    """Static file, page, static file, page: the two figures come from the same moments of the machine's load.
    A first request fills the page cache, as a first visitor would."""
    urllib.request.urlopen(page_url, timeout=30).read()
    static_figures, page_figures, non_2xx = [], [], 0
    for _ in range(INTERLEAVED_ROUNDS):
        static_figures.append(requests_per_second(static_url, duration)[0] or 0)
        rps, failed = requests_per_second(page_url, duration)
        page_figures.append(rps or 0)
        non_2xx += failed
    result["rps"] = round(sum(page_figures) / len(page_figures), 1)
    result["static_rps_beside"] = round(sum(static_figures) / len(static_figures), 1)
    result["non_2xx"] = non_2xx
