"""Demo content owned by members: the 101 organisations and the people who log in."""

import csv
import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

from core.demo import ensure_child, ensure_home_page
from core.illustrations import ensure_city_illustration
from core.models import StandardPage

from . import services
from .models import Invitation, Membership, Organisation, User

ORGANISATIONS_CSV = Path(__file__).parent / "demo_data" / "organisations.csv"
# Who each city is: name,native_name,aliases (separated by "|"),website,description. Matched on the name.
CITY_PROFILES_CSV = Path(__file__).parent / "demo_data" / "city_profiles.csv"
DEMO_PASSWORD_DEFAULT = "wego-hub-demo-2026"  # noqa: S105 (demo accounts on a laptop; override with DEMO_PASSWORD)
DEMO_MARK = "Demo data"
DEMO_NOTE = f"{DEMO_MARK}: a real city, but this record was generated for demonstration."

SECRETARIAT = "wego-secretariat"
SEOUL = "seoul-metropolitan-government"
CURITIBA = "municipality-of-curitiba"
DAKAR = "dakar-city-hall"
HAMBURG = "free-and-hanseatic-city-of-hamburg"


class DemoPerson(NamedTuple):
    email: str
    name: str
    job_title: str
    account: str = "user"  # user, consultant (admin access) or admin (superuser)
    organisation: str = ""  # slug
    membership: str = ""  # a Membership.Role, or "pending" for a request waiting for approval


# A table reads better one person per line.
# fmt: off
DEMO_PEOPLE = [
    DemoPerson("admin@wego-hub.example", "Secretariat Admin", "Knowledge manager", "admin", SECRETARIAT, "staff"),
    DemoPerson("consultant@wego-hub.example", "Daniela Ortiz", "Smart-city consultant", "consultant"),
    DemoPerson("mina.park@seoul.city.example", "Mina Park", "E-government officer", "user", SEOUL, "focal_point"),
    DemoPerson("jiho.kim@seoul.city.example", "Jiho Kim", "Data analyst", "user", SEOUL, "staff"),
    DemoPerson("joao.silva@curitiba.city.example", "João Silva", "Open data lead", "user", CURITIBA, "focal_point"),
    DemoPerson("amina.diallo@dakar.city.example", "Amina Diallo", "Digital services manager", "user", DAKAR,
               "focal_point"),
    DemoPerson("lena.fischer@hamburg.city.example", "Lena Fischer", "Mobility data analyst", "user", HAMBURG,
               "focal_point"),
    # Asked with an address outside the city's domain, so they wait for the focal point.
    DemoPerson("sunwoo.lee@gmail.example", "Sun-woo Lee", "Smart-city planner", "user", SEOUL, "pending"),
    DemoPerson("carla.mendes@mail.example", "Carla Mendes", "IT procurement", "user", CURITIBA, "pending"),
]
# fmt: on

# Open invitations sent by the city's focal point.
DEMO_INVITATIONS = [(SEOUL, "hyejin.choi@seoul.city.example"), (DAKAR, "moussa.ndiaye@dakar.city.example")]


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEMO_PASSWORD_DEFAULT


def load_organisation_rows(path=ORGANISATIONS_CSV):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def organisation_from_row(row, **extra):
    return Organisation(
        name=row["name"],
        slug=slugify(row["name"]),
        city=row["city"],
        country=row["country"],
        region=row["region"],
        kind=row["kind"],
        year_joined=int(row["year_joined"]),
        email_domains=row["email_domain"],
        **coordinates(row),
        **extra,
    )


def coordinates(row):
    """The city's latitude and longitude from the row (columns added for the maps; empty when not given)."""
    values = {field: (row.get(field) or "").strip() for field in ("latitude", "longitude")}
    return {field: Decimal(value) for field, value in values.items() if value}


def seed_organisations(progress):
    rows = load_organisation_rows()
    existing = set(Organisation.objects.values_list("slug", flat=True))
    for row in progress.iterate(rows, "organisations"):
        slug = slugify(row["name"])
        if slug in existing:
            progress.record(False)
            continue
        organisation_from_row(row, description=DEMO_NOTE, is_demo=True).save()
        progress.record(True)
    place_cities(rows)
    seed_city_profiles(progress)
    seed_city_covers()


