from django.contrib.auth.models import Group

from cases import review
from cases.models import CasePage
from tests.browser.helpers import sign_in
from tests.factories import CasePageFactory, UserFactory


def test_a_consultant_submits_a_case_the_secretariat_approves_and_the_library_counts_it(page, site):
    library = site["cases"]
    review.ensure_review_workflow(library)
    CasePageFactory(parent=library, title="Open budgets", kind="research_project", city="Quito", country="EC")
    consultant = UserFactory(email="daniela@consult.example", first_name="Daniela", last_name="Ortiz")
    consultant.groups.add(Group.objects.get(name=review.CONSULTANTS))
    secretary = UserFactory(email="sam@secretariat.example")
    secretary.groups.add(Group.objects.get(name=review.SECRETARIAT))

    page.goto("/cases/")
    page.get_by_text("Feasibility study (0)").wait_for()

    sign_in(page, consultant.email)
    page.goto(f"/admin/pages/add/cases/casepage/{library.id}/")
    page.locator("#id_title").fill("Flood sensors for Lima's river")
    page.locator("#id_summary").fill("Can low-cost sensors warn riverside districts before floods?")
    page.locator("#id_kind").select_option("feasibility_study")
    page.locator("#id_city").fill("Lima")
    page.locator("#id_country").select_option("PE")
    page.locator("#id_start_year").fill("2025")
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Case review").click()
    page.wait_for_url("**/admin/pages/**")
    case = CasePage.objects.get(title="Flood sensors for Lima's river")
    assert not case.live
    page.context.clear_cookies()

    sign_in(page, secretary.email)
    page.goto(f"/admin/pages/{case.id}/edit/")
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.locator("footer [data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    page.wait_for_url("**/admin/pages/**")
    case.refresh_from_db()
    assert case.live

    page.goto("/cases/")
    page.get_by_text("Feasibility study (1)").wait_for()
    page.get_by_role("link", name="Flood sensors for Lima's river").click()
    page.get_by_text("Reviewed by the secretariat").wait_for()
