"""Data at scale, written fast: bulk inserts where Wagtail allows, add_child for pages."""

import datetime as dt
import sys
import time
from dataclasses import dataclass

SCALES = {
    # organisations come from the demo list (101); people are spread over them
    "tiny": {"users": 40, "courses": 5, "events": 5, "cases": 5, "toolkits": 5},
    "small": {"users": 500, "courses": 50, "events": 50, "cases": 100, "toolkits": 20},
    "medium": {"users": 2000, "courses": 200, "events": 200, "cases": 500, "toolkits": 50},
    "large": {"users": 2000, "courses": 500, "events": 2000, "cases": 10000, "toolkits": 100},
}


@dataclass
class Seeded:
    counts: dict
    focal_city_slug: str
    member_email: str
    focal_point_email: str


def say(message):
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def add_pages(parent, model, count, make_fields, label):
    started = time.monotonic()
    for number in range(count):
        parent.add_child(instance=model(**make_fields(number)))
        if (number + 1) % 100 == 0 or number + 1 == count:
            sys.stdout.write(f"\r  {label}: {number + 1}/{count}")
            sys.stdout.flush()
    if count:
        sys.stdout.write(f" ({time.monotonic() - started:.1f} s)\n")


def seed(scale):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from django.utils.text import slugify

    from cases.models import CaseIndexPage, CasePage
    from core.demo import ensure_child, ensure_home_page
    from courses.models import CourseIndexPage, CoursePage
    from events.models import EventIndexPage, EventPage
    from members import services
    from members.demo import load_organisation_rows
    from members.models import Membership, Organisation, User
    from toolkits.models import ToolkitIndexPage, ToolkitPage

    sizes = SCALES[scale]
    say(f"Seeding at scale '{scale}': {sizes}")
    home, _ = ensure_home_page()
    indexes = {
        "courses": ensure_child(home, CourseIndexPage, "courses", title="Courses")[0],
        "events": ensure_child(home, EventIndexPage, "events", title="Events")[0],
        "cases": ensure_child(home, CaseIndexPage, "cases", title="Case library")[0],
        "toolkits": ensure_child(home, ToolkitIndexPage, "toolkits", title="Toolkits")[0],
    }

    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=row["name"],
            slug=slugify(row["name"]),
            city=row["city"],
            country=row["country"],
            region=row["region"],
            kind=row["kind"],
            year_joined=int(row["year_joined"]),
            email_domains=row["email_domain"],
        )
        for row in load_organisation_rows()
    )
    say(f"  organisations: {len(organisations)}")

    password = make_password("bench-password-2026")
    users = User.objects.bulk_create(
        User(email=f"person{n}@bench.example", first_name="Person", last_name=str(n), password=password)
        for n in range(sizes["users"])
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    # Four in five people are approved members, spread over the organisations; the rest are waiting.
    now = timezone.now()
    memberships = [
        Membership(
            user=user,
            organisation=organisations[n % len(organisations)],
            status=Membership.Status.APPROVED if n % 5 else Membership.Status.PENDING,
            decided_at=now,
        )
        for n, user in enumerate(users)
    ]
    Membership.objects.bulk_create(memberships)
    focal = memberships[1]
    Membership.objects.filter(pk=focal.pk).update(role=Membership.Role.FOCAL_POINT)
    for organisation in organisations:
        services.sync_organisation_access(organisation)
    say(f"  people: {len(users)} ({sum(1 for m in memberships if m.status == 'approved')} approved members)")

    add_pages(
        indexes["courses"],
        CoursePage,
        sizes["courses"],
        lambda n: {"title": f"Course {n}: e-government in practice", "slug": f"course-{n}", "summary": "Learn."},
        "courses",
    )
    start = timezone.now() + dt.timedelta(days=1)
    add_pages(
        indexes["events"],
        EventPage,
        sizes["events"],
        lambda n: {
            "title": f"Event {n}",
            "slug": f"event-{n}",
            "summary": "Cities meet.",
            "start": start + dt.timedelta(hours=n),
            "end": start + dt.timedelta(hours=n + 2),
            "time_zone": "Asia/Seoul",
        },
        "events",
    )
    add_pages(
        indexes["cases"],
        CasePage,
        sizes["cases"],
        lambda n: {
            "title": f"Case {n}: open data pilot",
            "slug": f"case-{n}",
            "summary": "A pilot.",
            "city": "Seoul",
            "country": "KR",
            "start_year": 2010 + n % 16,
        },
        "cases",
    )
    add_pages(
        indexes["toolkits"],
        ToolkitPage,
        sizes["toolkits"],
        lambda n: {"title": f"Toolkit {n}", "slug": f"toolkit-{n}", "summary": "A toolkit."},
        "toolkits",
    )
    member = next(m for m in memberships if m.status == Membership.Status.APPROVED and m.pk != focal.pk)
    return Seeded(
        counts={"organisations": len(organisations), **sizes},
        focal_city_slug=focal.organisation.slug,
        member_email=member.user.email,
        focal_point_email=focal.user.email,
    )


def seeded_from_database():
    """With --reuse: find the people and city the pages need in a database seeded before."""
    from members.models import Membership, Organisation, User

    focal = Membership.objects.select_related("user", "organisation").get(role=Membership.Role.FOCAL_POINT)
    member = Membership.objects.filter(status="approved", role="staff").select_related("user").first()
    return Seeded(
        counts={"organisations": Organisation.objects.count(), "users": User.objects.count()},
        focal_city_slug=focal.organisation.slug,
        member_email=member.user.email,
        focal_point_email=focal.user.email,
    )
