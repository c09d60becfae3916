"""Charts in a real browser: the focal-point dashboard (in English and in Arabic, right to left) and the
secretariat's charts in the admin, at desktop and phone width: drawn, legible, no sideways scroll, their tables one
click away, no serious accessibility problem (axe), no console error (the page fixture fails on any)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from core import charts
from members.models import Membership, Region
from tests.browser.helpers import sign_in
from tests.factories import OrganisationFactory, ToolkitPageFactory, UserFactory, make_member
from tests.members.test_dashboard_charts import add_activity
from toolkits.models import Download

SERIOUS = {"serious", "critical"}
SCROLL = "() => [document.documentElement.scrollWidth, window.innerWidth]"
# The size a chart's text is drawn at, in CSS pixels: its font size times the drawing's scale.
TEXT_SIZE = """(svg) => {
    const text = svg.querySelector('text.chart-category, text.chart-label');
    return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width * parseFloat(text.getAttribute('font-size'));
}"""


def serious_violations(page, context=None):
    results = Axe().run(page, context=context)
    return [v for v in results.response["violations"] if v["impact"] in SERIOUS], results


def check_chart(page, figure, width):
    svg = figure.locator("svg")
    svg.wait_for()
    box = svg.bounding_box()
    assert 0 < box["width"] <= width
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert svg.evaluate(TEXT_SIZE) >= 10  # legible on a phone, not blown up on a desktop
    assert svg.evaluate(TEXT_SIZE) <= 24
    table = figure.locator("table")
    assert not table.is_visible()
    figure.locator("summary").click()
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 1


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_the_dashboard_charts_in_english_and_arabic(page, site, width):
    city = OrganisationFactory(name="City of Kigali")
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    add_activity(site, city, 3, charts.last_months(12))
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, focal_point.email)
    for path in [f"/members/{city.slug}/dashboard/", f"/ar/members/{city.slug}/dashboard/"]:
        page.goto(path)
        for key in ("city-learning", "city-events"):
            check_chart(page, page.locator(f"#chart-{key}"), width)
        scroll_width, window_width = page.evaluate(SCROLL)
        assert scroll_width <= window_width, f"{path} scrolls sideways at {width} px"
        serious, results = serious_violations(page)
        assert serious == [], f"{path}\n{results.generate_report()}"
    # Mirrored in Arabic: the months start on the right.
    first_month = page.locator("#chart-city-learning text.chart-category").first.bounding_box()
    last_month = page.locator("#chart-city-learning text.chart-category").last.bounding_box()
    assert first_month["x"] > last_month["x"]


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_the_secretariats_charts_in_the_admin(page, site, width):
    make_member(OrganisationFactory(region=Region.AFRICA, country="KE"))
    toolkit = ToolkitPageFactory(parent=site["toolkits"], title="Open data playbook for cities and their partners")
    Download.objects.create(toolkit=toolkit, version="1.0", language="en", visitor="v", click_window=1)
    admin = UserFactory(is_superuser=True, is_staff=True)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, admin.email)
    page.goto("/admin/reports/charts/")
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Charts"  # the page's own title
    for key in ("members-per-region", "toolkit-downloads"):
        check_chart(page, page.locator(f"#chart-{key}"), width)
    assert page.locator("#chart-courses-completed .chart-empty").inner_text() == "No data yet."
    serious, results = serious_violations(page, context=".chart-grid")
    assert serious == [], results.generate_report()
