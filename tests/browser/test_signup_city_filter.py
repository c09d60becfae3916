"""Sign-up's city list: a filter box narrows it as one types (static/js/organisation-filter.js); without JavaScript
the grouped list works alone; a city profile's "Join as staff of …" link arrives with the city chosen (issue 17)."""

import pytest

from members.models import Membership, Region
from tests.factories import OrganisationFactory

PASSWORD = "seoul-digital-city-2026"


@pytest.fixture
def cities(site):
    return {
        "seoul": OrganisationFactory(
            name="Seoul Metropolitan Government", city="Seoul", native_name="서울", aliases="Seoul City"
        ),
        "busan": OrganisationFactory(name="Busan Metropolitan City", city="Busan", native_name="부산"),
        "nairobi": OrganisationFactory(name="Nairobi City County", city="Nairobi", country="KE", region=Region.AFRICA),
        "sao_paulo": OrganisationFactory(
            name="Municipality of São Paulo", city="São Paulo", country="BR", region=Region.LATIN_AMERICA_CARIBBEAN
        ),
    }


def offered(page):
    return page.locator("#id_organisation optgroup option").all_inner_texts()


def fill_person(page, email):
    page.get_by_label("Email").fill(email)
    page.get_by_label("First name").fill("Nadia")
    page.get_by_label("Last name").fill("Newcomer")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)


def test_typing_in_the_filter_box_narrows_the_city_list(page, cities):
    page.goto("/accounts/signup/")
    box = page.get_by_label("Find your city in the list")
    assert len(offered(page)) == 4

    box.press_sequentially("서울", delay=30)
    assert offered(page) == ["Seoul Metropolitan Government – 서울 (Seoul, South Korea)"]
    assert page.locator(".option-filter-status").inner_text() == "Cities and organisations that match: 1"
    assert page.get_by_label("Your city or organisation").input_value() == str(cities["seoul"].pk)  # the one left

    for spelling in ("SEOUL", "seoul city", "sao paulo", "Nairobi"):
        box.fill(spelling)
        assert len(offered(page)) >= 1, spelling
    box.fill("sao paulo")
    assert "Municipality of São Paulo (São Paulo, Brazil)" in offered(page)
    box.fill("county")  # Nairobi matches; Seoul, already chosen, stays
    assert page.locator("#id_organisation optgroup").evaluate_all("groups => groups.map(g => g.label)") == [
        "Africa",
        "Asia and the Pacific",
    ]
    assert offered(page) == [
        "Nairobi City County (Nairobi, Kenya)",
        "Seoul Metropolitan Government – 서울 (Seoul, South Korea)",
    ]
    box.fill("atlantis")
    assert page.locator(".option-filter-status").inner_text().startswith("None matches.")
    box.fill("")
    assert len(offered(page)) == 4

    box.fill("busan")
    box.press("Enter")  # moves to the list; does not send the form
    assert page.url.endswith("/accounts/signup/")
    page.get_by_label("Your city or organisation").select_option(value=str(cities["busan"].pk))
    fill_person(page, "nadia@mail.example")
    page.get_by_role("button", name="Join WeGo Hub").click()
    page.get_by_role("heading", name="Verify Your Email Address").wait_for()
    membership = Membership.objects.get(user__email="nadia@mail.example")
    assert membership.organisation == cities["busan"]


def test_the_join_link_on_a_city_profile_arrives_with_the_city_chosen(page, cities):
    page.goto(cities["nairobi"].get_absolute_url())
    page.get_by_role("link", name="Join as staff of Nairobi City County").click()
    page.get_by_role("heading", name="Join WeGo Hub").wait_for()
    assert page.get_by_label("Your city or organisation").input_value() == str(cities["nairobi"].pk)


def test_without_javascript_the_grouped_list_works_alone(browser, live_server, cities):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto("/accounts/signup/")
        assert page.get_by_label("Find your city in the list").count() == 0
        assert page.locator("#id_organisation optgroup").count() == 3
        page.get_by_label("Your city or organisation").select_option(value=str(cities["sao_paulo"].pk))
        fill_person(page, "ana@mail.example")
        page.get_by_role("button", name="Join WeGo Hub").click()
        page.get_by_role("heading", name="Verify Your Email Address").wait_for()
    finally:
        context.close()
    assert Membership.objects.get(user__email="ana@mail.example").organisation == cities["sao_paulo"]


def test_a_city_profile_and_a_directory_search_with_a_bad_sort_are_accessible(page, site, cities):
    from axe_playwright_python.sync_playwright import Axe

    from tests.factories import EventPageFactory

    EventPageFactory(parent=site["events"], title="Seoul Smart City Summit", host_organisation=cities["seoul"])
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for path in (cities["seoul"].get_absolute_url(), "/members/?q=%EC%84%9C%EC%9A%B8&sort=cheapest"):
            page.goto(path)
            results = Axe().run(page)
            serious = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
            assert serious == [], results.generate_report()
    assert "Select a valid choice." in page.content()
