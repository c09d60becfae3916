"""The world maps in a real browser: the case library's and the member directory's, at desktop and phone widths,
left to right and right to left; accessible (axe), no console errors, nothing wider than the window, and a dot
that a click or a tap follows to the filtered library."""

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe

from core import maps
from members.models import Region
from tests.factories import CasePageFactory, OrganisationFactory

SERIOUS = {"serious", "critical"}
WIDTHS = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def city(name, slug, city, country, region, latitude, longitude):
    return OrganisationFactory(
        name=name, slug=slug, city=city, country=country, region=region, latitude=Decimal(latitude),
        longitude=Decimal(longitude),
    )  # fmt: skip


@pytest.fixture
def mapped(site):
    busan = city("Busan Metropolitan City", "busan", "Busan", "KR", Region.ASIA_PACIFIC, "35.1796", "129.0756")
    dakar = city("Dakar City Hall", "dakar", "Dakar", "SN", Region.AFRICA, "14.7167", "-17.4677")
    lima = city(
        "Metropolitan Municipality of Lima", "lima", "Lima", "PE", Region.LATIN_AMERICA_CARIBBEAN, "-12.05", "-77.04"
    )
    for title in ("Parking data", "Smart port"):
        CasePageFactory(parent=site["cases"], title=title, organisation=busan)
    CasePageFactory(parent=site["cases"], title="Mobile money", organisation=dakar)
    CasePageFactory(parent=site["cases"], title="Open budget", organisation=lima)
    return site


def serious_violations(page):
    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in SERIOUS], results


@pytest.mark.parametrize("path", ["/cases/", "/members/", "/ar/cases/", "/ar/members/"])
@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_the_maps_are_accessible_and_fit_the_window(page, mapped, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path)
    svg = page.locator("svg.map-svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] <= width and box["height"] > box["width"] / 3  # it scales, keeping its shape
    scroll_width, window_width = page.evaluate(WIDTHS)
    assert scroll_width <= window_width, f"{path} is {scroll_width} px wide at {window_width} px"
    assert page.locator("a.map-point").count() == 3
    serious, results = serious_violations(page)
    assert serious == [], results.generate_report()
    # The text alternative opens and reads the same places.
    page.locator("details.map-data > summary").click()
    table = page.locator("table.map-table")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 3
    serious, results = serious_violations(page)
    assert serious == [], results.generate_report()


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_a_dot_opens_the_library_filtered_to_its_city(page, mapped, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/cases/")
    busan = page.get_by_role("link", name="Busan, South Korea: 2 cases")
    box = busan.bounding_box()
    # The disc that takes the click is 24 px across on a desktop; on a phone it grows with the dots, to about 19 px
    # on a 375 px screen (the table below lists the same links as full-size text links).
    assert min(box["width"], box["height"]) >= (18 if width == 375 else 24)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/cases/?country=KR&q=Busan")
    cards = page.locator(".card-grid .card-title")
    assert sorted(cards.all_inner_texts()) == ["Parking data", "Smart port"]
    # Filtered, the map is folded: the results come first.
    assert not page.locator("svg.map-svg").is_visible()
    page.locator("details.map-panel > summary").click()
    assert page.locator("svg.map-svg").is_visible()


def test_a_country_and_the_keyboard_reach_the_filtered_pages(page, mapped):
    page.goto("/members/")
    # Inland Senegal, away from Dakar's dot (which would take the click): the country's link.
    svg = page.locator("svg.map-svg").bounding_box()
    x, y = maps.project(-13.0, 14.2)
    scale = svg["width"] / maps.world()["width"]
    assert page.get_by_role("link", name="Senegal: 1 organisation").is_visible()
    page.mouse.click(svg["x"] + x * scale, svg["y"] + y * scale)
    page.wait_for_url("**/members/?country=SN")
    assert page.locator(".directory-list li").all_inner_texts()[0].startswith("Dakar City Hall")
    page.goto("/members/")
    # The skip link leads past the map's links to its table.
    skip = page.get_by_role("link", name="Skip the map's links: go to its table")
    skip.focus()
    assert skip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/members/#map-members-data")
    page.get_by_role("link", name="Metropolitan Municipality of Lima, Lima, Peru").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/members/lima/")
