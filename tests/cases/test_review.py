"""Reviewed publishing, end to end through Wagtail's workflow API and our sign-off page."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, Workflow, WorkflowState

from cases import review
from cases.models import CasePage
from members.models import Membership
from tests.factories import CasePageFactory, OrganisationFactory, make_member

pytestmark = pytest.mark.django_db


def draft_case(library, author, **fields):
    case = CasePage(
        title=fields.pop("title", "Smart crosswalks"),
        summary="Crosswalks that warn drivers.",
        start_year=2022,
        live=False,
        owner=author,
        **fields,
    )
    library.add_child(instance=case)
    case.save_revision(user=author)
    return case


def submit(case, author):
    return Workflow.objects.get(name=review.WORKFLOW).start(case, author)


def current(case):
    state = WorkflowState.objects.for_instance(case).order_by("-created_at").first()
    return state, state.current_task_state


def test_consultants_create_and_edit_their_own_cases_but_never_publish(library, consultant):
    mine = draft_case(library, consultant, city="Lima", country="PE")
    theirs = CasePageFactory(parent=library, title="Someone else's case")
    assert library.permissions_for_user(consultant).can_add_subpage()
    assert mine.permissions_for_user(consultant).can_edit()
    assert not mine.permissions_for_user(consultant).can_publish()
    assert not theirs.permissions_for_user(consultant).can_edit()


def test_consultants_use_the_admin_for_their_own_cases(client, library, consultant):
    mine = draft_case(library, consultant, city="Lima", country="PE")
    theirs = CasePageFactory(parent=library, title="Someone else's case")
    client.force_login(consultant)
    assert client.get(reverse("wagtailadmin_pages:add", args=["cases", "casepage", library.id])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[mine.id])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[theirs.id])).status_code in (302, 403)


def test_submit_sign_off_reject_resubmit_approve_publish(client, library, consultant, focal_point, secretary, seoul):
    case = draft_case(library, consultant, organisation=seoul)
    submit(case, consultant)
    state, task_state = current(case)
    assert task_state.task.name == "City sign-off" and task_state.status == TaskState.STATUS_IN_PROGRESS

    # The city's focal point reads it on the public site and asks for changes, with a comment.
    client.force_login(focal_point)
    assert "Cases about your city to sign off" in client.get("/me/").content.decode()
    assert "Smart crosswalks" in client.get("/cases/sign-off/").content.decode()
    without_comment = client.post("/cases/sign-off/", {"task_state": task_state.id, "decision": "reject"}, follow=True)
    assert "Say what should change" in without_comment.content.decode()
    client.post(
        "/cases/sign-off/", {"task_state": task_state.id, "decision": "reject", "comment": "Add the 2023 figures."}
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(pk=task_state.pk).get_comment() == "Add the 2023 figures."

    # The consultant improves the draft and resubmits; the city signs off; the secretariat asks for more.
    case.results = "<p>Accidents near schools fell by a third in 2023.</p>"
    case.save_revision(user=consultant)
    state.resume(user=consultant)
    _, task_state = current(case)
    assert client.post("/cases/sign-off/", {"task_state": task_state.id, "decision": "approve"}).status_code == 302
    state, task_state = current(case)
    assert task_state.task.name == "Secretariat review"
    assert task_state.task.specific.get_actions(case, consultant) == []  # authors cannot approve themselves
    task_state.task.specific.on_action(task_state.specific, secretary, "reject", comment="Name the partners.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    case.partners = "Seoul Metropolitan Police Agency"
    case.save_revision(user=consultant)
    state.resume(user=consultant)
    _, task_state = current(case)
    assert task_state.task.name == "Secretariat review"
    task_state.task.specific.on_action(task_state.specific, secretary, "approve")

    case.refresh_from_db()
    assert case.live and "fell by a third" in case.results
    page = client.get(case.url).content.decode()
    assert "Reviewed by the secretariat" in page and "Endorsed by Seoul" in page
    library_page = client.get("/cases/", {"region": "asia_pacific"}).content.decode()
    assert "Smart crosswalks" in library_page and "Asia and the Pacific (1)" in library_page


def test_a_non_member_case_skips_the_city_and_carries_no_endorsement(client, library, consultant, secretary):
    case = draft_case(library, consultant, city="Lima", country="PE")
    submit(case, consultant)
    _, task_state = current(case)
    assert task_state.task.name == "Secretariat review"
    task_state.task.specific.on_action(task_state.specific, secretary, "approve")
    page = client.get(CasePage.objects.get(pk=case.pk).url).content.decode()
    assert "Reviewed by the secretariat" in page and "Endorsed by" not in page


def test_only_the_citys_focal_point_signs_off(client, library, consultant, seoul, focal_point):
    case = draft_case(library, consultant, organisation=seoul)
    submit(case, consultant)
    _, task_state = current(case)
    for outsider in (make_member(seoul), make_member(OrganisationFactory(), role=Membership.Role.FOCAL_POINT)):
        client.force_login(outsider)
        assert "Smart crosswalks" not in client.get("/cases/sign-off/").content.decode()
        response = client.post("/cases/sign-off/", {"task_state": task_state.id, "decision": "approve"})
        assert response.status_code == 403
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert client.post("/cases/sign-off/", {"task_state": "x", "decision": "approve"}).status_code == 400
    client.logout()
    assert client.get("/cases/sign-off/").status_code == 302


def test_editors_see_which_recommended_parts_are_missing(admin_client, library, consultant):
    sparse = draft_case(library, consultant, city="Lima", country="PE")
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[sparse.id])).content.decode()
    assert "This case is still missing 12 recommended parts" in page
    assert "the challenge" in page and "outcome indicators" in page and "the budget" in page
    sparse.challenge = "<p>Flooding.</p>"
    sparse.budget_band = CasePage.BudgetBand.UNDER_100K
    assert len(sparse.missing_recommended_fields()) == 10
