"""Demo cases: Seoul's smart-city practices and pilot projects, feasibility studies and research from member
cities in every region, with outcome indicators and the relations between them."""

from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Workflow

from core.demo import ensure_child, ensure_index
from members.models import Organisation

from . import review
from .demo_content import BRIEF, DETAILED, RELATIONS
from .models import CaseIndexPage, CaseIndicator, CasePage, CaseRelation

EARLIER = [
    {
        "slug": "seoul-digital-civic-services",
        "title": "Digital civic services hub",
        "organisation": "Seoul Metropolitan Government",
        "kind": "scaled_deployment",
        "stage": "scaled",
        "years": (2021, None),
        "budget": "1m_10m",
        "funding": "city_budget",
        "topics": ["e-government"],
        "technologies": ["web platform", "eID"],
        "summary": "One portal and app for 200 city services, with a single sign-in.",
    },
    {
        "slug": "curitiba-open-mobility-data",
        "title": "Open mobility data platform",
        "organisation": "Municipality of Curitiba",
        "kind": "pilot_project",
        "stage": "pilot",
        "years": (2022, None),
        "budget": "100k_1m",
        "funding": "city_budget",
        "topics": ["open-data", "smart-mobility"],
        "technologies": ["open API"],
        "summary": "Real-time bus data opened to developers, with a hackathon to seed re-use.",
    },
    {
        "slug": "dakar-e-permits-feasibility",
        "title": "Feasibility of online building permits",
        "organisation": "Dakar City Hall",
        "kind": "feasibility_study",
        "stage": "feasibility",
        "years": (2023, 2023),
        "budget": "under_100k",
        "funding": "donor",
        "topics": ["e-government"],
        "technologies": ["web platform"],
        "summary": "Can building permits move online within two years? Options and costs.",
    },
]


def brief_entries():
    for organisation, title, kind, stage, year, budget, funding, topics, technologies, summary in BRIEF:
        yield {
            "slug": slugify(f"{organisation} {title}")[:100],
            "title": title,
            "organisation": organisation,
            "kind": kind,
            "stage": stage,
            "years": (year, year + 2 if stage != "feasibility" else year),
            "budget": budget,
            "funding": funding,
            "topics": topics,
            "technologies": technologies,
            "summary": summary,
        }


def rich(text):
    return f"<p>{text}</p>" if text else ""


def seed(progress):
    index = ensure_index(
        CaseIndexPage,
        "cases",
        "Case library",
        "Pilot projects, feasibility studies and research from member cities: what they tried, what it cost, "
        "what changed.",
        progress,
    )
    organisations = {o.name: o for o in Organisation.objects.all()}
    entries = [*EARLIER, *DETAILED, *brief_entries()]
    for entry in progress.iterate(entries, "cases"):
        start, end = entry["years"]
        case, created = ensure_child(
            index,
            CasePage,
            entry["slug"],
            title=entry["title"],
            organisation=organisations[entry["organisation"]],
            kind=entry["kind"],
            stage=entry["stage"],
            start_year=start,
            end_year=end,
            budget_band=entry["budget"],
            funding_model=entry["funding"],
            summary=entry["summary"],
            challenge=rich(entry.get("challenge")),
            approach=rich(entry.get("approach")),
            results=rich(entry.get("results")),
            lessons=rich(entry.get("lessons")),
            partners="WeGo Secretariat\nNational digital agency" if entry["kind"] != "research_project" else "",
            contact_name="Case desk, WeGo Secretariat",
            contact_email="cases@wego-hub.example",
            topics=entry["topics"],
        )
        progress.record(created)
        if created:
            for number, (indicator, baseline, result, unit) in enumerate(entry.get("indicators", [])):
                CaseIndicator.objects.create(
                    case=case, sort_order=number, indicator=indicator, baseline=baseline, result=result, unit=unit
                )
            case.technologies.add(*entry["technologies"])
            case.save_revision().publish()
    review.ensure_review_workflow(index)
    _draft_awaiting_sign_off(index, organisations)
    cases = {case.slug: case for case in CasePage.objects.child_of(index)}
    for number, (source, kind, target) in enumerate(RELATIONS):
        if source in cases and target in cases:
            CaseRelation.objects.get_or_create(
                case=cases[source], other=cases[target], kind=kind, defaults={"sort_order": number}
            )


def _draft_awaiting_sign_off(index, organisations):
    """A consultant's draft about Seoul, submitted: Seoul's focal point finds it under "My hub"."""
    from members.models import User

    consultant = User.objects.filter(email="consultant@wego-hub.example").first()
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
