"""Demo content owned by members: the 101 organisations and the people who log in."""

import csv
import os
from pathlib import Path
from typing import NamedTuple

from allauth.account.models import EmailAddress
from django.utils.text import slugify

from core.demo import ensure_child, ensure_home_page
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
        **extra,
    )


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
    seed_city_profiles(progress)


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
    services.restrict_page_to_members(page)
    services.members_only_collection()
    progress.record(created)
