"""Demo cases: Seoul's smart-city practices and pilot projects, feasibility studies and research from member
cities in every region, with outcome indicators, partners, a contact office, the relations between cases, links
to toolkits and courses, and the review record that gives a published case its marks.

The entries live in ``demo_content`` (Seoul and the earlier cases) and ``demo_cases_world_a`` / ``_b`` (the
member cities); the format is described in ``demo_content``. Two seeders use them: ``seed`` (order 40) makes the
cases and their review, ``seed_connections`` (after toolkits) adds relations and toolkit and course links.
"""

from datetime import date

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from wagtail.models import GroupApprovalTask, Page, TaskState, Workflow, WorkflowState

from core.demo import ensure_child, ensure_index
from core.i18n import in_default_language
from core.models import Topic
from members.models import Organisation, User

from . import demo_cases_world_a, demo_cases_world_b, review
from .demo_content import DETAILED, EARLIER, RELATIONS
from .models import CaseIndexPage, CaseIndicator, CaseLink, CasePage, CaseRelation, CitySignOffTask

SECRETARIAT_REVIEWER = "admin@wego-hub.example"  # the secretariat's knowledge manager (members.demo)
CONSULTANT = "consultant@wego-hub.example"
LINKED_PAGE_TYPES = [("toolkits", "toolkitpage"), ("courses", "coursepage")]


def full_entries():
    """Every case written out in full: Seoul's practices, the earlier cases and the member cities' cases."""
    return [*EARLIER, *DETAILED, *demo_cases_world_a.CASES, *demo_cases_world_b.CASES]


def entries():
    return full_entries()


def paragraphs(texts):
    return format_html_join("", "<p>{}</p>", ((text,) for text in texts or []))


def bullet_list(items):
    if not items:
        return ""
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in items)))


def case_fields(entry, organisations):
    start, end = entry["years"]
    contact_name, contact_email = entry.get("contact", ("", ""))
    return {
        "title": entry["title"],
        "organisation": organisations[entry["organisation"]],
        "kind": entry["kind"],
        "stage": entry["stage"],
        "start_year": start,
        "end_year": end,
        "budget_band": entry["budget"],
        "funding_model": entry["funding"],
        "summary": entry["summary"],
        "challenge": paragraphs(entry.get("challenge")),
        "approach": paragraphs(entry.get("approach")),
        "results": paragraphs(entry.get("results")),
        "lessons": bullet_list(entry.get("lessons")),
        "partners": "\n".join(entry.get("partners", [])),
        "contact_name": contact_name,
        "contact_email": contact_email,
    }


def seed(progress):
    index = ensure_index(
        CaseIndexPage,
        "cases",
        "Case library",
        "Pilot projects, feasibility studies and research from member cities: what they tried, what it cost, "
        "what changed.",
        progress,
    )
    workflow = review.ensure_review_workflow(index)
    organisations = {o.name: o for o in Organisation.objects.all()}
    for entry in progress.iterate(entries(), "cases"):
        case, created = ensure_child(index, CasePage, entry["slug"], **case_fields(entry, organisations))
        progress.record(created)
        if created:
            for number, (indicator, baseline, result, unit, year) in enumerate(indicators(entry)):
                CaseIndicator.objects.create(
                    case=case,
                    sort_order=number,
                    indicator=indicator,
                    baseline=baseline,
                    result=result,
                    unit=unit,
                    measured_on=date(year, 12, 31) if year else None,
                )
            case.topics.set(in_default_language(Topic.objects.filter(slug__in=entry["topics"])))
            case.technologies.add(*entry["technologies"])
            case.save_revision().publish()
        record_review(case, workflow)
    _draft_awaiting_sign_off(index, organisations)


def indicators(entry):
    """(indicator, baseline, result, unit, year)."""
    yield from entry["indicators"]


