from tests.background import run_ready_tasks
from tests.factories import CoursePageFactory


def test_the_header_box_suggests_titles_as_you_type(page, site):
    CoursePageFactory(parent=site["courses"], title="Open data basics")
    run_ready_tasks()  # the worker indexes it
    page.goto("/")
    page.locator("#header-search-q").press_sequentially("open", delay=50)
    page.locator("#header-search-suggestions option").first.wait_for(state="attached")
    assert page.locator("#header-search-suggestions option").first.get_attribute("value") == "Open data basics"
    page.locator("#header-search-q").press("Enter")
    page.wait_for_url("**/search/?q=open")
    page.get_by_role("link", name="Open data basics").wait_for()
