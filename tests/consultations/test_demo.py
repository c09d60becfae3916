"""The programme's demo: a closed call whose ranked table means something, a project completed into a published case,
one under way, and an open call Seoul's focal point can apply to.

Seeding the whole demo takes a minute, so this module seeds only what the programme's seeder needs (the site, the
organisations and people, the case library with its review workflow) and the programme, once for the module, in a
transaction rolled back at the end (as tests/cases/test_demo.py does).
"""

import datetime as dt
import io
import zoneinfo
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from pypdf import PdfReader
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, TaskState, WorkflowState

from cases import review
from cases.models import CaseIndexPage, CasePage, CitySignOffTask
from consultations import access, demo, selectors, services
from consultations import demo_content as content
from consultations.models import (
    Application,
    ApplicationEvent,
    Assignment,
    Attachment,
    CallPage,
    ConsultationProgrammePage,
    Milestone,
    Project,
    Score,
)
from core import demo as core_demo
from core.seeding import HOOK_NAME, Progress
from members import demo as members_demo
from members.models import Membership, User

SEOUL_FOCAL_POINT = "mina.park@seoul.city.example"


def seed_what_the_programme_needs(progress):
    core_demo.seed(progress)
    members_demo.seed_organisations(progress)
    members_demo.seed_people(progress)
    index = core_demo.ensure_index(CaseIndexPage, "cases", "Case library", "Cases from member cities.", progress)
    review.ensure_review_workflow(index)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    # As core.seeding.run_seeders: the demo's people have made-up addresses, the workflows must not email them.
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
    ):
        progress = Progress(io.StringIO(), total_steps=2)
        progress.start("what the programme needs")
        seed_what_the_programme_needs(progress)
        progress.start("programme")
        demo.seed(progress)
        yield progress
        transaction.set_rollback(True)


@pytest.fixture
def seeded_db(seeded, db):
    return seeded


def closed_call():
    return CallPage.objects.get(slug=content.CLOSED_CALL["slug"])


def open_call():
    return CallPage.objects.get(slug=content.OPEN_CALL["slug"])


def application_of(city):
    return Application.objects.select_related("organisation").get(call=closed_call(), organisation__slug=city)


# --- Before any seeding ------------------------------------------------------------------------------------------


def test_the_seeder_runs_after_the_cases_and_events_and_before_the_illustrations_and_languages():
    names = [fn.__name__ for fn in hooks.get_hooks(HOOK_NAME)]
    position = names.index("seed_consultations")
    assert {"seed_cases", "seed_case_connections", "seed_events", "seed_event_hosts"} <= set(names[:position])
    assert {"seed_illustrations", "seed_languages"} <= set(names[position:])


def test_every_application_is_its_own_and_the_ranking_the_messages_describe_follows_from_the_scores():
    cities = [entry["city"] for entry in content.APPLICATIONS]
    assert len(cities) == len(set(cities)) == 12
    assert members_demo.SEOUL not in cities
    for field, shortest in [("title", 30), ("challenge", 300), ("objectives", 150), ("expected_outcomes", 90)]:
        texts = [entry[field] for entry in content.APPLICATIONS]
        assert len(set(texts)) == 12 and all(len(text) >= shortest for text in texts), field
    assert not any("lorem" in str(entry).lower() for entry in content.APPLICATIONS)
    # The panel's weighted means put the cities in the order the decisions were written in.
    weights = [weight for _name, _description, weight in content.CLOSED_CALL["criteria"]]

    def mean(city):
        reviews = [
            sum(score * weight for score, weight in zip(scores, weights, strict=True)) / sum(weights)
            for _email, scores, _comments, _overall in content.REVIEWS[city]
        ]
        return sum(reviews) / len(reviews)

    ranked = sorted(content.REVIEWS, key=mean, reverse=True)
    assert ranked == list(content.DETERMINATIONS)
    outcomes = [outcome for outcome, _message in content.DETERMINATIONS.values()]
    assert outcomes == ["awarded"] * 3 + ["waiting_list"] * 2 + ["declined"] * 6


# --- The seeded programme ----------------------------------------------------------------------------------------


def test_the_programme_page_is_under_the_home_page_with_its_two_calls(seeded_db):
    programme = ConsultationProgrammePage.objects.get(slug="consultations")
    assert programme.live and programme.title == "Consultation programme"
    assert programme.get_parent().specific_class.__name__ == "HomePage"
    assert programme.intro.count(". ") == 1 and programme.intro.endswith(".")
    calls = CallPage.objects.child_of(programme).live()
    assert set(calls.values_list("slug", flat=True)) == {content.CLOSED_CALL["slug"], content.OPEN_CALL["slug"]}