def place_cities(rows):
    """Cities seeded before the CSV had coordinates get them; coordinates an editor set stay."""
    unplaced = Organisation.objects.filter(latitude=None, longitude=None).in_bulk(
        [slugify(row["name"]) for row in rows], field_name="slug"
    )
    for row in rows:
        organisation = unplaced.get(slugify(row["name"]))
        if organisation is not None and (values := coordinates(row)):
            for field, value in values.items():
                setattr(organisation, field, value)
            organisation.save(update_fields=list(values))


def seed_city_covers():
    """A drawn skyline for each demo city without a cover (core.illustrations; docs/images.md)."""
    for organisation in Organisation.objects.filter(is_demo=True, cover_image__isnull=True):
        organisation.cover_image = ensure_city_illustration(organisation.city, organisation.slug)
        organisation.save(update_fields=["cover_image"])


PROFILE_FIELDS = ("native_name", "aliases", "website", "description")


def profile_values(row):
    """A city_profiles.csv row as field values: aliases one per line, as the admin shows them."""
    aliases = "\n".join(part.strip() for part in (row.get("aliases") or "").split("|") if part.strip())
    values = {"native_name": row.get("native_name") or "", "aliases": aliases, "website": row.get("website") or ""}
    description = (row.get("description") or "").strip()
    if description and DEMO_MARK not in description:
        description = f"{description} ({DEMO_MARK}.)"  # a visitor can tell the record is demo content
    values["description"] = description
    return {field: value.strip() for field, value in values.items()}


def seed_city_profiles(progress, path=CITY_PROFILES_CSV):
    """Native names, other names, websites and descriptions of the demo cities. A field is only filled while it is
    empty (or holds the placeholder note the organisation was created with): what an editor wrote stays, and a
    second run changes nothing."""
    if not path.exists():
        return
    rows = load_organisation_rows(path)
    organisations = Organisation.objects.in_bulk([row["name"] for row in rows], field_name="name")
    for row in progress.iterate(rows, "city profiles"):
        organisation = organisations.get(row["name"])
        if organisation is None:
            progress.record(False)
            continue
        changed = []
        for field, value in profile_values(row).items():
            current = getattr(organisation, field)
            if value and (not current or (field == "description" and current == DEMO_NOTE)):
                setattr(organisation, field, value)
                changed.append(field)
        if changed:
            organisation.save(update_fields=changed)
        progress.record(bool(changed))


def ensure_person(person: DemoPerson):
    user = User.objects.filter(email=person.email).first()
    if user is not None:
        return user, False
    first_name, last_name = person.name.split(" ", 1)
    user = User.objects.create_user(
        email=person.email,
        password=demo_password(),
        first_name=first_name,
        last_name=last_name,
        job_title=person.job_title,
        is_staff=person.account in {"admin", "consultant"},
        is_superuser=person.account == "admin",
    )
    EmailAddress.objects.create(user=user, email=person.email, verified=True, primary=True)
    if person.organisation:
        organisation = Organisation.objects.get(slug=person.organisation)
        if person.membership == "pending":
            services.request_membership(user=user, organisation=organisation)
        else:
            services.add_member(user=user, organisation=organisation, role=person.membership)
    return user, True


def seed_people(progress):
    for person in progress.iterate(DEMO_PEOPLE, "people"):
        _, created = ensure_person(person)
        progress.record(created)
    for slug, address in DEMO_INVITATIONS:
        organisation = Organisation.objects.get(slug=slug)
        if Invitation.objects.filter(organisation=organisation, email=address).exists():
            progress.record(False)
            continue
        focal_point = Membership.objects.get(organisation=organisation, role=Membership.Role.FOCAL_POINT)
        services.invite(organisation=organisation, addresses=[address], by=focal_point.user)
        progress.record(True)


# The next General Assembly, as the events calendar seeds it (events/demo.py: "general-assembly-2026", in 75 days,
# three days long). Members link to the event by its address: members does not import events.
GENERAL_ASSEMBLY_IN_DAYS = 75
GENERAL_ASSEMBLY_URL = "/events/general-assembly-2026/"


def _day(today, days):
    day = today + timedelta(days=days)
    return f"{day:%A} {day.day} {day:%B %Y}"