def record_review(case, workflow):
    """The finished "Case review" of a published demo case, as Wagtail would have recorded it: the city's focal
    point signed it off (a city without one passes that step, as CitySignOffTask.start does), then the secretariat
    approved it. Recorded directly, so the seed sends no review emails; a case already reviewed is left alone."""
    page_type = ContentType.objects.get_for_model(Page)
    if WorkflowState.objects.filter(
        base_content_type=page_type, object_id=str(case.pk), status=WorkflowState.STATUS_APPROVED
    ).exists():
        return False
    reviewer = User.objects.filter(email=SECRETARIAT_REVIEWER).first()
    consultant = User.objects.filter(email=CONSULTANT).first() or reviewer
    focal_point = User.objects.filter(pk__in=CitySignOffTask.focal_point_ids(case)).order_by("pk").first()
    revision = case.live_revision or case.get_latest_revision()
    state = WorkflowState.objects.create(
        content_type=ContentType.objects.get_for_model(CasePage),
        base_content_type=page_type,
        object_id=str(case.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_APPROVED,
        requested_by=consultant,
    )
    now = timezone.now()
    steps = []
    for task in workflow.tasks.specific():
        if isinstance(task, CitySignOffTask):
            decided_by, comment = focal_point, "" if focal_point else str(CitySignOffTask.NO_CITY_COMMENT)
        elif isinstance(task, GroupApprovalTask):
            decided_by, comment = reviewer, ""
        else:
            continue
        steps.append(
            TaskState.objects.create(
                workflow_state=state,
                revision=revision,
                task=task,
                status=TaskState.STATUS_APPROVED,
                finished_at=now,
                finished_by=decided_by,
                comment=comment,
            )
        )
    state.current_task_state = steps[-1] if steps else None
    state.save(update_fields=["current_task_state"])
    return True


def seed_connections(progress):
    """Relations between cases, and links to toolkits and courses: toolkits are seeded after the cases."""
    index = in_default_language(CaseIndexPage.objects.filter(slug="cases")).first()
    if index is None:
        return
    cases = {case.slug: case for case in CasePage.objects.child_of(index)}
    relations = {}
    for entry in entries():
        for kind, target in entry.get("relations", []):
            relations.setdefault(entry["slug"], []).append((kind, target))
    for source, kind, target in RELATIONS:
        if (kind, target) not in relations.get(source, []):
            relations.setdefault(source, []).append((kind, target))
    wanted_slugs = {slug for entry in entries() for slug in related_pages(entry)}
    linkable = {
        page.slug: page
        for page in in_default_language(Page.objects.live().filter(slug__in=wanted_slugs)).filter(
            content_type__in=linked_page_types()
        )
    }
    for entry in progress.iterate(entries(), "case connections"):
        case = cases.get(entry["slug"])
        if case is None:
            continue
        changed = False
        have = set(case.relations_out.values_list("kind", "other__slug"))
        for number, (kind, target) in enumerate(relations.get(entry["slug"], [])):
            if (kind, target) not in have and target in cases:
                case.relations_out.add(CaseRelation(kind=kind, other=cases[target], sort_order=number))
                changed = True
        linked = set(case.links.values_list("page_id", flat=True))
        for number, slug in enumerate(related_pages(entry)):
            page = linkable.get(slug)
            if page is not None and page.pk not in linked:
                case.links.add(CaseLink(page=page, sort_order=number))
                changed = True
        if changed:
            case.save_revision().publish()  # the relations and links belong in the revision too
        progress.record(changed)


def related_pages(entry):
    return [*entry.get("related_toolkits", []), *entry.get("related_courses", [])]


def linked_page_types():
    return [ContentType.objects.get_by_natural_key(app, model) for app, model in LINKED_PAGE_TYPES]


def _draft_awaiting_sign_off(index, organisations):
    """A consultant's draft about Seoul, submitted: Seoul's focal point finds it under "My hub"."""
    consultant = User.objects.filter(email=CONSULTANT).first()
    if consultant is None or CasePage.objects.filter(slug="seoul-school-zone-smart-crosswalks").exists():
        return
    consultant.groups.add(Group.objects.get(name=review.CONSULTANTS))
    draft = CasePage(
        title="Smart crosswalks in school zones",
        slug="seoul-school-zone-smart-crosswalks",
        summary="Crosswalks that light up and warn drivers when children step onto the road.",
        organisation=organisations["Seoul Metropolitan Government"],
        kind="pilot_project",
        stage="pilot",
        start_year=2022,
        budget_band="100k_1m",
        funding_model="city_budget",
        challenge="<p>Most child pedestrian accidents happen within 300 metres of a school.</p>",
        approach="<p>Sensors detect people waiting and crossing; floor lights and signs warn drivers.</p>",
        live=False,
        owner=consultant,
    )
    index.add_child(instance=draft)
    revision = draft.save_revision(user=consultant)
    Workflow.objects.get(name=review.WORKFLOW).start(draft, consultant)
    return revision