def test_the_closed_call_has_its_criteria_questions_guidance_and_dates_in_the_past(seeded_db):
    call = closed_call()
    assert call.has_closed() and call.opens_at < call.closes_at
    assert call.title == f"{call.programme_year} feasibility studies: climate-resilient city services"
    assert call.kind == CallPage.Kind.FEASIBILITY_STUDY and call.awards == 3
    assert [criterion.weight for criterion in call.criteria.all()] == [3, 2, 3, 2]
    assert call.questions.count() == 2 and all(question.required for question in call.questions.all())
    assert [block.block_type for block in call.body].count("heading") >= 3
    assert call.local_closes_at.hour == 18
    # The published revision carries the past dates, not the open ones the cities applied under.
    assert call.get_latest_revision_as_object().closes_at == call.closes_at
    for application in Application.objects.filter(call=call):
        assert call.opens_at < application.created_at < application.submitted_at < call.closes_at


def test_the_ranked_table_has_eleven_reviewed_rows_three_awards_and_one_city_screened_out(seeded_db):
    rows = selectors.ranking(closed_call())
    reviewed = [row for row in rows if row.mean is not None]
    assert len(rows) == 12 and len(reviewed) == 11
    assert all(row.reviews == row.assigned == 3 for row in reviewed)
    assert [row.rank for row in reviewed] == list(range(1, 12))
    assert len({round(row.mean, 2) for row in reviewed}) == 11 and max(row.spread for row in reviewed) >= 0.9
    statuses = [row.application.status for row in reviewed]
    assert statuses == ["awarded"] * 3 + ["waiting_list"] * 2 + ["declined"] * 6
    assert [row.application.organisation.slug for row in reviewed] == list(content.DETERMINATIONS)
    assert all(row.application.determination_message for row in reviewed)

    (screened_out,) = [row for row in rows if row.mean is None]
    assert screened_out.application.status == Application.Status.INELIGIBLE
    assert "not for equipment" in screened_out.application.screening_reason
    regions = {row.application.organisation.region for row in rows}
    assert len(regions) >= 6


def test_reviews_come_from_five_partner_experts_never_on_their_own_city_and_one_stepped_back(seeded_db):
    reviewers = User.objects.filter(email__in=[person.email for person in content.REVIEWERS])
    assert reviewers.count() == 5
    for reviewer in reviewers:
        assert access.is_reviewer(reviewer) and not access.is_secretariat(reviewer)
        assert list(reviewer.groups.values_list("name", flat=True)) == [access.REVIEWERS_GROUP]
        assert not reviewer.is_staff and not Membership.objects.filter(user=reviewer).exists()
    assert Assignment.objects.submitted().count() == 33
    assert Score.objects.count() == 33 * 4
    conflict = Assignment.objects.get(status=Assignment.Status.CONFLICT)
    assert conflict.application.organisation.slug == "metropolitan-district-of-quito" and conflict.conflict_note
    # The panel shares the work, and every review says something of its own.
    per_reviewer = Counter(Assignment.objects.submitted().values_list("reviewer__email", flat=True))
    assert sorted(per_reviewer.values()) == [6, 6, 7, 7, 7]
    overall = list(Assignment.objects.submitted().values_list("comment", flat=True))
    assert all(overall) and len(set(overall)) == 33
    assert Score.objects.exclude(comment="").count() > 33


def test_the_history_reads_in_the_order_it_happened(seeded_db):
    dakar = application_of("dakar-city-hall")
    verbs = [event.verb for event in dakar.history.all()]
    assert verbs[:3] == ["started", "edited", "submitted"]
    assert verbs[3:] == ["screened_eligible", *["reviewer_assigned"] * 3, *["review_submitted"] * 3, "determined"]
    times = list(dakar.history.values_list("at", flat=True))
    assert times == sorted(times) and times[-1] < timezone.now() - dt.timedelta(days=100)
    secretary = User.objects.get(email=content.SECRETARY)
    assert access.is_secretariat(secretary)
    assert set(dakar.history.filter(verb="determined").values_list("actor", flat=True)) == {secretary.pk}


