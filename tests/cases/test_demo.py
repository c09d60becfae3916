"""The demo case library: every written case is a full case study, and seed_demo turns it into a published case
with its indicators, partners, contact, relations, links to toolkits and courses, and its review marks.

The seeded tests read the demo the suite seeds once per worker (tests/shared_demo.py).
"""

import io

import pytest
from django.utils.text import slugify
from wagtail.models import Revision, TaskState, WorkflowState

from cases import demo
from cases.demo_content import DETAILED, EARLIER, RELATIONS
from cases.models import CaseIndicator, CaseLink, CasePage, CaseRelation, CitySignOffTask
from core.demo import TOPICS
from core.seeding import Progress
from courses.demo_content import COURSES
from members.demo import load_organisation_rows
from members.models import User

FULL = demo.full_entries()
# The consultation programme's completed feasibility study is published in the library too (consultations.demo).
PROGRAMME_CASES = 1
SECTIONS = ("challenge", "approach", "results")


# --- The entries, before any seeding ------------------------------------------------------------------


@pytest.mark.parametrize("entry", FULL, ids=[entry["slug"] for entry in FULL])
def test_every_written_case_follows_the_format(entry):
    organisations = {row["name"] for row in load_organisation_rows()}
    topic_slugs = {slugify(name) for name, _ in TOPICS}
    assert entry["organisation"] in organisations
    assert entry["kind"] in CasePage.Kind.values and entry["stage"] in CasePage.Stage.values
    assert entry["budget"] in CasePage.BudgetBand.values and entry["funding"] in CasePage.Funding.values
    assert entry["topics"] and set(entry["topics"]) <= topic_slugs and entry["technologies"]
    start, end = entry["years"]
    assert 1990 <= start <= (end or start) <= 2030
    assert entry["summary"].strip()
    for section in SECTIONS:
        assert 1 <= len(entry[section]) <= 4 and all(text.strip() for text in entry[section])
    assert 2 <= len(entry["lessons"]) <= 4
    assert 2 <= len(entry["indicators"]) <= 5
    for indicator, baseline, result, unit, year in entry["indicators"]:
        assert indicator and result and isinstance(baseline, str) and isinstance(unit, str)
        assert start <= year <= 2030
    assert 2 <= len(entry["partners"]) <= 4
    office, email = entry["contact"]
    assert office and email.endswith(".example")
    assert entry["related_toolkits"] or entry["related_courses"]
    assert set(entry["related_courses"]) <= {course[0] for course in COURSES}
    for kind, _target in entry.get("relations", []):
        assert kind in CaseRelation.Kind.values


@pytest.mark.parametrize("entry", [*DETAILED, *EARLIER], ids=lambda entry: entry["slug"])
def test_seouls_practices_and_the_earlier_cases_are_the_richest(entry):
    for section in SECTIONS:
        assert 2 <= len(entry[section]) <= 4
    assert 3 <= len(entry["indicators"]) <= 5


def test_the_seeder_has_fifty_written_cases():
    slugs = [entry["slug"] for entry in demo.entries()]
    assert len(slugs) == len(set(slugs)) == 50
    written = {entry["slug"] for entry in FULL}
    # Each writer's case replaces the one-line case of the same slug.
    assert "busan-metropolitan-city-smart-parking-replicated-from-bukchon" in written
    assert "kyiv-city-state-administration-kyiv-digital-app" in written
    contacts = [entry["contact"] for entry in FULL]
    assert len({email for _office, email in contacts}) == len(FULL)


# --- The seeded library --------------------------------------------------------------------------------


def written_cases():
    return (
        CasePage.objects.live()
        .filter(locale__language_code="en")
        .filter(slug__in=[entry["slug"] for entry in FULL])
        .order_by("slug")
    )


def test_every_seeded_case_is_a_full_case_study(demo_site):
    cases = list(written_cases())
    assert len(cases) == len(FULL)
    for case in cases:
        assert all(getattr(case, section).startswith("<p>") for section in SECTIONS), case.slug
        assert case.lessons.startswith("<ul><li>"), case.slug
        indicators = list(case.indicators.all())
        assert len(indicators) >= 2 and all(row.measured_on for row in indicators), case.slug
        assert all(row.measured_on.year >= case.start_year for row in indicators), case.slug
        assert len(case.partners.splitlines()) >= 2, case.slug
    # Partners and contacts belong to each case, not one boilerplate for all.
    assert len({case.contact_email for case in cases}) == len(cases)
    assert len({case.contact_name for case in cases}) > len(cases) // 2
    assert len({case.partners for case in cases}) == len(cases)
    assert not any("Case desk" in case.contact_name for case in cases)
    assert CasePage.objects.live().filter(locale__language_code="en").count() == len(cases) + PROGRAMME_CASES == 51


