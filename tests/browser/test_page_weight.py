"""A case page with its cover stays light on a phone: 375 CSS pixels wide at a device pixel ratio of 2 (most phones
are 2 or 3; at 3 the browser picks the 1200 px rendition and the page is a few kilobytes heavier, still far under)."""

import io
import re

import pytest
from django.core.management import call_command

from cases.models import CasePage
from core.public_url import sync_default_site
from tests.browser.conftest import BrowserProblems

BUDGET = 100 * 1024  # bytes on the wire: HTML, CSS, JavaScript, images, with their headers
PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture
def seeded_case(transactional_db, live_server, settings, tmp_path):
    settings.PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    sync_default_site()
    # The longest case story: the heaviest case page the demo has.
    cases = CasePage.objects.live().public().exclude(cover_image=None)
    return max(cases, key=lambda case: len(str(case.challenge) + str(case.approach) + str(case.results)))


def test_a_case_page_with_its_cover_weighs_under_100_kb_on_a_phone(browser, live_server, seeded_case):
    context = browser.new_context(base_url=live_server.url, **PHONE)
    page = context.new_page()
    problems = BrowserProblems(page)
    transfers = []
    page.on("requestfinished", lambda request: transfers.append(request))

    page.goto(seeded_case.url, wait_until="networkidle")
    page.mouse.wheel(0, 5000)  # anything lazy below the fold counts too
    page.wait_for_load_state("networkidle")

    sizes = {request.url: request.sizes() for request in transfers}
    total = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes.values())
    report = "\n".join(f"{size['responseBodySize']:>8} {url}" for url, size in sizes.items())
    assert total <= BUDGET, f"{total} bytes:\n{report}"

    cover = page.locator("img.cover")
    assert cover.evaluate("img => img.complete && img.naturalWidth > 0")
    chosen = cover.evaluate("img => img.currentSrc")
    assert chosen.endswith((".avif", ".webp")), chosen
    # Sharp on this screen: the rendition is about as wide as the cover's device pixels (343 CSS px × 2), not 480.
    assert int(re.search(r"fill-(\d+)x", chosen).group(1)) >= 343 * 2
    image_responses = [request.response() for request in transfers if request.url == chosen]
    assert image_responses[0].headers["content-type"] in ("image/avif", "image/webp")
    context.close()
    assert problems.seen == [], "the browser saw problems:\n" + "\n".join(problems.seen)
