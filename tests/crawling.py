"""Walking the site by its links, as a person clicking around would: shared by the crawl checks.

``walk(client)`` follows every internal link from ``/`` (and from any other start page given), breadth first, with the
Django test client, and yields each response once. ``tests/test_crawl.py`` checks status, headers and the page's
shape on it, ``tests/test_html_validity.py`` hands every page to the Nu HTML checker, and
``tests/browser/test_phone_width.py`` opens every page it reaches in a phone-sized browser.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

MAX_PAGES = 400
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/accounts/logout/")


def is_internal(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and url.startswith("/")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def internal_links(url, html, skip=SKIP_PREFIXES):
    """The pages of this site that ``html`` (served at ``url``) links to, minus the ones a crawl skips."""
    parser = LinkParser()
    parser.feed(html)
    targets = (urldefrag(urljoin(url, href)).url for href in parser.links)
    return [target for target in targets if is_internal(target) and not target.startswith(skip)]


def is_html(response):
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")


def walk(client, starts=("/",), max_pages=MAX_PAGES, skip=SKIP_PREFIXES):
    """Yield ``(url, referrer, response)`` for every page reached from ``starts`` by links, each URL once.

    Redirects are not followed (a sign-in redirect's target is reached from elsewhere); only 200 HTML pages are
    read for further links. Links to addresses starting with one of ``skip`` are not followed."""
    seen = set()
    queue = deque((start, "(start)") for start in starts)
    while queue and len(seen) < max_pages:
        url, referrer = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        yield url, referrer, response
        if is_html(response):
            queue.extend((target, url) for target in internal_links(url, response.content.decode(), skip))


def html_pages(client, starts=("/",)):
    """``[(url, html)]`` for every HTML page ``walk`` reaches."""
    return [(url, response.content.decode()) for url, _referrer, response in walk(client, starts) if is_html(response)]