def test_seeded_cases_link_to_every_toolkit_and_course_they_name(demo_site):
    for entry in FULL:
        case = CasePage.objects.get(locale__language_code="en", slug=entry["slug"])
        linked = list(case.links.order_by("sort_order").values_list("page__slug", flat=True))
        assert linked == [*entry["related_toolkits"], *entry["related_courses"]], entry["slug"]
    with_links = (
        CasePage.objects.live().filter(locale__language_code="en").filter(links__isnull=False).distinct().count()
    )
    assert with_links >= len(FULL)
    # The links are in the published revision, so the editor shows them too.
    owl = CasePage.objects.get(locale__language_code="en", slug="seoul-owl-bus-mobile-data")
    assert len(owl.get_latest_revision_as_object().links.all()) == 2


def test_seeded_relations_come_from_the_entries_and_the_list(demo_site):
    def related(source, kind, target):
        english = {"case__locale__language_code": "en"}  # each translation and alias carries a copy
        return CaseRelation.objects.filter(case__slug=source, kind=kind, other__slug=target, **english).count()

    assert related("seoul-bukchon-iot-feasibility", "feasibility_for", "seoul-bukchon-iot-pilot") == 1
    assert (
        related(
            "busan-metropolitan-city-smart-parking-replicated-from-bukchon", "replicates", "seoul-bukchon-iot-pilot"
        )
        == 1
    )  # in the entry and in RELATIONS: made once
    seeded = {entry["slug"] for entry in demo.entries()}
    for source, kind, target in RELATIONS:
        if source in seeded and target in seeded:
            assert related(source, kind, target) == 1


def test_a_seeded_case_carries_the_marks_its_review_would_have_given_it(client, demo_site):
    owl = CasePage.objects.get(locale__language_code="en", slug="seoul-owl-bus-mobile-data")
    state = WorkflowState.objects.for_instance(owl).get()
    assert state.status == WorkflowState.STATUS_APPROVED and state.requested_by.email == demo.CONSULTANT
    steps = {task_state.task.name: task_state for task_state in state.task_states.all()}
    assert set(steps) == {"City sign-off", "Secretariat review"}
    assert all(step.status == TaskState.STATUS_APPROVED for step in steps.values())
    assert steps["City sign-off"].finished_by == User.objects.get(email="mina.park@seoul.city.example")
    assert steps["City sign-off"].finished_by_id in CitySignOffTask.focal_point_ids(owl)
    assert steps["Secretariat review"].finished_by.email == demo.SECRETARIAT_REVIEWER
    assert state.current_task_state == steps["Secretariat review"]

    page = client.get(owl.url).content.decode()
    assert "Reviewed by the secretariat" in page and "Endorsed by Seoul" in page
    assert "Demo case study: illustrative content, not an official record of the city." in page
    assert "<li>KT (anonymised mobile data)</li>" in page
    assert "Big Data Division, Seoul Metropolitan Government" in page  # written to through the hub (community):
    assert "bigdata@seoul.city.example" not in page and f"/community/messages/new/?page={owl.pk}" in page
    assert "Night routes (routes)" in page and "<td>2013</td>" in page
    assert "Data-driven transport" in page and "Open-data policy kit" in page
    assert "Replicated by" in page


def test_a_seeded_case_of_a_city_without_a_focal_point_is_reviewed_but_not_endorsed(client, demo_site):
    kyiv = CasePage.objects.get(locale__language_code="en", slug="kyiv-city-state-administration-kyiv-digital-app")
    assert not CitySignOffTask.focal_point_ids(kyiv)
    sign_off = TaskState.objects.for_instance(kyiv).get(task__name="City sign-off")
    assert sign_off.status == TaskState.STATUS_APPROVED and sign_off.finished_by is None
    page = client.get(kyiv.url).content.decode()
    assert "Reviewed by the secretariat" in page and "Endorsed by" not in page


def test_every_seeded_published_case_is_reviewed_and_the_submitted_draft_still_waits(demo_site):
    live = CasePage.objects.live().filter(locale__language_code="en")
    reviewed = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_APPROVED, object_id__in=[str(pk) for pk in live.values_list("pk", flat=True)]
    )
    assert reviewed.count() == live.count() == 50 + PROGRAMME_CASES
    draft = CasePage.objects.get(locale__language_code="en", slug="seoul-school-zone-smart-crosswalks")
    assert not draft.live
    assert WorkflowState.objects.for_instance(draft).get().status == WorkflowState.STATUS_IN_PROGRESS


def test_seeding_the_cases_again_changes_nothing(demo_site):
    models = [CasePage, CaseIndicator, CaseLink, CaseRelation, WorkflowState, TaskState, Revision]
    before = {model: model.objects.count() for model in models}
    progress = Progress(io.StringIO(), total_steps=2)
    progress.start("cases")
    demo.seed(progress)
    demo.seed_connections(progress)
    assert {model: model.objects.count() for model in models} == before
