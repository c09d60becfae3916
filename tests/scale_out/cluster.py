"""The production shape on one machine: two gunicorn app servers and one RQ task worker, on the same PostgreSQL,
Redis, S3-compatible object store and SMTP relay, and a browser-like client behind a "load balancer" that sends each
request to the next app server (a form fetched from one is posted to the other).

The servers run the production settings, as behind the TLS proxy: the client sends X-Forwarded-Proto and the
client's address in X-Forwarded-For (TRUSTED_PROXY_COUNT=1), so HTTPS-only cookies, CSRF's origin check and the
limits per client work as they do in production."""

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

from tests.core.smtp_sink import free_port

REPO = Path(__file__).resolve().parents[2]
REDIRECTS = (301, 302, 303, 307, 308)
PUBLIC_HOST = "hub.example.org"


def collect_static(static_root):
    """What the image does at build time: the manifest the production settings read."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wego_hub.settings.dev", "STATIC_ROOT": str(static_root)}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=REPO,
        env=env,
        check=True,
        timeout=300,
    )


def shared_database_url():
    """The database this test run made (pytest-django's, one per pytest-xdist worker), for the servers to share."""
    from django.db import connection

    database = connection.settings_dict
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def production_environment(*, database_url, redis_url, static_root, smtp_port, storage_env, api_limit):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wego_hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "OPEN_BADGES_SIGNING_KEYS": "cluster:" + secrets.token_urlsafe(32)[:43],
        "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1",  # the second for the load balancer's health checks
        "PUBLIC_URL": f"https://{PUBLIC_HOST}",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "TASK_BACKEND": "rq",
        "STATIC_ROOT": str(static_root),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "TRUSTED_PROXY_COUNT": "1",
        "API_RATE_LIMIT_CLIENT": api_limit,
        "MFA_REQUIRED_FOR_STAFF": "0",  # the secretariat's upload below; two-step sign-in has its own journey
        "LOG_FORMAT": "plain",
        "LOG_LEVEL": "WARNING",
        "SENTRY_DSN": "",
        "ELASTICSEARCH_URL": "",
        **storage_env,
    }


