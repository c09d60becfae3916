"""Demo toolkits that member cities download and re-use: six toolkits, their releases, files made on the spot,
and a few months of downloads by member-city staff."""

import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.demo import ensure_child, ensure_index
from core.i18n import in_default_language
from members.models import Membership

from . import demo_files, services
from .models import (
    Download,
    ReleaseFile,
    ToolkitIndexPage,
    ToolkitPage,
    ToolkitRelatedPage,
    ToolkitRelease,
)


def strategy_files(version):
    title = f"E-government strategy guide {version}"
    return [
        ("egov-strategy-guide.pdf", "Strategy guide", "en", demo_files.pdf(title, STRATEGY_TEXT)),
        ("egov-strategy-worksheets.docx", "Strategy worksheets", "en", demo_files.docx(title, STRATEGY_TEXT)),
    ]


STRATEGY_TEXT = [
    "1. Where the city stands: services online today, channels residents use, the back-office systems behind them.",
    "2. Where the city wants to be in five years: a one-stop shop, digital identity, data shared between departments.",
    "3. The roadmap: projects in three waves, each with an owner, a budget line and an indicator.",
    "4. Governance: a digital board chaired by the deputy mayor, and a chief information officer with a mandate.",
]
FEASIBILITY_TEXT = [
    "Problem statement and the people it affects.",
    "Options considered, including doing nothing, with their costs over five years.",
    "Technical feasibility: data, systems, skills and procurement.",
    "Risks, and what would make the city stop the project.",
    "Recommendation and the pilot that would test it.",
]
OPEN_DATA_TEXT = [
    "Model open-data policy: open by default, with clear exceptions for personal and security-sensitive data.",
    "Licence: the city's data is published under CC BY 4.0 unless a law says otherwise.",
    "Publication checklist: machine-readable format, metadata, an owner, an update schedule.",
]
PARTICIPATION_TEXT = [
    "Choose the method for the decision: information, consultation, co-design or participatory budgeting.",
    "Reach people offline too: libraries, community centres and phone lines alongside the website.",
    "Close the loop: publish what was decided and why, within a month of the consultation.",
]
TRAINING_TEXT = [
    "Session plans for a two-day course on digital public services, for trainers in member cities.",
    "Each session: objectives, a 10-minute input, an exercise, and questions to check understanding.",
    "Adapt the examples to your city; keep the exercises, which have been tested with 300 participants.",
]
MATURITY_QUESTIONS = [
    ("Strategy", "The city has a published digital strategy with a budget.", "0-4"),
    ("Governance", "One person is accountable for digital services across departments.", "0-4"),
    ("Services", "The ten most-used services can be completed online.", "0-4"),
    ("Data", "Departments share data through documented interfaces.", "0-4"),
    ("Inclusion", "Residents without internet access get the same services by other channels.", "0-4"),
    ("Security", "The city has tested its incident response plan this year.", "0-4"),
]


def maturity_workbook(version):
    return demo_files.xlsx(f"Self-assessment {version}", ["Dimension", "Statement", "Score"], MATURITY_QUESTIONS)


