"""Demo toolkits that member cities download and re-use."""

from core.demo import ensure_child, ensure_index

from .models import ToolkitIndexPage, ToolkitPage

TOOLKITS = [
    (
        "e-government-strategy-toolkit",
        "E-government strategy toolkit",
        "Templates and worksheets to write a city's e-government strategy.",
        "toolkit",
        ["e-government"],
    ),
    (
        "feasibility-study-template",
        "Feasibility-study template",
        "A structured template for smart-city feasibility studies.",
        "template",
        ["e-government"],
    ),
    (
        "open-data-policy-kit",
        "Open-data policy kit",
        "Model policy, licence texts and a publication checklist.",
        "guide",
        ["open-data"],
    ),
]


def seed(progress):
    index = ensure_index(
        ToolkitIndexPage,
        "toolkits",
        "Toolkits",
        "Guides and templates that member cities download and adapt.",
        progress,
    )
    for slug, title, summary, kind, topics in progress.iterate(TOOLKITS, "toolkits"):
        _, created = ensure_child(index, ToolkitPage, slug, title=title, summary=summary, kind=kind, topics=topics)
        progress.record(created)
