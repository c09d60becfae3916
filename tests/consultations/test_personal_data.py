"""The person's data in the programme: "Download my data" lists what they did in it; "Delete my account" keeps the
programme's records (they belong to the cities and the association) on the anonymised user row, and removes what
names the person: their contact details on an application and their name in its history."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultations import selectors, services
from consultations.models import Application, ApplicationEvent, Assignment, Editor, Milestone, Project, Score
from members.models import User
from tests.consultations.conftest import complete
from tests.factories import PASSWORD, make_member

pytestmark = pytest.mark.django_db

KEY = "consultation_programme"


@pytest.fixture
def project(draft, focal_point, colleague, secretary, reviewer, consultant):
    """Seoul's application from the first draft to a project under way: an editor, a review, an award, a consultant
    who has recorded the first milestone."""
    services.add_editor(application=draft, by=focal_point, email=colleague.email)
    complete(draft, colleague)
    services.submit_application(application=draft, user=focal_point)
    services.screen(application=draft, by=secretary, eligible=True)
    assignment = services.assign_reviewer(application=draft, by=secretary, reviewer=reviewer)
    scores = {criterion.pk: (4, f"Solid on {criterion.name}.") for criterion in draft.call.criteria.all()}
    services.submit_review(assignment=assignment, user=reviewer, scores=scores, comment="Fund it.")
    services.determine(application=draft, by=secretary, outcome="awarded", message="Selected.")
    today = timezone.localdate()
    due = {kind: today + dt.timedelta(days=30 * (n + 1)) for n, kind in enumerate(Milestone.ORDER)}
    project = services.start_project(application=draft, by=secretary, consultants=[consultant], due_dates=due)
    inception = project.milestones.get(kind=Milestone.Kind.INCEPTION)
    services.complete_milestone(milestone=inception, user=consultant, note="Kick-off held in Seoul.")
    return project


def my_data(user):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("members:my_data"))
    assert response.status_code == 200
    return json.loads(response.content)[KEY]


def delete(user):
    client = Client()
    client.force_login(user)
    response = client.post(reverse("members:delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    return User.objects.get(pk=user.pk)


def note_of(application, verb):
    return application.history.get(verb=verb).note


def test_my_data_lists_what_each_person_did_in_the_programme(project, focal_point, colleague, reviewer, consultant):
    application = project.application
    about = {
        "call": "Open call",
        "city": "Seoul Metropolitan Government",
        "application": "Flood sensors for underpasses",
        "reference": application.reference,
    }

    mine = my_data(focal_point)
    started = [(row["application"], row["status"]) for row in mine["applications_started"]]
    assert started == [(about["application"], "awarded")]
    assert mine["named_as_contact"] == [{**about, "contact_name": "Mina Park", "contact_email": "mina@seoul.example"}]
    assert "submitted" in [line["did"] for line in mine["history"]]
    assert mine["reviews"] == mine["editor_of"] == mine["projects_as_consultant"] == []

    editor = my_data(colleague)
    assert [row["application"] for row in editor["editor_of"]] == [about["application"]]
    assert [line["did"] for line in editor["history"]] == ["edited"]
    assert editor["applications_started"] == []

    [review] = my_data(reviewer)["reviews"]
    assert {key: review[key] for key in about} == about
    assert (review["status"], review["comment"]) == ("submitted", "Fund it.")
    assert [(s["criterion"], s["score"], s["comment"]) for s in review["scores"]] == [
        ("Relevance", 4, "Solid on Relevance."),
        ("Feasibility", 4, "Solid on Feasibility."),
        ("Impact", 4, "Solid on Impact."),
    ]

    [work] = my_data(consultant)["projects_as_consultant"]
    assert work["status"] == "under_way"
    assert [(m["milestone"], m["note"]) for m in work["milestones_recorded"]] == [
        ("inception", "Kick-off held in Seoul.")
    ]


def test_deleting_a_reviewer_an_editor_a_consultant_and_the_focal_point_keeps_the_programmes_records(
    project, focal_point, colleague, reviewer, consultant
):
    application = project.application
    history_before = application.history.count()
    ranked_before = selectors.ranking(application.call)[0]

    for person in (reviewer, colleague, consultant, focal_point):
        deleted = delete(person)
        assert not deleted.is_active and deleted.email.endswith("@deleted.invalid")

    # The rows stay, on the anonymised user rows: the ranked table reads the same review and scores.
    assignment = Assignment.objects.get(application=application)
    assert assignment.reviewer_id == reviewer.pk and assignment.comment == "Fund it."
    assert Score.objects.filter(assignment=assignment).count() == 3
    assert Editor.objects.filter(application=application, user_id=colleague.pk).exists()
    assert list(Project.objects.get(pk=project.pk).consultants.values_list("pk", flat=True)) == [consultant.pk]
    assert Application.objects.get(pk=application.pk).created_by_id == focal_point.pk
    ranked = selectors.ranking(application.call)[0]
    assert (ranked.reviews, ranked.mean) == (ranked_before.reviews, ranked_before.mean)
    assert application.history.count() == history_before
    assert application.history.filter(actor_id=reviewer.pk, verb=ApplicationEvent.Verb.REVIEW_SUBMITTED).exists()

    # What named them goes: the contact details, and their names in the history's notes.
    application.refresh_from_db()
    assert (application.contact_name, application.contact_email) == ("", "")
    assert note_of(application, ApplicationEvent.Verb.EDITOR_ADDED) == f"deleted-{colleague.pk}"
    assert note_of(application, ApplicationEvent.Verb.REVIEWER_ASSIGNED) == f"deleted-{reviewer.pk}"
    assert note_of(application, ApplicationEvent.Verb.PROJECT_STARTED) == f"deleted-{consultant.pk}"
    names = " ".join(application.history.values_list("note", flat=True))
    for name in ("Jiho Kim", "Lena Vogel", "Daniela Ortiz", "Mina Park", "mina@seoul.example"):
        assert name not in names


def test_deleting_one_person_leaves_another_persons_name_of_the_same_spelling(
    project, colleague, lisbon, lisbon_focal_point
):
    """Names are only replaced on the applications the person took part in."""
    other = services.start_application(call=project.application.call, user=lisbon_focal_point, title="Lisbon's plan")
    lisbon_jiho = make_member(lisbon, email="jiho.kim@lisbon.example", first_name="Jiho", last_name="Kim")
    services.add_editor(application=other, by=lisbon_focal_point, email=lisbon_jiho.email)
    delete(colleague)
    assert note_of(other, ApplicationEvent.Verb.EDITOR_ADDED) == "Jiho Kim"
    assert note_of(project.application, ApplicationEvent.Verb.EDITOR_ADDED) == f"deleted-{colleague.pk}"