def toolkit_data():
    """Built on demand: making the files takes a moment, and only the seed needs them."""
    return [
        {
            "slug": "e-government-strategy-toolkit",
            "title": "E-government strategy toolkit",
            "summary": "A guide and worksheets to write a city's e-government strategy, from baseline to roadmap.",
            "kind": "toolkit",
            "audience": "public",
            "licence": "cc-by-4.0",
            "authors": "WeGo Secretariat",
            "contact_name": "Capacity Building Team, WeGo Secretariat",
            "contact_email": "capacity@wego-hub.example",
            "topics": ["e-government"],
            "related": ["e-government-foundations", "smart-city-strategy", "seoul-mvoting"],
            "releases": [
                ("1.0", 420, "First edition.", strategy_files("1.0")),
                (
                    "2.0",
                    60,
                    "New chapter on digital identity; worksheets reordered to follow the guide.",
                    [
                        *strategy_files("2.0"),
                        (
                            "guide-strategie-administration-electronique.pdf",
                            "Guide de stratégie",
                            "fr",
                            demo_files.pdf("Stratégie d'administration électronique 2.0", STRATEGY_TEXT),
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "feasibility-study-template",
            "title": "Feasibility-study template",
            "summary": "A structured template for smart-city feasibility studies, as used in WeGo's consultations.",
            "kind": "template",
            "audience": "public",
            "licence": "cc-by-sa-4.0",
            "authors": "WeGo consultants",
            "contact_name": "WeGo consultants",
            "contact_email": "consultant@wego-hub.example",
            "topics": ["e-government", "data-governance"],
            "related": ["seoul-bukchon-iot-feasibility", "seoul-bukchon-iot-pilot"],
            "releases": [
                (
                    "2026",
                    120,
                    "Adds a section on data protection impact.",
                    [
                        (
                            "feasibility-study-template.docx",
                            "Template",
                            "en",
                            demo_files.docx("Feasibility study", FEASIBILITY_TEXT),
                        ),
                        (
                            "feasibility-cost-model.xlsx",
                            "Five-year cost model",
                            "en",
                            demo_files.xlsx(
                                "Cost model",
                                ["Item", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5"],
                                [["Licences", 10, 10, 12, 12, 12], ["Staff", 40, 42, 44, 46, 48]],
                            ),
                        ),
                    ],
                )
            ],
        },
        {
            "slug": "open-data-policy-kit",
            "title": "Open-data policy kit",
            "summary": "A model policy, licence texts and a publication checklist for a city's open-data programme.",
            "kind": "guide",
            "audience": "public",
            "licence": "cc0-1.0",
            "authors": "WeGo Secretariat with the Open Data working group",
            "contact_name": "Open Data working group, Hamburg",
            "contact_email": "opendata@hamburg.city.example",
            "topics": ["open-data", "data-governance"],
            "related": ["open-data-for-cities", "seoul-open-data-plaza"],
            "releases": [
                (
                    "1.1",
                    200,
                    "Checklist corrected; Spanish translation added.",
                    [
                        (
                            "open-data-policy.pdf",
                            "Model policy",
                            "en",
                            demo_files.pdf("Open-data policy", OPEN_DATA_TEXT),
                        ),
                        (
                            "politica-datos-abiertos.pdf",
                            "Política modelo",
                            "es",
                            demo_files.pdf("Política de datos abiertos", OPEN_DATA_TEXT),
                        ),
                    ],
                )
            ],
        },
        {
            "slug": "smart-city-maturity-self-assessment",
            "title": "Smart-city maturity self-assessment",
            "summary": "Score your city on six dimensions and compare with peers at the next WeGo workshop.",
            "kind": "template",
            "audience": "members",
            "licence": "cc-by-nc-4.0",
            "authors": "WeGo Secretariat",
            "contact_name": "Capacity Building Team, WeGo Secretariat",
            "contact_email": "capacity@wego-hub.example",
            "topics": ["e-government", "digital-inclusion"],
            "related": ["smart-city-strategy"],
            "releases": [
                (
                    "1.0",
                    300,
                    "First edition.",
                    [("maturity-self-assessment.xlsx", "Workbook", "en", maturity_workbook("1.0"))],
                ),
                (
                    "1.2",
                    30,
                    "Adds the security dimension and a Korean workbook.",
                    [
                        ("maturity-self-assessment.xlsx", "Workbook", "en", maturity_workbook("1.2")),
                        ("maturity-self-assessment-ko.xlsx", "자가진단 워크북", "ko", maturity_workbook("1.2 KO")),
                    ],
                ),
            ],
        },
        {
            "slug": "citizen-participation-playbook",
            "title": "Citizen-participation playbook",
            "summary": "Methods, timelines and checklists for consultations that residents trust.",
            "kind": "playbook",
            "audience": "public",
            "licence": "cc-by-4.0",
            "authors": "WeGo Secretariat",
            "contact_name": "Citizen Participation Office, Dakar",
            "contact_email": "participation@dakar.city.example",
            "topics": ["citizen-participation"],
            "related": ["seoul-oasis-citizen-proposals", "seoul-mvoting"],
            "releases": [
                (
                    "1.0",
                    150,
                    "First edition.",
                    [
                        (
                            "citizen-participation-playbook.pdf",
                            "Playbook",
                            "en",
                            demo_files.pdf("Citizen participation", PARTICIPATION_TEXT),
                        )
                    ],
                )
            ],
        },
        {
            "slug": "training-of-trainers-pack",
            "title": "Training-of-trainers pack: digital public services",
            "summary": "Session plans, slides outline and exercises for trainers who teach e-government in their city.",
            "kind": "training_pack",
            "audience": "members",
            "licence": "all-rights-reserved",
            "authors": "WeGo Training Centre",
            "contact_name": "WeGo Training Centre",
            "contact_email": "training@wego-hub.example",
            "topics": ["e-government", "digital-inclusion"],
            "related": ["e-government-foundations"],
            "releases": [
                (
                    "2025",
                    250,
                    "Pack for the 2025 training season.",
                    [
                        (
                            "tot-session-plans.docx",
                            "Session plans",
                            "en",
                            demo_files.docx("Training of trainers", TRAINING_TEXT),
                        ),
                        (
                            "tot-handbook.pdf",
                            "Trainer's handbook",
                            "en",
                            demo_files.pdf("Trainer's handbook", TRAINING_TEXT),
                        ),
                    ],
                )
            ],
        },
    ]


def ensure_document(collection, filename, version, title, content):
    """The demo document, found again by its title and name. Each release's files get their own folder, so two
    releases with the same file name do not collide (and the storage keeps the names as given)."""
    Document = get_document_model()
    document = Document.objects.filter(title=title, original_filename=filename).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save(f"toolkits/{version}/{filename}", ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def ensure_releases(toolkit, data):
    if toolkit.releases.exists():
        return False
    today = timezone.localdate()
    collection = services.public_toolkits_collection()
    for number, (version, days_ago, changelog, files) in enumerate(data["releases"]):
        release = ToolkitRelease(
            toolkit=toolkit, version=version, released_on=today - timedelta(days=days_ago), changelog=changelog
        )
        release.files = [
            ReleaseFile(
                document=ensure_document(collection, filename, version, f"{data['title']} {version}: {title}", content),
                title=title,
                language=language,
                sort_order=order,
            )
            for order, (filename, title, language, content) in enumerate(files)
        ]
        release.sort_order = number
        toolkit.releases.add(release)
    toolkit.related_pages = [
        ToolkitRelatedPage(page=page)
        for page in in_default_language(Page.objects.filter(slug__in=data["related"], live=True))
    ]
    toolkit.save_revision().publish()  # publishing moves members-only files into the restricted collection
    return True


def seed_downloads(progress):
    """Three months of downloads by approved staff, so the counts, the dashboard and the report have figures."""
    if Download.objects.exists():
        return
    files = list(ReleaseFile.objects.select_related("release"))
    memberships = list(
        Membership.objects.filter(status=Membership.Status.APPROVED).select_related("user").order_by("id")[:60]
    )
    if not files or not memberships:
        return
    rng = random.Random(7)  # noqa: S311 -- demo data, not secrets
    now = timezone.now()
    downloads = []
    for number in range(240):
        file = rng.choice(files)
        membership = rng.choice(memberships)
        when = now - timedelta(days=rng.randint(0, 90), minutes=number)
        downloads.append(
            Download.of(
                file,
                user_id=membership.user_id,
                organisation_id=membership.organisation_id,
                visitor=f"demo-{membership.user_id}",
                when=when,
            )
        )
    Download.objects.bulk_create(downloads, ignore_conflicts=True)
    progress.record(True)


TOOLKIT_FIELDS = (
    "title",
    "summary",
    "kind",
    "audience",
    "licence",
    "authors",
    "contact_name",
    "contact_email",
    "topics",
)


def seed(progress):
    index = ensure_index(
        ToolkitIndexPage,
        "toolkits",
        "Toolkits",
        "Guides, templates and training packs that member cities download and adapt. Some are for members only.",
        progress,
    )
    for data in progress.iterate(toolkit_data(), "toolkits"):
        fields = {key: data[key] for key in TOOLKIT_FIELDS}
        toolkit, created = ensure_child(index, ToolkitPage, data["slug"], **fields)
        progress.record(ensure_releases(toolkit, data) or created)
    seed_downloads(progress)
