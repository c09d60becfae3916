"""Shared fixtures. Tests run against the real database (SQLite or PostgreSQL by DATABASE_URL)."""

import os
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import override_settings

from tests import factories
from tests.background import run_ready_tasks
from tests.shared_demo import SharedDemo


def skip_or_fail(reason, required_by):
    """Skip on a laptop; fail in CI, where the environment variable says the thing must be there."""
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{reason} ({required_by}=1 requires it)")
    pytest.skip(reason)


@pytest.fixture
def require_postgres(db):
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://…", "REQUIRE_POSTGRES")


@pytest.fixture(autouse=True)
def each_test_starts_in_the_default_language():
    """A test that renders or mails in another language leaves it active in this worker's thread; the next test on
    the worker would then build Arabic addresses (``/ar/…``) from ``get_absolute_url``. Each test starts afresh."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def page_cache_starts_empty():
    """Each test's database starts afresh: so does what this process remembers of the page cache (core.page_cache
    trusts the version it read for a second, and keeps the pages it served last)."""
    from core import page_cache

    page_cache.forget_what_this_process_holds()


QUERY_COUNTING_FIXTURES = {"django_assert_num_queries", "django_assert_max_num_queries"}


@pytest.fixture(autouse=True)
def page_cache_off_when_counting_queries(request):
    """A test that counts queries measures what rendering a page costs, so signed-out pages are not served from
    the page cache for it: a hit costs no query, or one when the cache's version is read again after a second,
    which would make the count depend on the machine's speed. A test that needs the cache on says so by a marker."""
    counts = QUERY_COUNTING_FIXTURES & set(request.fixturenames) or hasattr(request.module, "CaptureQueriesContext")
    if counts and not request.node.get_closest_marker("with_page_cache"):
        request.getfixturevalue("no_page_cache")


@pytest.fixture
def no_page_cache(settings):
    """For a test that counts what rendering a public page costs: signed-out pages are not served from the page
    cache (core.page_cache), whose hit would cost one query."""
    settings.PAGE_CACHE_SECONDS = 0


# --- The seeded demo, shared (tests/shared_demo.py) -------------------------------------------------------------

SHARED_DEMO = pytest.StashKey[SharedDemo]()


@pytest.fixture(scope="session")
def shared_demo(request, django_db_setup, django_db_blocker):
    demo = request.config.stash[SHARED_DEMO] = SharedDemo(django_db_blocker)
    yield demo
    demo.roll_back()


@pytest.fixture
def demo_site(shared_demo, request):
    """The whole seeded demo, as ``seed_demo`` leaves it; the test may change it (its changes are rolled back)."""
    shared_demo.seed()
    with override_settings(MEDIA_ROOT=shared_demo.media_root):
        request.getfixturevalue("db")
        yield shared_demo


def reads_the_demo(item):
    return "demo_site" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config, items):
    """The tests that read the shared demo run first, so that a worker seeds it once, and ``demo_site`` is the first
    function fixture each of them sets up, so that the seed's transaction is always outside the test's. (After the
    session's fixtures: one that changes a setting under demo_site's MEDIA_ROOT override would lose the change.)"""
    readers = [item for item in items if reads_the_demo(item)]
    for item in readers:
        names, definitions = item.fixturenames, item._fixtureinfo.name2fixturedefs
        names.remove("demo_site")
        per_test = (
            n for n, name in enumerate(names) if name in definitions and definitions[name][-1].scope == "function"
        )
        names.insert(next(per_test, len(names)), "demo_site")
    items[:] = readers + [item for item in items if not reads_the_demo(item)]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    demo = item.config.stash.get(SHARED_DEMO, None)
    if demo is not None and reads_the_demo(item) and (nextitem is None or not reads_the_demo(nextitem)):
        demo.roll_back()
    return result


@pytest.fixture
def site_tree(db):
    """The page tree every page hangs from: home and the four content index pages."""
    return factories.build_site_tree()


@pytest.fixture
def member(db):
    return factories.UserFactory(first_name="Mina", last_name="Park")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def admin_user(db):
    return factories.UserFactory(is_staff=True, is_superuser=True, email="admin@example.org")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


LINK = re.compile(r"""https?://[^\s"'<>)\]]+""")
# Addresses this site answers on besides the public one: a link to one of them is a link built from a request.
OUR_OTHER_HOSTS = {"testserver", "localhost", "127.0.0.1", "[::1]"}


def links_to_this_site_elsewhere(text):
    """The links in ``text`` that point at this site by any address but PUBLIC_URL."""
    public = urlsplit(settings.PUBLIC_URL)
    wrong = []
    for link in LINK.findall(text):
        parts = urlsplit(link)
        ours = parts.hostname in OUR_OTHER_HOSTS or parts.hostname in settings.ALLOWED_HOSTS
        if (ours or parts.hostname == public.hostname) and (parts.scheme, parts.netloc) != (
            public.scheme,
            public.netloc,
        ):
            wrong.append(link)
    return wrong


def email_texts(message):
    yield message.subject
    yield message.body
    for content, _mimetype in getattr(message, "alternatives", []):
        yield content
    for attachment in message.attachments:
        content = attachment[1] if isinstance(attachment, tuple) else attachment.get_payload(decode=True)
        yield content.decode() if isinstance(content, bytes) else str(content)


@pytest.fixture(autouse=True)
def every_email_links_to_the_public_url(settings):
    """Whatever a test sends, every link to this site in it (text, HTML, .ics) starts with PUBLIC_URL.

    It asks for ``settings`` so that a test's own override of PUBLIC_URL is still in force when this looks."""
    yield
    wrong = [link for message in getattr(mail, "outbox", []) for text in email_texts(message)
             for link in links_to_this_site_elsewhere(text)]  # fmt: skip
    assert wrong == [], f"emails link to this site by another address than {settings.PUBLIC_URL}"


# --- Background tasks --------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True, scope="session")
def emails_go_through_the_outbox(django_test_environment):
    """Django's test set-up points EMAIL_BACKEND at locmem; put the outbox back in front of it, as in production.
    Emails then reach ``mail.outbox`` once a worker delivers them (``run_tasks``)."""
    settings.EMAIL_BACKEND = "core.mail.OutboxEmailBackend"


@pytest.fixture(autouse=True)
def no_searches_counted_yet():
    """Each test starts with an empty batch of search hits (search.hits keeps them in the process, across tests, and
    sends them after a minute or 100 searches), and leaves none for the next test or for the process's exit."""
    from search import hits

    hits.counter.discard()
    yield
    hits.counter.discard()


@pytest.fixture
def run_tasks(db):
    """``run_tasks()``: what a worker would do now (every ready task, and the tasks those enqueue)."""
    return run_ready_tasks


@pytest.fixture
def tasks_done(django_capture_on_commit_callbacks):
    """``with tasks_done(): client.post(...)``: the request commits, then a worker runs what it enqueued."""
    from contextlib import contextmanager

    @contextmanager
    def done():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_ready_tasks()

    return done


def pytest_terminal_summary(terminalreporter):
    """What some runs count (schemathesis's requests, the schema validator's operations), recorded by the tests with
    ``record_property("counts", line)``: printed at the end of the run, from pytest-xdist's workers too."""
    lines = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", ())
        if name == "counts"
    ]
    if lines:
        terminalreporter.section("counts")
        for line in lines:
            terminalreporter.write_line(line)


from tests.object_storage import object_storage, s3_endpoint  # noqa: E402, F401 (fixtures)
