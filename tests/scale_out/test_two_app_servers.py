"""No state on one app server: two gunicorn servers (production settings) and an RQ worker on the same PostgreSQL,
Redis, object store and mail relay, and every request of each person alternating between the two servers.

A newcomer signs up and confirms by email; the city's focal point approves; the new member downloads a
members-only file, registers for an event, passes a course's quiz and downloads the certificate; the secretariat
uploads an image that the other server renders. Sessions, CSRF, the page cache, the API's limits, uploads and the
tasks' emails each cross from one server to the other."""

import datetime as dt
import io
import os
import re
import time

import pytest
import redis
import requests
from django.db import connection
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader
from wagtail.images import get_image_model

from courses.models import Certificate
from events.models import Registration
from members.models import Membership
from tests.conftest import skip_or_fail
from tests.core.smtp_sink import RunningSink
from tests.courses.test_quizzes import make_quiz
from tests.factories import (
    PASSWORD,
    EventPageFactory,
    OrganisationFactory,
    ToolkitPageFactory,
    UserFactory,
    make_course,
    make_member,
)
from tests.object_storage import environment
from tests.scale_out.cluster import Browser, Processes, collect_static, production_environment, shared_database_url
from tests.toolkits.conftest import publish_releases
from toolkits.models import ToolkitPage

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", f"redis://127.0.0.1:6379/{13 + int(WORKER.removeprefix('gw'))}")
SECRET = b"%PDF-1.4 the members-only maturity workbook"
NEW_PASSWORD = "seoul-digital-city-2026"
API_LIMIT = 6  # a minute, per client address


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


@pytest.fixture
def services_for_the_cluster(transactional_db, settings):
    # People made here sign in there: their passwords hashed as production hashes them (the suite's MD5 is not).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    if connection.vendor != "postgresql":
        skip_or_fail(
            "two app servers share one database: needs PostgreSQL (DATABASE_URL=postgres://…)", "REQUIRE_POSTGRES"
        )
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).flushdb()
    except redis.RedisError:
        skip_or_fail(f"needs Redis at {REDIS_URL}", "REQUIRE_REDIS")
    yield
    redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture
def cluster(services_for_the_cluster, object_storage, static_root, tmp_path):
    with RunningSink() as relay:
        env = production_environment(
            database_url=shared_database_url(),
            redis_url=REDIS_URL,
            static_root=static_root,
            smtp_port=relay.port,
            storage_env=environment(object_storage.endpoint, object_storage.name),
            api_limit=f"{API_LIMIT}/m",
        )
        processes = Processes(env, tmp_path)
        try:
            processes.start_task_worker("worker")
            processes.start_app_server("app-1")
            processes.start_app_server("app-2")
            processes.relay = relay
            yield processes
        finally:
            processes.stop()
            print(processes.logs())  # shown when the test fails


