"""Demo content owned by members: the 101 organisations and the people who log in."""

import csv
import os
from pathlib import Path

from allauth.account.models import EmailAddress
from django.utils.text import slugify

from .models import Organisation, User

ORGANISATIONS_CSV = Path(__file__).parent / "demo_data" / "organisations.csv"
DEMO_PASSWORD_DEFAULT = "wego-hub-demo-2026"  # noqa: S105 (demo accounts on a laptop; override with DEMO_PASSWORD)
DEMO_NOTE = "Demo data: a real city, but this record was generated for demonstration."

# email, first name, last name, job title, role
DEMO_PEOPLE = [
    ("admin@wego-hub.example", "Secretariat", "Admin", "Knowledge manager", "admin"),
    ("consultant@wego-hub.example", "Daniela", "Ortiz", "Smart-city consultant", "consultant"),
    ("mina.park@seoul.city.example", "Mina", "Park", "E-government officer", "staff"),
    ("joao.silva@curitiba.city.example", "João", "Silva", "Open data lead", "staff"),
    ("amina.diallo@dakar.city.example", "Amina", "Diallo", "Digital services manager", "staff"),
    ("lena.fischer@hamburg.city.example", "Lena", "Fischer", "Mobility data analyst", "staff"),
]


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEMO_PASSWORD_DEFAULT


def load_organisation_rows(path=ORGANISATIONS_CSV):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def seed_organisations(progress):
    rows = load_organisation_rows()
    existing = set(Organisation.objects.values_list("slug", flat=True))
    for row in progress.iterate(rows, "organisations"):
        slug = slugify(row["name"])
        if slug in existing:
            progress.record(False)
            continue
        Organisation.objects.create(
            name=row["name"],
            slug=slug,
            city=row["city"],
            country=row["country"],
            region=row["region"],
            kind=row["kind"],
            year_joined=int(row["year_joined"]),
            email_domains=row["email_domain"],
            description=DEMO_NOTE,
            is_demo=True,
        )
        progress.record(True)


def ensure_person(email, first_name, last_name, job_title, role):
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            email=email,
            password=demo_password(),
            first_name=first_name,
            last_name=last_name,
            job_title=job_title,
            is_staff=role in {"admin", "consultant"},
            is_superuser=role == "admin",
        )
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user, created


def seed_people(progress):
    for person in progress.iterate(DEMO_PEOPLE, "people"):
        _, created = ensure_person(*person)
        progress.record(created)
