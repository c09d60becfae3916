from tests.factories import PASSWORD, OrganisationFactory, make_course, make_member


def progress_value(page):
    return int(page.locator("progress").first.get_attribute("value"))


def test_a_member_enrolls_completes_the_lessons_and_sees_the_course_on_my_hub(page, site):
    _, lessons = make_course(site["courses"], title="Open data for cities", modules=2, lessons_per_module=2)
    member = make_member(OrganisationFactory(), email="learner@city.example")

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/me/")

    page.goto("/courses/")
    page.get_by_role("link", name="Open data for cities").click()
    page.get_by_role("button", name="Enrol").click()
    page.get_by_text("0 of 4 required lessons").first.wait_for()
    assert progress_value(page) == 0

    page.get_by_role("link", name="Start the first lesson").click()
    seen = []
    for _ in lessons:
        page.get_by_role("button", name="Mark as complete").click()
        seen.append(progress_value(page))
    assert seen == [25, 50, 75, 100]
    page.get_by_text("You completed this course.").wait_for()

    page.get_by_role("link", name="My hub").click()
    section = page.locator("section", has=page.get_by_role("heading", name="My learning", exact=True))
    section.get_by_role("link", name="Open data for cities").wait_for()
    assert "4 of 4 required lessons" in section.inner_text()
    assert "Completed on" in section.inner_text()
