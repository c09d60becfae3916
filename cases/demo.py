"""Demo cases: pilot projects, feasibility studies and research from member cities."""

from core.demo import ensure_child, ensure_index

from .models import CaseIndexPage, CasePage

CASES = [
    (
        "seoul-digital-civic-services",
        "Digital civic services hub",
        "Seoul",
        "KR",
        2021,
        "scaled_deployment",
        "One portal and app for 200 city services, with a single sign-in.",
        ["e-government"],
    ),
    (
        "curitiba-open-mobility-data",
        "Open mobility data platform",
        "Curitiba",
        "BR",
        2022,
        "pilot_project",
        "Real-time bus data opened to developers, with a hackathon to seed re-use.",
        ["open-data", "smart-mobility"],
    ),
    (
        "dakar-e-permits-feasibility",
        "Feasibility of online building permits",
        "Dakar",
        "SN",
        2023,
        "feasibility_study",
        "Can building permits move online within two years? Options and costs.",
        ["e-government"],
    ),
]


def seed(progress):
    index = ensure_index(
        CaseIndexPage,
        "cases",
        "Case library",
        "Pilot projects, feasibility studies and research from member cities.",
        progress,
    )
    for slug, title, city, country, year, kind, summary, topics in progress.iterate(CASES, "cases"):
        _, created = ensure_child(
            index,
            CasePage,
            slug,
            title=title,
            city=city,
            country=country,
            start_year=year,
            kind=kind,
            summary=summary,
            topics=topics,
        )
        progress.record(created)