def wait_for_email(relay, to, subject_has, timeout=60):
    """What the task worker handed to the relay (the request only wrote it to the outbox)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in relay.messages:
            if message["To"] == to and subject_has in message["Subject"]:
                return message
        time.sleep(0.2)
    raise AssertionError(f"no email to {to} about {subject_has!r}: {[m['Subject'] for m in relay.messages]}")


def text_of(message):
    part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def png():
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (30, 110, 90)).save(out, format="PNG")
    return out.getvalue()


def test_a_newcomer_becomes_a_member_downloads_registers_and_is_certified_across_two_app_servers(
    cluster, site_tree, object_storage, record_property
):
    # What the secretariat published before: a city, its focal point, a members-only toolkit, an event, a course.
    city = OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", slug="seoul")
    make_member(city, role=Membership.Role.FOCAL_POINT, email="focal@seoul.city.example", first_name="Mina")
    toolkit = ToolkitPageFactory(
        parent=site_tree["toolkits"], title="Smart-city maturity self-assessment", audience=ToolkitPage.Audience.MEMBERS
    )
    toolkit = publish_releases(toolkit, [("1.2", 5, [("maturity-1.2.pdf", SECRET, "en")])])
    start = (timezone.now() + dt.timedelta(days=30)).replace(second=0, microsecond=0)
    event = EventPageFactory(
        parent=site_tree["events"],
        title="General assembly",
        time_zone="Asia/Seoul",
        start=start,
        end=start + dt.timedelta(hours=8),
        format="in_person",
        in_person_capacity=2000,
    )
    course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=2)
    final = lessons[-1]
    final.quiz, final.is_final_assessment = make_quiz(pass_mark=100), True
    final.save_revision().publish()
    relay = cluster.relay
    servers = cluster.servers

    # Sign up on one server, the form sent to the other; the confirmation comes from the task worker.
    newcomer = Browser(servers, client_ip="203.0.113.10")
    newcomer.go("/accounts/signup/")
    newcomer.submit(
        "Join WeGo Hub",
        fields=[
            ("email", "nadia@mail.example"),
            ("first_name", "Nadia"),
            ("last_name", "Newcomer"),
            ("password1", NEW_PASSWORD),
            ("password2", NEW_PASSWORD),
            ("organisation", str(city.pk)),
        ],
    )
    assert "Verify Your Email Address" in newcomer.html
    confirmation = wait_for_email(relay, "nadia@mail.example", "Confirm")
    link = re.search(r"https://hub\.example\.org(/accounts/confirm-email/\S+/)", text_of(confirmation)).group(1)
    newcomer.go(link)
    newcomer.submit("Confirm")
    assert newcomer.path == "/me/" and "Nadia" in newcomer.html  # signed in by one server, recognised by the other

    # The focal point is told by email, signs in, and approves on the dashboard.
    wait_for_email(relay, "focal@seoul.city.example", "Nadia Newcomer")
    focal_point = Browser(servers, client_ip="198.51.100.7")
    focal_point.go("/accounts/login/")
    focal_point.submit("Sign In", fields=[("login", "focal@seoul.city.example"), ("password", PASSWORD)])
    focal_point.go("/members/seoul/dashboard/")
    focal_point.submit("Approve Nadia Newcomer")
    assert "Nadia Newcomer is now a member." in focal_point.html
    wait_for_email(relay, "nadia@mail.example", "Seoul Metropolitan Government")

    # The new member downloads the members-only file: the access check on one server, the bytes from the bucket.
    newcomer.go(toolkit.url)
    leaving = newcomer.click("Download maturity-1.2.pdf")
    assert leaving.status_code == 302 and leaving.headers["Location"].startswith(object_storage.endpoint)
    assert requests.get(leaving.headers["Location"], timeout=10).content == SECRET
    stored = toolkit.releases.first().files.first().document.file.name
    assert requests.get(object_storage.unsigned_url(stored), timeout=10).status_code == 403

    # Registers for the general assembly; the confirmation with its calendar file comes from the worker.
    newcomer.go(event.url)
    newcomer.click("Register")
    newcomer.submit("Register", fields=[("consent", "on")])
    assert "You are registered" in newcomer.html
    assert Registration.objects.get(event=event).user.email == "nadia@mail.example"
    registered = wait_for_email(relay, "nadia@mail.example", "General assembly")
    assert any(part.get_content_type() == "text/calendar" for part in registered.walk())

    # Takes the course: enrols, completes a lesson, passes the quiz, downloads the certificate.
    newcomer.go(course.url)
    newcomer.submit("Enrol")
    newcomer.go(lessons[0].url)
    newcomer.submit("Mark as complete")
    newcomer.go(final.url)
    newcomer.submit("Submit my answers", checked=["CC BY 4.0", "CSV", "JSON"])
    assert "You passed with 100%." in newcomer.html
    certificate = Certificate.objects.get(enrollment__user__email="nadia@mail.example")
    pdf = newcomer.go(certificate.pdf_url)
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Nadia Newcomer" in text and "Open data basics" in text
    anyone = Browser(servers, client_ip="192.0.2.44")
    anyone.go(certificate.get_absolute_url())
    assert "This certificate is valid" in anyone.html

    # The secretariat uploads an image on one server; the other renders and serves it from the bucket.
    secretariat = UserFactory(email="secretariat@wego-hub.example", is_staff=True, is_superuser=True)
    admin = Browser(servers, client_ip="192.0.2.80")
    admin.go("/accounts/login/")
    admin.submit("Sign In", fields=[("login", secretariat.email), ("password", PASSWORD)])
    admin.go("/admin/images/add/")
    admin.submit("Upload", fields=[("title", "Seoul skyline")], files={"file": ("skyline.png", png(), "image/png")})
    image = get_image_model().objects.get(title="Seoul skyline")
    assert image.file.name in object_storage.stored_keys()
    admin.go(f"/admin/images/{image.pk}/")
    rendition_url = re.search(r'src="(/media/images/[^"]+)"', admin.html).group(1)
    served = admin.go(rendition_url)
    assert served.headers["Content-Type"].startswith("image/") and Image.open(io.BytesIO(served.content)).width > 0

    # The page cache is shared: a page drawn by one server is served by the other from Redis.
    visitor = Browser(servers, client_ip="192.0.2.99")
    first, second = visitor.go("/courses/"), visitor.go("/courses/")
    assert (first.headers.get("X-Page-Cache"), second.headers.get("X-Page-Cache")) == (None, "hit")
    assert second.text == first.text

    # The API's limit per client counts requests on both servers; another client has its own.
    answers = [visitor.go("/api/v1/cases/").status_code for _ in range(API_LIMIT + 1)]
    assert answers == [200] * API_LIMIT + [429]
    assert Browser(servers, client_ip="192.0.2.100").go("/api/v1/cases/").status_code == 200

    everyone = (newcomer, focal_point, admin, visitor)
    for person in everyone:
        assert set(person.served_by) == set(servers)
    served = [base for person in everyone for base in person.served_by]
    record_property(
        "counts",
        f"two app servers: {len(served)} requests, {served.count(servers[0])} and {served.count(servers[1])}; "
        f"{len(relay.messages)} emails from the task worker",
    )
    for process in ("worker", "app-1", "app-2"):
        assert "Traceback" not in cluster.log(process)  # no task failed, no request broke
