"""Who is told what during a case's review: one email per person per event, in their language, with absolute links.

The decisions go through the same paths as on the site: the focal point posts /cases/sign-off/, the secretariat
acts on Wagtail's task (what the admin's workflow action does). See docs/cases.md, "Who is told what".
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import translation
from wagtail.models import GroupApprovalTask, Workflow, WorkflowState, WorkflowTask

from cases import review
from core.models import StandardPage
from tests.cases.test_review import draft_case
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def said(language, message, **values):
    """A subject as the catalogue words it in ``language`` (the recipient's): every email is in their language."""
    with translation.override(language):
        return translation.gettext(message) % {"title": "Smart crosswalks", **values}


@pytest.fixture
def consultant(consultant):
    consultant.preferred_language = "es"
    consultant.save()
    return consultant


@pytest.fixture
def focal_point(focal_point):
    focal_point.preferred_language = "ko"
    focal_point.save()
    return focal_point


@pytest.fixture
def on_commit(tasks_done):
    """Commit what a request or an admin action does, then run the tasks it enqueued, as a worker would."""
    return tasks_done


def current(case):
    state = WorkflowState.objects.for_instance(case).order_by("-created_at").first()
    return state, state.current_task_state


def inbox(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def html_of(message):
    return message.alternatives[0][0]


def secretariat_decides(case, secretary, action, comment=""):
    _, task_state = current(case)
    assert task_state.task.name == "Secretariat review"
    task_state.task.specific.on_action(task_state.specific, secretary, action, comment=comment)


def city_decides(focal_point, case, decision, comment=""):
    client = Client()
    client.force_login(focal_point)
    _, task_state = current(case)
    response = client.post("/cases/sign-off/", {"task_state": task_state.id, "decision": decision, "comment": comment})
    assert response.status_code == 302


def test_every_step_of_a_member_citys_case_tells_the_right_person_once(
    library, seoul, consultant, focal_point, secretary, on_commit
):
    case = draft_case(library, consultant, organisation=seoul)

    # Submitted: the city's focal point is asked, in Korean, with the sign-off page's absolute address.
    with on_commit():
        Workflow.objects.get(name=review.WORKFLOW).start(case, consultant)
    [asked] = inbox(focal_point)
    assert asked.subject == said("ko", 'Please sign off the case "%(title)s" about %(city)s', city="Seoul")
    assert "https://hub.example.org/ko/cases/sign-off/" in asked.body and "Daniela Ortiz" in asked.body
    assert '<html lang="ko" dir="ltr">' in html_of(asked)
    assert inbox(consultant) == []

    # The city asks for changes: the consultant hears it once (ours, in Spanish; not Wagtail's too).
    with on_commit():
        city_decides(focal_point, case, "reject", comment="Add the 2023 figures.")
    [changes] = inbox(consultant)
    assert changes.subject == said("es", '%(city)s asks for changes to your case "%(title)s"', city="Seoul")
    assert "Add the 2023 figures." in changes.body
    assert f"https://hub.example.org/admin/pages/{case.pk}/edit/" in changes.body
    assert '<html lang="es" dir="ltr">' in html_of(changes)
    assert len(inbox(focal_point)) == 1

    # Resubmitted: the city is asked again; then it signs off and the consultant hears that once.
    state, _ = current(case)
    with on_commit():
        state.resume(user=consultant)
    assert len(inbox(focal_point)) == 2
    with on_commit():
        city_decides(focal_point, case, "approve")
    assert [m.subject for m in inbox(consultant)[1:]] == [
        said("es", '%(city)s signed off your case "%(title)s"', city="Seoul")
    ]
    assert len(inbox(focal_point)) == 2
    assert len(inbox(secretary)) == 1  # Wagtail's own "submitted for review" to the Secretariat reviewers

    # The secretariat asks for changes, then publishes: one email each to the consultant.
    with on_commit():
        secretariat_decides(case, secretary, "reject", comment="Name the partners.")
    assert inbox(consultant)[-1].subject == said("es", 'The secretariat asks for changes to your case "%(title)s"')
    assert "Name the partners." in inbox(consultant)[-1].body
    state, _ = current(case)
    with on_commit():
        state.resume(user=consultant)
        secretariat_decides(case, secretary, "approve")
    published = inbox(consultant)[-1]
    assert published.subject == said("es", 'Your case "%(title)s" is published')
    assert "https://hub.example.org/es/cases/smart-crosswalks/" in published.body  # public address, their language

    assert len(inbox(consultant)) == 4  # changes (city), signed off, changes (secretariat), published
    assert len(inbox(focal_point)) == 2  # asked twice, told nothing else
    assert len(inbox(secretary)) == 2  # Wagtail's, each time the case reached the secretariat


def test_a_non_member_case_asks_no_city_and_its_automatic_pass_tells_no_one(library, consultant, secretary, on_commit):
    case = draft_case(library, consultant, city="Lima", country="PE")
    with on_commit():
        Workflow.objects.get(name=review.WORKFLOW).start(case, consultant)
    assert inbox(consultant) == []
    assert all("sign off" not in m.subject for m in mail.outbox)
    with on_commit():
        secretariat_decides(case, secretary, "approve")
    assert [m.subject for m in inbox(consultant)] == [said("es", 'Your case "%(title)s" is published')]


def test_no_one_is_told_of_their_own_decision(library, seoul, focal_point, secretary, on_commit):
    case = draft_case(library, secretary, organisation=seoul)
    with on_commit():
        Workflow.objects.get(name=review.WORKFLOW).start(case, secretary)
    with on_commit():
        city_decides(focal_point, case, "approve")
    before = len(inbox(secretary))
    with on_commit():
        secretariat_decides(case, secretary, "approve")
    assert len(inbox(secretary)) == before


def test_wagtail_still_tells_the_submitter_of_other_pages(site_tree, secretary, on_commit):
    editor = UserFactory(email="editor@secretariat.example", is_staff=True)
    page = StandardPage(title="About the association", live=False)
    site_tree["home"].add_child(instance=page)
    page.save_revision(user=editor)
    task = GroupApprovalTask.objects.create(name="Check")
    task.groups.set([Group.objects.get(name=review.SECRETARIAT)])
    workflow = Workflow.objects.create(name="Pages")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    with on_commit():
        state = workflow.start(page, editor)
        state.current_task_state.task.specific.on_action(state.current_task_state.specific, secretary, "reject")
    [rejected] = inbox(editor)
    assert "has been rejected" in rejected.subject