def test_the_completed_project_ended_in_a_published_case_of_its_city_reviewed_by_city_and_secretariat(seeded_db):
    application = application_of(content.COMPLETED_PROJECT["city"])
    project = Project.objects.get(application=application)
    assert project.status == Project.Status.COMPLETED
    milestones = list(project.milestones.all())
    assert len(milestones) == 4 and all(milestone.is_done for milestone in milestones)
    for milestone in milestones:
        with milestone.deliverable.open("rb") as stored:
            reader = PdfReader(io.BytesIO(stored.read()))
        assert milestone.get_kind_display().split()[0].lower() in reader.pages[0].extract_text().lower()

    case = CasePage.objects.get(pk=project.case_id)
    assert case.live and case.organisation == application.organisation
    assert case.get_parent().slug == "cases" and case.start_year == closed_call().programme_year
    assert "72 ultrasonic water-level sensors" in case.results and case.lessons.startswith("<ul>")
    report = case.reports[0].value
    assert isinstance(report, get_document_model()) and report.title.endswith("final report")
    # What the project's draft carried (in its revision) reached the published case.
    assert set(case.consultants.values_list("email", flat=True)) == set(content.COMPLETED_PROJECT["consultants"])
    assert set(case.topics.values_list("slug", flat=True)) == set(content.CLOSED_CALL["topics"])

    state = WorkflowState.objects.for_instance(case).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    steps = {task_state.task.name: task_state for task_state in state.task_states.all()}
    assert steps["City sign-off"].status == TaskState.STATUS_APPROVED
    assert steps["City sign-off"].finished_by_id in CitySignOffTask.focal_point_ids(case)
    assert steps["Secretariat review"].finished_by.email == "admin@wego-hub.example"
    assert review.review_marks(case) == (True, "Da Nang")


def test_one_project_is_under_way_with_a_late_milestone_and_the_third_award_has_not_started(seeded_db):
    project = Project.objects.get(application=application_of(content.UNDER_WAY_PROJECT["city"]))
    assert project.status == Project.Status.UNDER_WAY and project.case_id is None
    done = [milestone for milestone in project.milestones.all() if milestone.is_done]
    assert [milestone.kind for milestone in done] == [Milestone.Kind.INCEPTION, Milestone.Kind.SITE_VISIT]
    assert all(milestone.deliverable for milestone in done)
    late = [milestone.kind for milestone in project.milestones.all() if milestone.is_late]
    assert late == [Milestone.Kind.DRAFT_REPORT]

    awarded = Application.objects.filter(call=closed_call(), status=Application.Status.AWARDED)
    not_started = awarded.filter(project__isnull=True)
    assert awarded.count() == 3 and list(not_started.values_list("organisation__slug", flat=True)) == ["city-of-kigali"]
    assert Attachment.objects.filter(application__call=closed_call()).count() == 4


def test_consultants_are_in_the_wagtail_consultants_group(seeded_db):
    group = Group.objects.get(name=review.CONSULTANTS)
    for email in {*content.COMPLETED_PROJECT["consultants"], *content.UNDER_WAY_PROJECT["consultants"]}:
        assert User.objects.get(email=email).groups.filter(pk=group.pk).exists(), email


def test_seouls_focal_point_can_apply_to_the_open_call_as_a_newcomer(seeded_db):
    call = open_call()
    assert call.is_open() and call.regions == [] and call.kind == CallPage.Kind.PILOT_PROJECT
    closes = call.closes_at.astimezone(zoneinfo.ZoneInfo("Asia/Seoul"))
    assert (closes.hour, closes.minute) == (18, 0)
    assert 44 <= (closes - timezone.now()).days <= 45
    assert not Application.objects.filter(call=call, organisation__slug=members_demo.SEOUL).exists()
    assert Application.objects.filter(call=call).count() == 2  # other cities are at work on it

    mina = User.objects.get(email=SEOUL_FOCAL_POINT)
    application = services.start_application(call=call, user=mina, title="Smart bus shelters for hot days")
    assert application.organisation.slug == members_demo.SEOUL and application.status == Application.Status.DRAFT


def test_seeding_again_creates_nothing(seeded_db):
    models = [
        Page,
        Revision,
        User,
        Membership,
        Application,
        ApplicationEvent,
        Assignment,
        Score,
        Attachment,
        Project,
        Milestone,
        WorkflowState,
        TaskState,
        get_document_model(),
    ]
    before = {model: model.objects.count() for model in models}
    progress = Progress(io.StringIO(), total_steps=1)
    progress.start("programme")
    demo.seed(progress)
    assert {model: model.objects.count() for model in models} == before
    assert progress.created == 0