class Processes:
    def __init__(self, env, log_dir):
        self.env = env
        self.log_dir = log_dir
        self.running = []
        self.servers = []

    def start(self, name, command):
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop)
        process = subprocess.Popen(command, cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.running.append((name, process, log))
        return process

    def start_app_server(self, name):
        port = free_port()
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        process = self.start(
            name,
            [
                gunicorn,
                "wego_hub.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--control-socket",  # one each: two servers on one machine would share the default one
                str(self.log_dir / f"{name}.ctl"),
            ],
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_healthy(base, process, self.log_dir / f"{name}.log")
        self.servers.append(base)
        return base

    def start_task_worker(self, name):
        return self.start(name, [sys.executable, "manage.py", "rqworker", "default", "--with-scheduler"])

    def stop(self):
        for _name, process, _log in self.running:
            process.send_signal(signal.SIGTERM)
        for _name, process, log in self.running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()

    def log(self, name):
        return (self.log_dir / f"{name}.log").read_text()

    def logs(self):
        return "\n".join(
            f"--- {name} ---\n{(self.log_dir / f'{name}.log').read_text()[-4000:]}" for name, *_ in self.running
        )


def wait_until_healthy(base, process, log, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{base} exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if requests.get(f"{base}/healthz", timeout=10).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still loading the application
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{base} did not answer /healthz in time:\n{log.read_text()[-4000:]}")


class Browser:
    """A person's browser; each request goes to the next app server, as a round-robin load balancer sends it."""

    def __init__(self, servers, client_ip):
        self.servers = servers
        self.client_ip = client_ip
        self.turn = 0
        self.served_by = []
        self.session = requests.Session()
        self.path = "/"
        self.html = ""

    def request(self, method, path, **options):
        base = self.servers[self.turn % len(self.servers)]
        self.turn += 1
        headers = {
            # What the load balancer passes on: the public host, the scheme the browser used, the client's address.
            "Host": PUBLIC_HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.client_ip,
            "Origin": f"https://{PUBLIC_HOST}",
            # The browser speaks HTTPS to the proxy, so its Secure cookies (all of the hub's) go back to either
            # server; requests would keep them from a plain-HTTP address.
            "Cookie": "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.session.cookies),
            **options.pop("headers", {}),
        }
        response = self.session.request(
            method, base + path, headers=headers, allow_redirects=False, timeout=60, **options
        )
        self.served_by.append(base)
        assert response.status_code < 500, f"{method} {path} on {base}: {response.status_code}"
        return response

    def go(self, path, method="GET", **options):
        """Follows the hub's redirects (each hop on the next server); stops at one that leaves the hub."""
        for _ in range(10):
            response = self.request(method, path, **options)
            if response.status_code not in REDIRECTS:
                self.path, self.html = path, response.text
                return response
            target = urlsplit(response.headers["Location"])
            if target.netloc and target.netloc != PUBLIC_HOST:
                return response  # e.g. a signed object-storage address
            path = urljoin(path, target.path) + (f"?{target.query}" if target.query else "")
            method, options = "GET", {}
        raise AssertionError(f"too many redirects from {path}")

    def soup(self):
        return BeautifulSoup(self.html, "html.parser")

    def link(self, text):
        """The link whose words (visible or for screen readers) are ``text``, or begin with it and a space."""
        for anchor in self.soup().find_all("a", href=True):
            words = " ".join(anchor.get_text(" ", strip=True).split())
            if text in (words, anchor.get("aria-label")) or words.startswith(f"{text} "):
                return anchor["href"]
        raise AssertionError(f"no link {text!r} on {self.path}")

    def click(self, text):
        href = self.link(text)
        target = urlsplit(href)
        return self.go(target.path + (f"?{target.query}" if target.query else ""))

    def labelled(self, label):
        """The (name, value) of the field a label names, as a person finds it on the page."""
        soup = self.soup()
        for element in soup.find_all("label"):
            if " ".join(element.get_text(" ", strip=True).split()).rstrip(":") == label:
                field = soup.find(id=element["for"]) if element.get("for") else element.find(["input", "select"])
                return field["name"], field.get("value", "on")
        raise AssertionError(f"no field labelled {label!r} on {self.path}")

    def submit(self, button, fields=(), checked=(), files=None):
        """Fills and sends the form that holds the button, as the browser would (hidden fields and defaults
        included); ``fields`` are (name, value) pairs, ``checked`` the labels of boxes to tick."""
        form, pressed = self.form_with(button)
        data = []
        for field in form.find_all(["input", "select", "textarea"]):
            name = field.get("name")
            kind = field.get("type", "text")
            if not name or field.has_attr("disabled") or kind in ("submit", "button", "file", "image", "reset"):
                continue
            if kind in ("checkbox", "radio"):
                if field.has_attr("checked"):
                    data.append((name, field.get("value", "on")))
            elif field.name == "select":
                chosen = field.find_all("option", selected=True) or field.find_all("option")[:1]
                data += [(name, option.get("value", option.get_text())) for option in chosen]
            elif field.name == "textarea":
                data.append((name, field.get_text()))
            else:
                data.append((name, field.get("value", "")))
        given = list(fields) + [self.labelled(label) for label in checked]
        single = {name for name, _value in fields}
        data = [(name, value) for name, value in data if name not in single] + given
        if pressed.get("name"):
            data.append((pressed["name"], pressed.get("value", "")))
        action = urljoin(self.path, form.get("action") or self.path)
        return self.go(action, method=form.get("method", "get").upper(), data=data, files=files)

    def form_with(self, button):
        for form in self.soup().find_all("form"):
            for pressed in form.find_all(["button", "input"]):
                if pressed.name == "input" and pressed.get("type") != "submit":
                    continue
                text = " ".join((pressed.get_text(" ", strip=True) or pressed.get("value", "")).split())
                if button in (text, pressed.get("aria-label")):
                    return form, pressed
        raise AssertionError(f"no button {button!r} on {self.path}")
