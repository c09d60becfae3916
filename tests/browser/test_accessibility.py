import pytest
from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/", "/members/", "/courses/"])
@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_no_serious_or_critical_accessibility_violations(page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert serious == [], results.generate_report()


def test_a_form_with_errors_stays_accessible(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("not-an-email@")
    page.get_by_label("Password:", exact=True).fill("short")
    page.get_by_label("Password (again)").fill("short")
    page.get_by_label("Email").evaluate("element => element.removeAttribute('type')")  # let the server judge
    page.get_by_role("button", name="Sign Up").click()
    results = Axe().run(page)
    assert [v for v in results.response["violations"] if v["impact"] in SERIOUS] == []
