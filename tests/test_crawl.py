"""Crawl the whole public site as a visitor and as a signed-in member.

Every page that later issues add joins automatically, as long as something links to it.
"""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from members.models import Organisation
from tests.crawling import is_internal, walk
from tests.factories import make_member

SECURITY_HEADERS = {
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
}
NOT_ASSETS = {"alternate", "canonical"}
ASSET_ATTRIBUTES = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"), ("iframe", "src")}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.assets = []
        self.html_lang = None
        self.h1_count = 0
        self.descriptions = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content") or "")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "title":
            self._in_title = True
        if tag == "link" and attrs.get("rel") in NOT_ASSETS:
            return  # a page's other languages and its original: addresses, loaded by nobody
        for asset_tag, attribute in ASSET_ATTRIBUTES:
            if tag == asset_tag and attrs.get(attribute):
                self.assets.append(attrs[attribute])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def crawl(client):
    assets_seen, problems, pages = set(), [], 0
    for url, referrer, response in walk(client):
        pages += 1
        where = f"{url} (linked from {referrer})"
        if response.status_code >= 500:
            problems.append(f"{where}: HTTP {response.status_code}")
            continue
        if response.status_code == 404:
            problems.append(f"{where}: broken link, 404")
            continue
        if response.status_code in (301, 302):
            continue  # e.g. a sign-in redirect; the target is crawled from elsewhere
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        missing = SECURITY_HEADERS - set(response.headers)
        if missing:
            problems.append(f"{where}: missing headers {sorted(missing)}")
        parser = PageParser()
        parser.feed(response.content.decode())
        if not parser.html_lang:
            problems.append(f"{where}: <html> has no lang")
        if parser.h1_count != 1:
            problems.append(f"{where}: {parser.h1_count} <h1> elements")
        if not parser.title.strip():
            problems.append(f"{where}: empty <title>")
        if len(parser.descriptions) != 1 or not parser.descriptions[0].strip():
            problems.append(f"{where}: {parser.descriptions} as <meta name=description>, not one description")
        for asset in parser.assets:
            if not is_internal(asset) and not asset.startswith("data:"):
                problems.append(f"{where}: external asset {asset}")
            elif is_internal(asset) and asset not in assets_seen:
                assets_seen.add(asset)
                status = client.get(asset).status_code
                if status != 200:
                    problems.append(f"{where}: asset {asset} answered {status}")
    return pages, problems


@pytest.fixture
def seeded_site(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_crawl_as_an_anonymous_visitor(client, seeded_site):
    pages, problems = crawl(client)
    assert pages > 20
    assert problems == []


def test_crawl_as_a_signed_in_member(client, seeded_site):
    client.force_login(make_member(Organisation.objects.get(slug="municipality-of-curitiba")))
    pages, problems = crawl(client)
    assert pages > 20
    assert problems == []