def members_corner_body(today):
    """The members' corner: secretariat news, the dates ahead, working documents and news from member cities.

    Dated relative to ``today``; demo content, and it says so."""
    assembly = (_day(today, GENERAL_ASSEMBLY_IN_DAYS), _day(today, GENERAL_ASSEMBLY_IN_DAYS + 2))
    return [
        (
            "callout",
            {
                "tone": "info",
                "title": "Demo content",
                "text": RichText(
                    "<p>The news, dates and documents on this page were written to demonstrate the members' corner. "
                    "They are not announcements of the association.</p>"
                ),
            },
        ),
        ("heading", {"text": "News from the secretariat", "level": "h2"}),
        (
            "paragraph",
            RichText(
                f"<p><strong>{_day(today, -3)}.</strong> The executive committee met online and approved the "
                "training calendar for next year: the e-government foundations course will run in French and "
                "Spanish as well as English, and the smart-city strategy course gets a second cohort for Africa "
                "and the Middle East.</p>"
                "<p>Focal points: please check that your city's staff list is up to date on the dashboard before "
                "the General Assembly, so that your delegates can register with their member accounts.</p>"
            ),
        ),
        ("heading", {"text": "Dates ahead", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<ul>"
                f"<li><strong>General Assembly, Seoul:</strong> {assembly[0]} to {assembly[1]}. Each member city "
                "may send up to three delegates in person; registration needs the focal point's approval. "
                f'<a href="{GENERAL_ASSEMBLY_URL}">Agenda and registration</a>.</li>'
                f"<li><strong>Proposals for the General Assembly agenda:</strong> until {_day(today, 30)}, by "
                "email to the secretariat.</li>"
                f"<li><strong>Consultation programme, call for pilot projects:</strong> open until "
                f"{_day(today, 45)}. Focal points apply for their city on the hub; the association's consultants "
                "run the pilots chosen, which are announced at the General Assembly. "
                '<a href="/consultations/">The call and how to apply</a>.</li>'
                f"<li><strong>Consultation programme, information webinar for applicants:</strong> "
                f"{_day(today, 28)}.</li>"
                "</ul>"
            ),
        ),
        ("heading", {"text": "Working documents", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<p>Documents for members only. Sign in with your member account to download the files.</p>"
                "<ul>"
                '<li><a href="/toolkits/smart-city-maturity-self-assessment/">Smart-city maturity '
                "self-assessment</a>: the questionnaire and scoring workbook the executive committee asks every "
                "city to complete before the General Assembly.</li>"
                '<li><a href="/toolkits/training-of-trainers-pack/">Training-of-trainers pack</a>: slides, '
                "facilitator notes and exercises for running the foundations course in your own city.</li>"
                f"<li><strong>Draft work plan for next year</strong>: sent to focal points by email on "
                f"{_day(today, -3)}; comments are welcome until {_day(today, 30)}.</li>"
                "</ul>"
            ),
        ),
        ("heading", {"text": "From the member cities", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<ul>"
                "<li><strong>Curitiba</strong> published its bus ridership by stop and hour as open data and "
                "invites other cities to compare methods at the next open data workshop.</li>"
                "<li><strong>Dakar</strong> now takes birth certificate requests online and hands them out at "
                "any district office; the team offers a short call to cities planning the same service.</li>"
                "<li><strong>Hamburg</strong> is looking for two or three cities to test its open-source "
                "sensor data platform in a joint pilot next year.</li>"
                "</ul>"
            ),
        ),
        (
            "quote",
            {
                "quote": "We copied the service design from another member city and saved ourselves a year. "
                "Ask before you build.",
                "attribution": "Amina Diallo, Digital services manager, Dakar (demo)",
            },
        ),
    ]


def seed_members_corner(progress):
    """A page only approved members can open, to show Wagtail privacy at work."""
    home, _ = ensure_home_page()
    page, created = ensure_child(
        home,
        StandardPage,
        "members-corner",
        title="Members' corner",
        intro="News and working documents for the staff of member cities. Only approved members see this page.",
    )
    if not page.body:  # an editor's own content is never overwritten
        page.body = members_corner_body(timezone.localdate())
        page.save_revision().publish()
    services.restrict_page_to_members(page)
    services.members_only_collection()
    progress.record(created)
