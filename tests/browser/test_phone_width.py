"""No page scrolls sideways on a phone: every page the crawl reaches, at 375 px, as a visitor, a member and a focal
point, is no wider than the window.

The walk (``tests/crawling.py``) finds the pages with the test client, signed in as the persona; one browser context
per persona, sharing that session, opens each HTML page and measures it. A page that is wider than the window is
listed with its width and the elements that stick out, so the offender is easy to find.
"""

import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from core.public_url import sync_default_site
from members.models import User
from tests.crawling import MAX_PAGES, is_html, walk

PHONE = {"width": 375, "height": 800}
SEOUL = "seoul-metropolitan-government"
DASHBOARD = f"/members/{SEOUL}/dashboard/"
PERSONAS = {
    "visitor": (None, ("/", "/search/?q=data")),
    "member": ("jiho.kim@seoul.city.example", ("/", "/me/", "/search/?q=data")),
    "focal point": ("mina.park@seoul.city.example", ("/", "/me/", DASHBOARD, "/search/?q=data")),
    # Right to left: Arabic pages mirror, and nothing may stick out past the other edge either.
    "visitor in Arabic": (None, ("/ar/", "/ar/search/?q=data")),
    "member in Arabic": ("jiho.kim@seoul.city.example", ("/ar/me/",)),
}
# The other personas walk the whole site in English; in Arabic a shorter walk reaches every kind of page.
PAGES_IN_ARABIC = 120

WIDTHS = "() => [document.documentElement.scrollWidth, window.innerWidth, document.styleSheets.length]"
# The outermost elements that reach past the window's edge (either edge: the site is also read right to left), and
# are not inside a box that clips or scrolls them.
STICKING_OUT = """() => {
    const width = window.innerWidth, found = [];
    const describe = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
        + [...element.classList].map((name) => '.' + name).join('');
    for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || (box.right <= width + 0.5 && box.left >= -0.5)) continue;
        let parent = element.parentElement, hidden = false;
        for (; parent && parent !== document.body; parent = parent.parentElement) {
            if (found.includes(parent) || getComputedStyle(parent).overflowX !== 'visible') { hidden = true; break; }
        }
        if (!hidden) found.push(element);
    }
    return found.slice(0, 5).map((element) =>
        `${describe(element)} (${Math.round(element.getBoundingClientRect().width)} px)`);
}"""


@pytest.fixture
def seeded_live_site(transactional_db, live_server, settings):
    settings.PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    sync_default_site()


def html_urls(email, starts):
    """The persona's session (or None) and every HTML page its walk reaches, in the order it reaches them."""
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    limit = PAGES_IN_ARABIC if starts[0].startswith("/ar/") else MAX_PAGES
    urls = [url for url, _referrer, response in walk(client, starts, max_pages=limit) if is_html(response)]
    return client.cookies.get(settings.SESSION_COOKIE_NAME), urls


def measure(browser, base_url, persona, session, urls):
    """Open each page at phone width in one browser context; return the pages wider than the window, and the
    console and script errors seen on the way (a CSP violation is one).

    Nothing routes the requests, so the browser's cache keeps the stylesheet and scripts from page to page."""
    offenders, problems = [], []
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    if session:
        context.add_cookies([{"name": session.key, "value": session.value, "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda message: message.type == "error" and problems.append(f"{message.text} ({persona})"))
    page.on("pageerror", lambda error: problems.append(f"script error: {error} ({persona})"))
    for url in urls:
        response = page.goto(url, wait_until="domcontentloaded")
        scroll_width, window_width, stylesheets = page.evaluate(WIDTHS)
        assert response.ok and stylesheets, f"{url} answered {response.status} or was measured unstyled"
        if scroll_width > window_width:
            sticking_out = ", ".join(page.evaluate(STICKING_OUT)) or "?"
            offenders.append(f"{url} (as {persona}): {scroll_width} px wide; sticking out: {sticking_out}")
    context.close()
    return offenders, problems


def test_no_page_is_wider_than_a_phone(browser, live_server, seeded_live_site):
    offenders, problems, visited, started = [], [], {}, time.monotonic()
    for persona, (email, starts) in PERSONAS.items():
        session, visited[persona] = html_urls(email, starts)
        found, seen = measure(browser, live_server.url, persona, session, visited[persona])
        offenders += found
        problems += seen
    elapsed = time.monotonic() - started

    assert DASHBOARD in visited["focal point"], "the focal point's dashboard was not reached"
    assert all(len(urls) > 20 for urls in visited.values()), {persona: len(urls) for persona, urls in visited.items()}
    print(f"measured {sum(map(len, visited.values()))} pages at 375 px in {elapsed:.0f} s")
    assert offenders == [], f"{len(offenders)} pages scroll sideways at 375 px:\n" + "\n".join(offenders)
    assert problems == [], "the browser saw problems:\n" + "\n".join(problems)
