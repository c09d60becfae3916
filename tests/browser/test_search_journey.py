"""A visitor searches the hub, narrows by type and topic, and pages through, with the keyboard and without
JavaScript-only controls; the page stays accessible at desktop and phone widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.background import run_ready_tasks
from tests.factories import CasePageFactory, EventPageFactory, ToolkitPageFactory, TopicFactory

SERIOUS = {"serious", "critical"}


def tagged(page, topic):
    page.topics.set([topic])
    page.save()
    return page


@pytest.fixture
def harbour_library(site):
    water = TopicFactory(name="Water", slug="water")
    mobility = TopicFactory(name="Mobility", slug="mobility")
    for number in range(23):
        tagged(
            CasePageFactory(parent=site["cases"], title=f"Harbour case {number}", summary="A port city's pilot."),
            water if number % 2 else mobility,
        )
    tagged(ToolkitPageFactory(parent=site["toolkits"], title="Harbour data toolkit"), water)
    EventPageFactory(parent=site["events"], title="Harbour cities forum")
    run_ready_tasks()  # the worker indexes the library
    return site


def test_search_narrow_and_page_through(page, harbour_library):
    page.goto("/")
    page.locator("#header-search-q").fill("harbour")
    page.locator("#header-search-q").press("Enter")
    page.wait_for_url("**/search/?q=harbour")
    assert page.get_by_role("heading", level=2, name="results for").inner_text() == "25 results for “harbour”"
    assert page.locator(".search-results mark").first.inner_text().lower() == "harbour"

    page.get_by_label("Type").select_option("case")
    page.get_by_label("Topic").select_option("water")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**type=case**")
    assert page.get_by_role("heading", level=2, name="results for").inner_text() == "11 results for “harbour”"
    assert page.get_by_label("Type").locator("option:checked").inner_text() == "Cases (11)"
    assert page.locator(".search-results li .eyebrow").all_inner_texts() == ["CASE"] * 11

    page.get_by_role("link", name="Clear filters").click()
    assert page.get_by_role("heading", level=2, name="results for").inner_text() == "25 results for “harbour”"
    page.get_by_role("link", name="Next").click()
    page.get_by_text("Page 2 of 2").wait_for()
    assert page.locator(".search-results > li").count() == 5
    page.locator(".search-results a").first.click()
    page.get_by_role("heading", level=1).wait_for()
    assert "harbour" in page.get_by_role("heading", level=1).inner_text().lower()


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_the_search_page_is_accessible(page, harbour_library, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in ["/search/", "/search/?q=harbour", "/search/?q=harbour&type=case&topic=water&page=2", "/search/?q=zz"]:
        page.goto(path)
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        assert serious == [], f"{path}\n{results.generate_report()}"
