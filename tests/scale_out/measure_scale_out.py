"""Two measurements for docs/operations.md ("Capacity") and decision 0005; not part of the suite (run by name, on
PostgreSQL with Redis):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test DJANGO_SETTINGS_MODULE=wego_hub.settings.test \\
        .venv/bin/python -m pytest tests/scale_out/measure_scale_out.py -s -p no:cacheprovider

- How long a members-only download holds an app-server worker: streamed from the disk through gunicorn, or handed
  to object storage as a signed address. One app server with gunicorn's 2 sync workers; two members download a
  20 MB file over a 2 MB/s link (a good phone connection), and meanwhile a visitor asks for a page.
- How many emails one RQ task worker hands to an SMTP relay a second (`manage.py rqworker`, as in production)."""

import threading
import time

import pytest
import requests

from tests.factories import PASSWORD, OrganisationFactory, ToolkitPageFactory, make_member
from tests.object_storage import environment
from tests.scale_out.cluster import Browser, Processes, production_environment, shared_database_url
from tests.scale_out.test_two_app_servers import REDIS_URL, services_for_the_cluster, static_root  # noqa: F401
from tests.toolkits.conftest import file_of, publish_releases
from toolkits.models import ToolkitPage

SIZE = 20 * 1024 * 1024
RATE = 2 * 1024 * 1024  # bytes a second the client reads


def slow_download(browser, url, timings, index):
    started = time.perf_counter()
    response = browser.request("GET", url, stream=True)
    if response.status_code == 302:  # a signed address: the worker is free; the bucket sends the bytes
        timings[index] = ("app server", time.perf_counter() - started)
        response = requests.get(response.headers["Location"], stream=True, timeout=120)
    received = 0
    for chunk in response.iter_content(256 * 1024):
        received += len(chunk)
        time.sleep(len(chunk) / RATE)
    assert received == SIZE
    if index not in timings:
        timings[index] = ("app server", time.perf_counter() - started)
    timings[f"{index} whole"] = time.perf_counter() - started


@pytest.mark.parametrize("mode", ["disk, streamed", "object storage, signed address"])
def test_measure(mode, services_for_the_cluster, static_root, tmp_path, settings, request, site_tree):  # noqa: F811
    storage_env = {"MEDIA_ROOT": str(tmp_path / "media")}
    settings.MEDIA_ROOT = tmp_path / "media"
    if mode.startswith("object"):
        bucket = request.getfixturevalue("object_storage")
        storage_env = environment(bucket.endpoint, bucket.name)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    members = [make_member(OrganisationFactory(), email=f"member{n}@city.example") for n in range(2)]
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title="Atlas", audience=ToolkitPage.Audience.MEMBERS)
    toolkit = publish_releases(toolkit, [("1.0", 1, [("atlas.pdf", b"%PDF-1.4" + b"0" * (SIZE - 8), "en")])])
    url = toolkit.url + toolkit.reverse_subpage("download", args=[file_of(toolkit).id])
    env = production_environment(
        database_url=shared_database_url(),
        redis_url=REDIS_URL,
        static_root=static_root,
        smtp_port=9,
        storage_env=storage_env,
        api_limit="1000/m",
    )
    processes = Processes(env, tmp_path)
    try:
        server = processes.start_app_server("app")
        browsers = []
        for number, member in enumerate(members):
            browser = Browser([server], client_ip=f"203.0.113.{number + 1}")
            browser.go("/accounts/login/")
            browser.submit("Sign In", fields=[("login", member.email), ("password", PASSWORD)])
            browsers.append(browser)
        timings = {}
        threads = [threading.Thread(target=slow_download, args=(b, url, timings, i)) for i, b in enumerate(browsers)]
        for thread in threads:
            thread.start()
        time.sleep(1)
        started = time.perf_counter()
        Browser([server], client_ip="192.0.2.9").go("/courses/")
        page_wait = time.perf_counter() - started
        for thread in threads:
            thread.join()
        print(
            f"\n{mode}: a worker held per download {timings[0][1]:.2f} s and {timings[1][1]:.2f} s; "
            f"whole downloads {timings['0 whole']:.1f} s and {timings['1 whole']:.1f} s; "
            f"a page asked for meanwhile took {page_wait:.2f} s"
        )
    finally:
        processes.stop()


EMAILS = 300


def test_measure_email_delivery(services_for_the_cluster, static_root, tmp_path, settings):  # noqa: F811
    from django.core.mail import EmailMessage

    from tests.core.smtp_sink import RunningSink

    settings.TASK_BACKEND = "rq"
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "core.task_backends.OnCommitRQBackend", "QUEUES": ["default"]}}
    with RunningSink() as relay:
        env = production_environment(
            database_url=shared_database_url(),
            redis_url=REDIS_URL,
            static_root=static_root,
            smtp_port=relay.port,
            storage_env={},
            api_limit="1000/m",
        )
        processes = Processes(env, tmp_path)
        try:
            processes.start_task_worker("worker")
            time.sleep(3)  # the worker is listening
            started = time.perf_counter()
            for number in range(EMAILS):
                EmailMessage(f"You are registered ({number})", "See you there.", to=[f"p{number}@city.example"]).send()
            written = time.perf_counter() - started
            while len(relay.messages) < EMAILS and time.perf_counter() - started < 300:
                time.sleep(0.1)
            elapsed = time.perf_counter() - started
            assert len(relay.messages) == EMAILS
            print(
                f"\none RQ worker: {EMAILS} emails written in {written:.1f} s, all at the relay after {elapsed:.1f} s: "
                f"{EMAILS / elapsed:.1f} emails a second"
            )
        finally:
            processes.stop()
