"""Crawl the whole public site as a visitor and as a signed-in member.

Every page that later issues add joins automatically, as long as something links to it. And, as a first-time
visitor, that no public page sets a cookie or carries a CSRF token (below).
"""

from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from courses.models import Certificate
from members.models import Organisation
from tests.crawling import SKIP_PREFIXES, internal_links, is_html, is_internal, walk
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


def test_crawl_as_an_anonymous_visitor(client, demo_site):
    pages, problems = crawl(client)
    assert pages > 20
    assert problems == []


def test_crawl_as_a_signed_in_member(client, demo_site):
    client.force_login(make_member(Organisation.objects.get(slug="municipality-of-curitiba")))
    pages, problems = crawl(client)
    assert pages > 20
    assert problems == []


# --- No cookie for a visitor ------------------------------------------------------------------------
# A signed-out GET of a public page sets no cookie and carries no CSRF token, so a shared cache may keep it and hand
# the same bytes to every visitor (ARCHITECTURE.md, "Caching"; issue 19).
#
# Which pages are public: every page a visitor reaches by following links from the home page of the seeded demo
# (tests/crawling.py's walk, as the crawls above do), plus the few public pages nothing links to (this month's
# calendar, a certificate's verification page, the other languages' home pages and what they link to). Each is asked
# for by a first-time visitor: no cookie sent. Forms a visitor fills in are left out by an explicit list, with why.

# Addresses a visitor legitimately gets a cookie or a CSRF token from: not followed, not checked.
NOT_CACHEABLE_PAGES = {
    "/accounts/": "allauth's forms a visitor posts (sign in, sign up, password reset, email confirmation), which "
    "need the CSRF cookie and token; never cached",
    "/invitations/": "accepting an invitation: a form behind a personal token",
    "/certificates/verify-credential/": "checking a credential someone was given: a form a visitor posts (an "
    "upload), which needs the CSRF cookie and token; never cached",
    "/language/": "the language switcher's links: a redirect that remembers the chosen language in a cookie, "
    "because the visitor asked to; never cached",
}
MAX_PAGES = 1000  # the English demo is about 300 pages: reaching this means pages went unchecked
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# English addresses have no prefix; the other languages' carry theirs (/fr/accounts/login/).
LANGUAGE_PREFIXES = ["/", *(f"/{code}/" for code in OTHER_LANGUAGES)]
SKIP = SKIP_PREFIXES + tuple(f"{prefix}{path[1:]}" for path in NOT_CACHEABLE_PAGES for prefix in LANGUAGE_PREFIXES)


class FirstTimeVisitor:
    """A browser that never keeps a cookie: every page is asked for as by someone arriving from elsewhere."""

    def __init__(self, **headers):
        self.client = Client(headers=headers)

    def get(self, url):
        self.client.cookies = SimpleCookie()
        return self.client.get(url)


def problems_of(url, response):
    problems = []
    if response.cookies:
        problems.append(f"{url}: {response.status_code} sets {sorted(response.cookies)}")
    if is_html(response) and b"csrfmiddlewaretoken" in response.content:
        problems.append(f"{url}: carries a CSRF token")
    return problems


def unlinked_public_pages():
    today = timezone.localdate()
    certificate = Certificate.objects.order_by("pk").first()
    return [
        "/",
        f"/events/calendar/{today.year}/{today.month}/",  # /events/calendar/ redirects here; a crawl stops at redirects
        "/certificates/",
        certificate.get_absolute_url(),
    ]


def kind_of(url):
    """What sort of public page ``url`` is, for checking that the crawl reached every sort."""
    parts = [part for part in urlsplit(url).path.split("/") if part]
    if not parts:
        return "home"
    section, depth = parts[0], len(parts)
    if section in ("courses", "cases", "toolkits", "events", "members", "certificates"):
        if depth == 1:
            return f"{section} listing"
        if section == "events" and parts[1] == "calendar":
            return "events calendar"
        if section == "courses" and depth == 4:
            return "lessons"
        return f"{section} page" if depth == 2 else None
    return "standard page" if depth == 1 and section in ("about", "contact", "privacy", "terms") else None


def test_no_public_page_sets_a_cookie_or_carries_a_csrf_token_for_a_visitor(demo_site):
    visitor = FirstTimeVisitor()
    problems, html_pages = [], []
    for url, _referrer, response in walk(visitor, starts=unlinked_public_pages(), max_pages=MAX_PAGES, skip=SKIP):
        problems.extend(problems_of(url, response))
        if is_html(response):
            html_pages.append(url)
    assert len(html_pages) < MAX_PAGES, "the crawl stopped before it ran out of pages: raise MAX_PAGES"
    reached = {kind_of(url) for url in html_pages}
    assert reached >= {
        "home",
        *(f"{section} listing" for section in ("courses", "cases", "toolkits", "events", "members")),
        *(f"{section} page" for section in ("courses", "cases", "toolkits", "events", "members", "certificates")),
        "lessons",
        "events calendar",
        "standard page",
    }
    assert problems == []


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_nor_in_the_other_languages(demo_site, language):
    """Each language's home page and every page it links to (the whole crawl in six languages would take minutes;
    tests/test_crawl_languages.py walks them)."""
    visitor = FirstTimeVisitor()
    home = f"/{language}/"
    response = visitor.get(home)
    assert response.status_code == 200
    problems = problems_of(home, response)
    for url in sorted(set(internal_links(home, response.content.decode(), SKIP))):
        problems.extend(problems_of(url, visitor.get(url)))
    # Arriving at / with a browser in that language: a redirect to its home page, still without a cookie.
    problems.extend(problems_of("/", FirstTimeVisitor(accept_language=language).get("/")))
    assert problems == []
