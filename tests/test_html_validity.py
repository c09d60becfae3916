"""Every page the crawl reaches is valid HTML, as the Nu HTML checker (the W3C validator, run offline) reads it.

The pages are rendered with the test client as a visitor, a member and a focal point, written to a temporary folder
and checked by one run of ``vnu.jar`` (one JVM start). The jar comes from npm (``package.json`` pins ``vnu-jar``;
``make test`` runs ``npm ci``), Java from Debian (``apt-get install default-jre-headless``). Without either the test
skips on a laptop and fails when ``REQUIRE_HTML_CHECKER=1``, as in CI.
"""

import json
import shutil
import subprocess
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from members.models import User
from tests.conftest import skip_or_fail
from tests.crawling import html_pages

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SEOUL = "seoul-metropolitan-government"
# Demo people (members/demo.py): a staff member and Seoul's focal point, whose dashboard has requests,
# invitations and staff to act on.
MEMBER = "jiho.kim@seoul.city.example"
FOCAL_POINT = "mina.park@seoul.city.example"


def html_checker():
    java = shutil.which("java")
    if not java:
        skip_or_fail("needs Java for the HTML checker (apt-get install default-jre-headless)", "REQUIRE_HTML_CHECKER")
    if not VNU_JAR.exists():
        skip_or_fail("needs the Nu HTML checker (npm ci, or make test, installs vnu-jar)", "REQUIRE_HTML_CHECKER")
    return [java, "-jar", str(VNU_JAR)]


def check_html(command, documents, folder):
    """Run the checker once over ``documents`` (``[(label, html)]``); return ``[(label, line, message)]``."""
    labels = {}
    for number, (label, html) in enumerate(documents):
        path = folder / f"page-{number:04d}.html"
        path.write_text(html, encoding="utf-8")
        labels[path.name] = label
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--stdout", *sorted(str(folder / name) for name in labels)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the HTML checker did not answer in JSON (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return [
        (labels.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url")), message.get("lastLine"),
         message.get("message"))
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]  # fmt: skip


def test_the_checker_reports_an_error_with_its_page_and_line(tmp_path):
    """The harness itself: a page with a known error comes back with its label, line and message."""
    command = html_checker()
    head = '<!DOCTYPE html><html lang="en"><head><title>A page</title></head>'
    valid = f"{head}<body><p>Fine</p></body></html>"
    broken = f'{head}\n<body><form action=""></form></body></html>'
    errors = check_html(command, [("/fine/", valid), ("/broken/", broken)], tmp_path)
    assert [(label, line) for label, line, _message in errors] == [("/broken/", 2)]
    assert "action" in errors[0][2]


class LandmarkParser(HTMLParser):
    """The navigation and search landmarks of a page, with their names (aria-label)."""

    def __init__(self):
        super().__init__()
        self.landmarks = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        kind = "search" if tag == "search" or attrs.get("role") == "search" else "navigation" if tag == "nav" else None
        if kind:
            self.landmarks.append((kind, (attrs.get("aria-label") or attrs.get("aria-labelledby") or "").strip()))


def landmark_problems(label, html):
    """A page with two landmarks of a kind names each one differently, so a screen reader can tell them apart."""
    parser = LandmarkParser()
    parser.feed(html)
    kinds = Counter(kind for kind, _name in parser.landmarks)
    names = Counter(parser.landmarks)
    return [
        f"{label}: {count} {kind} landmarks named “{name}”" if name else f"{label}: a {kind} landmark without a name"
        for (kind, name), count in names.items()
        if kinds[kind] > 1 and (not name or count > 1)
    ]


def test_two_search_landmarks_need_distinct_names():
    unnamed = '<form role="search"></form><form role="search" aria-label="Filter"></form>'
    assert landmark_problems("/x/", unnamed) == ["/x/: a search landmark without a name"]
    assert landmark_problems("/x/", '<nav aria-label="Main"></nav><nav aria-label="Main"></nav>') == [
        "/x/: 2 navigation landmarks named “Main”"
    ]
    assert landmark_problems("/x/", '<form role="search"></form><nav></nav>') == []


def test_every_page_is_valid_html_for_a_visitor_a_member_and_a_focal_point(client, demo_site, tmp_path):
    command = html_checker()
    dashboard = f"/members/{SEOUL}/dashboard/"
    # The search page is reached by a form, not a link: it starts the walk too, with and without a query.
    search = ("/search/", "/search/?q=data")
    personas = [("visitor", None, ("/", *search)), ("member", MEMBER, ("/", "/me/", *search)),
                ("focal point", FOCAL_POINT, ("/", "/me/", dashboard, *search))]  # fmt: skip
    documents, reached = [], set()
    for persona, email, starts in personas:
        client.logout()
        if email:
            client.force_login(User.objects.get(email=email))
        if persona == "focal point":
            # An empty invitation form leaves an error message: the first page of the walk shows it.
            client.post(f"{dashboard}invitations/", {"addresses": ""})
        pages = html_pages(client, starts)
        reached.update(url for url, _html in pages)
        documents.extend((f"{url} (as {persona})", html) for url, html in pages)
    assert {dashboard, "/search/?q=data"} <= reached, "the focal point's dashboard or the search page was not checked"
    assert any('class="messages"' in html for _label, html in documents), "no page with a message was checked"
    assert len(documents) > 60

    problems = [problem for label, html in documents for problem in landmark_problems(label, html)]
    started = time.monotonic()
    errors = check_html(command, documents, tmp_path)
    print(f"the Nu HTML checker read {len(documents)} pages in {time.monotonic() - started:.0f} s")
    problems += [f"{label}, line {line}: {message}" for label, line, message in errors]
    assert problems == [], f"the Nu HTML checker found {len(errors)} errors:\n" + "\n".join(problems)
