"""Playwright driving Debian's Chromium against a live server; nothing is downloaded at run time."""

import os
import shutil

import pytest

from core.public_url import sync_default_site
from tests.conftest import links_to_this_site_elsewhere, skip_or_fail
from tests.factories import build_site_tree

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module.

    Playwright's sync API keeps an event loop running in this thread while it is started, so Django's ORM calls the
    tests make between browser steps need DJANGO_ALLOW_ASYNC_UNSAFE. Both live only as long as the module's browser
    tests: pytest tears a module fixture down before it runs a test of another module, so no other test (nor a
    subprocess it starts, such as ``check --deploy``) ever sees the variable or the loop.
    """
    executable = chromium_path()
    if not executable:
        skip_or_fail("needs Debian's chromium (apt-get install chromium)", "REQUIRE_BROWSER")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("needs the playwright package (make install-test)", "REQUIRE_BROWSER")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


class BrowserProblems:
    """What a person would see go wrong: a console error (a CSP violation is one), a script error, a response ≥ 500,
    and a page that links to this site by another address than the configured public one."""

    def __init__(self, page, *, expected_statuses=()):
        # A test that opens a missing page on purpose sees the browser report the status it asked for.
        self.expected_statuses = expected_statuses
        self.seen = []
        self.cookie_setters = []  # pages that set a cookie (a signed-out visitor's must not: they are cached)
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.seen.append(f"script error: {error}"))
        page.on("response", self.on_response)
        # Every page the browser loads is read on its way in (redirects are left to the browser to follow).
        page.route("**/*", self.read_document)

    def read_document(self, route):
        # A form that sends a file goes as the browser sent it: Chromium does not hand the file to route.fetch,
        # which would re-send the request with an empty upload.
        content_type = route.request.headers.get("content-type") or ""
        if route.request.resource_type != "document" or content_type.startswith("multipart/form-data"):
            route.continue_()
            return
        response = route.fetch(max_redirects=0)
        if any(header["name"].lower() == "set-cookie" for header in response.headers_array):
            self.cookie_setters.append(route.request.url)
        wrong = links_to_this_site_elsewhere(response.text())
        self.seen.extend(f"{route.request.url} links to {link}" for link in wrong)
        route.fulfill(response=response)

    def on_console(self, message):
        if message.type == "error" and not self.expected(message.text):
            self.seen.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_response(self, response):
        if response.status >= 500:
            self.seen.append(f"{response.status} {response.request.method} {response.url}")

    def expected(self, text):
        return any(f"status of {status}" in text for status in self.expected_statuses)


@pytest.fixture
def site(transactional_db, live_server, settings):
    # The live server's address is the configured public one here: links in emails lead back to it.
    settings.PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    tree = build_site_tree()
    sync_default_site()
    return tree


@pytest.fixture
def page(request, browser, live_server, site):
    """A fresh browser context at desktop width; the test fails on any console error or server error it saw."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    marker = request.node.get_closest_marker("expected_statuses")
    problems = page.problems = BrowserProblems(page, expected_statuses=marker.args if marker else ())
    yield page
    context.close()
    assert problems.seen == [], "the browser saw problems:\n" + "\n".join(problems.seen)
