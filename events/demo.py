"""Demo events: a year of the association's calendar, dated relative to today, in many time zones.

Upcoming events take registrations through events.services; past events get attendance history.
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone

from core.demo import ensure_child, ensure_index
from members.models import Membership

from . import services
from .demo_content import FULL_DAY_SLOTS, PROGRAMMES, SHORT_SLOTS
from .models import AgendaSession, EventIndexPage, EventPage, EventSpeaker, Registration, RegistrationQuestion


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    title: str
    kind: str
    days: int  # from today; negative for past events
    length: int  # extra days; 0 for a single-day event
    zone: str
    format: str
    summary: str
    city: str = ""
    country: str = ""
    region: str = ""
    venue: str = ""
    hours: tuple = (9, 17)
    in_person: int | None = None
    online: int | None = None
    city_limit: int | None = None
    approval: bool = False
    status: str = "scheduled"
    topics: list = field(default_factory=list)


EVENTS = [
    DemoEvent(
        "general-assembly-2026",
        "WeGo General Assembly {year}",
        "general_assembly",
        75,
        2,
        "Asia/Seoul",
        "hybrid",
        "Member cities elect the executive committee and adopt the work plan.",
        "Seoul",
        "KR",
        "asia_pacific",
        "Seoul City Hall",
        in_person=300,
        online=1000,
        city_limit=3,
        approval=True,
        topics=["e-government"],
    ),
    DemoEvent(
        "smart-sustainable-cities-summit",
        "Smart Sustainable Cities Summit",
        "conference",
        60,
        3,
        "Asia/Seoul",
        "hybrid",
        "The association's flagship gathering of mayors, CIOs and partners.",
        "Seoul",
        "KR",
        "asia_pacific",
        "COEX",
        in_person=500,
        online=2000,
        topics=["urban-resilience"],
    ),
    DemoEvent(
        "open-data-workshop-bogota",
        "Open data workshop",
        "workshop",
        30,
        0,
        "America/Bogota",
        "in_person",
        "A hands-on day on publishing and re-using city data.",
        "Bogotá",
        "CO",
        "latin_america_caribbean",
        "City Hall",
        in_person=3,
        topics=["open-data"],
    ),
    DemoEvent(
        "webinar-digital-inclusion",
        "Webinar: digital inclusion that works",
        "webinar",
        14,
        0,
        "Europe/Paris",
        "online",
        "Three cities show how they bring every resident online.",
        hours=(14, 15),
        online=2,
        topics=["digital-inclusion"],
    ),
    DemoEvent(
        "training-cybersecurity-nairobi",
        "Training: cybersecurity for city services",
        "training",
        45,
        1,
        "Africa/Nairobi",
        "in_person",
        "Two days of exercises on protecting municipal systems.",
        "Nairobi",
        "KE",
        "africa",
        "Kenyatta International Convention Centre",
        in_person=40,
        city_limit=2,
        topics=["cybersecurity"],
    ),
    DemoEvent(
        "webinar-mobile-voting",
        "Webinar: mobile voting and online proposals",
        "webinar",
        21,
        0,
        "America/Sao_Paulo",
        "online",
        "How residents vote on budgets and propose projects from their phones.",
        hours=(10, 11),
        online=500,
        topics=["citizen-participation"],
    ),
    DemoEvent(
        "iot-urban-services-workshop",
        "Workshop: IoT for urban services",
        "workshop",
        95,
        1,
        "Europe/Berlin",
        "hybrid",
        "Sensors, platforms and procurement for street lighting, waste and water.",
        "Hamburg",
        "DE",
        "europe",
        "HafenCity University",
        in_person=60,
        online=300,
        topics=["data-governance"],
    ),
    DemoEvent(
        "mobility-data-conference",
        "Data-driven transport conference",
        "conference",
        130,
        2,
        "America/Mexico_City",
        "in_person",
        "Cities share what mobility data changed in their transport plans.",
        "Mexico City",
        "MX",
        "latin_america_caribbean",
        "Centro Citibanamex",
        in_person=400,
        topics=["smart-mobility"],
    ),
    DemoEvent(
        "training-egov-foundations-dakar",
        "Training: e-government foundations",
        "training",
        160,
        2,
        "Africa/Dakar",
        "in_person",
        "The foundations course, taught in person for West African cities.",
        "Dakar",
        "SN",
        "africa",
        "Centre International de Conférences",
        in_person=35,
        city_limit=3,
        topics=["e-government"],
    ),
    DemoEvent(
        "webinar-ai-in-city-hall",
        "Webinar: AI in city hall, carefully",
        "webinar",
        7,
        0,
        "Asia/Kolkata",
        "online",
        "Procurement, risk and transparency for AI in public services.",
        hours=(16, 17),
        online=800,
        topics=["e-government"],
    ),
    DemoEvent(
        "smart-city-strategy-lab",
        "Smart-city strategy lab",
        "workshop",
        200,
        1,
        "Australia/Sydney",
        "hybrid",
        "City strategists turn plans into funded roadmaps.",
        "Sydney",
        "AU",
        "asia_pacific",
        "Sydney Town Hall",
        in_person=50,
        online=200,
        topics=["urban-resilience"],
    ),
    DemoEvent(
        "regional-forum-middle-east",
        "Regional forum: Middle East and North Africa",
        "conference",
        250,
        1,
        "Asia/Dubai",
        "hybrid",
        "Regional members meet on digital twins and service design.",
        "Dubai",
        "AE",
        "middle_east_north_africa",
        "Dubai World Trade Centre",
        in_person=250,
        online=600,
        topics=["urban-resilience"],
    ),
    DemoEvent(
        "webinar-open-budgets",
        "Webinar: open budgets",
        "webinar",
        300,
        0,
        "America/New_York",
        "online",
        "Publishing city budgets people can read.",
        hours=(9, 10),
        online=400,
        topics=["open-data"],
    ),
    DemoEvent(
        "training-gis-postponed",
        "Training: GIS for planners",
        "training",
        110,
        1,
        "Asia/Jakarta",
        "in_person",
        "Mapping tools for planning departments.",
        "Jakarta",
        "ID",
        "asia_pacific",
        "Balai Kota",
        in_person=30,
        status="postponed",
        topics=["urban-resilience"],
    ),
    DemoEvent(
        "webinar-cancelled-blockchain",
        "Webinar: blockchain registries",
        "webinar",
        40,
        0,
        "Europe/Madrid",
        "online",
        "Land and business registries on shared ledgers.",
        hours=(15, 16),
        online=300,
        status="cancelled",
        topics=["e-government"],
    ),
    # The past year
    DemoEvent(
        "general-assembly-2025",
        "WeGo General Assembly {year}",
        "general_assembly",
        -290,
        2,
        "Europe/Istanbul",
        "hybrid",
        "Members adopted the 2026 work plan.",
        "Istanbul",
        "TR",
        "europe",
        "Haliç Congress Center",
        in_person=300,
        online=1000,
        topics=["e-government"],
    ),
    DemoEvent(
        "webinar-citizen-apps",
        "Webinar: citizen apps that last",
        "webinar",
        -200,
        0,
        "Asia/Manila",
        "online",
        "Keeping city apps alive after launch.",
        hours=(10, 11),
        online=300,
        topics=["citizen-participation"],
    ),
    DemoEvent(
        "open-data-day-2026",
        "Open Data Day for cities",
        "workshop",
        -150,
        0,
        "America/Argentina/Buenos_Aires",
        "hybrid",
        "Cities publish new data sets together.",
        "Buenos Aires",
        "AR",
        "latin_america_caribbean",
        "Usina del Arte",
        in_person=80,
        online=300,
        topics=["open-data"],
    ),
    DemoEvent(
        "training-data-governance",
        "Training: data governance for cities",
        "training",
        -90,
        1,
        "Europe/London",
        "in_person",
        "Roles, rules and registers for city data.",
        "London",
        "GB",
        "europe",
        "City Hall",
        in_person=30,
        topics=["open-data"],
    ),
    DemoEvent(
        "webinar-smart-parking",
        "Webinar: smart parking",
        "webinar",
        -45,
        0,
        "America/Los_Angeles",
        "online",
        "What sensors and pricing did to downtown parking.",
        hours=(8, 9),
        online=300,
        topics=["smart-mobility"],
    ),
    DemoEvent(
        "smart-water-workshop",
        "Workshop: smart water networks",
        "workshop",
        -20,
        0,
        "Africa/Johannesburg",
        "in_person",
        "Leak detection and metering, from pilots to scale.",
        "Johannesburg",
        "ZA",
        "africa",
        "Sandton Convention Centre",
        in_person=50,
        topics=["data-governance"],
    ),
    DemoEvent(
        "pacific-resilience-forum",
        "Pacific resilience forum",
        "conference",
        -330,
        1,
        "Pacific/Auckland",
        "hybrid",
        "Digital early warning and recovery for coastal cities.",
        "Auckland",
        "NZ",
        "asia_pacific",
        "Aotea Centre",
        in_person=150,
        online=500,
        topics=["urban-resilience"],
    ),
]


def local_datetime(days_ahead, hour, zone_name):
    day = timezone.now().date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(hour), tzinfo=zoneinfo.ZoneInfo(zone_name))


def seed(progress):
    index = ensure_index(
        EventIndexPage,
        "events",
        "Events",
        "Conferences, workshops, webinars and trainings of the association, in every member region.",
        progress,
    )
    for item in progress.iterate(EVENTS, "events"):
        start = local_datetime(item.days, item.hours[0], item.zone)
        event, created = ensure_child(
            index,
            EventPage,
            item.slug,
            # Dates are relative to the day of seeding, so a title that names the year takes it from the date.
            title=item.title.format(year=start.year),
            kind=item.kind,
            status=item.status,
            start=start,
            end=local_datetime(item.days + item.length, item.hours[1], item.zone),
            time_zone=item.zone,
            format=item.format,
            venue=item.venue,
            city=item.city,
            country=item.country,
            region=item.region,
            summary=item.summary,
            organiser="WeGo Secretariat",
            online_join_url="https://meet.example.org/wego-" + item.slug if item.format != "in_person" else "",
            in_person_capacity=item.in_person,
            online_capacity=item.online,
            city_seat_limit=item.city_limit,
            requires_focal_point_approval=item.approval,
            topics=item.topics,
        )
        progress.record(created)
        if created:
            _add_programme(event, item)
            _add_registrations(event, item)


def _add_programme(event, item):
    speakers, days = PROGRAMMES[item.slug]
    for sort_order, (name, title, organisation) in enumerate(speakers):
        EventSpeaker.objects.create(
            event=event, sort_order=sort_order, name=name, title=title, organisation=organisation
        )
    for sort_order, session in enumerate(agenda(item, event.local_start.date(), speakers, days)):
        AgendaSession.objects.create(event=event, sort_order=sort_order, **session)
    if item.kind in ("conference", "general_assembly"):
        RegistrationQuestion.objects.create(
            event=event, sort_order=0, label="Will you join the study visit on the last afternoon?", kind="yes_no"
        )


WORKSHOP_ROOM_PREFIXES = ("Exercise", "Hands-on", "Lab:", "Workshop", "Re-use clinic", "Procurement clinic")


def agenda(item, first_day, speakers, days):
    """The sessions of each day, in the event's local time: a full day from 9 to 5, or a one-hour webinar."""
    assert len(days) == item.length + 1, item.slug  # one list of sessions for every day of the event
    opens = datetime.combine(first_day, time(item.hours[0]))
    span = (item.hours[1] - item.hours[0]) * 60
    slots = FULL_DAY_SLOTS if span >= 8 * 60 else SHORT_SLOTS
    for day_number, sessions in enumerate(days):
        day_opens = opens + timedelta(days=day_number)
        for (title, who), (begins, ends) in zip(sessions, slots[len(sessions)], strict=True):
            yield {
                "day": day_opens.date(),
                "starts_at": (day_opens + timedelta(minutes=begins)).time(),
                "ends_at": (day_opens + timedelta(minutes=ends)).time(),
                "title": title,
                "speakers": ", ".join(speakers[index][0] for index in who),
                "room": _room(item, title),
            }


def _room(item, title):
    if item.format == "online" or title.startswith("Study"):
        return ""  # online, or a visit that leaves the venue
    return "Workshop room" if title.startswith(WORKSHOP_ROOM_PREFIXES) else "Main hall"


def _add_registrations(event, item):
    people = [
        membership.user
        for membership in Membership.objects.filter(status=Membership.Status.APPROVED)
        .select_related("user")
        .order_by("id")
    ]
    mode = event.offered_modes()[0] if item.format != "online" else Registration.Mode.ONLINE
    if item.days < 0:
        # History for /me/ and the city reports: who came to last year's events.
        # They registered in the weeks before the event, as people do.
        for number, person in enumerate(people[:4]):
            registered_at = event.start - timedelta(days=30 - 6 * number)
            Registration.objects.create(
                event=event,
                user=person,
                organisation=services.organisation_of(person),
                mode=mode,
                status=Registration.Status.CONFIRMED,
                created_at=registered_at,
                consent_given_at=registered_at,
                confirmed_at=registered_at,
                attended_at=event.start,
            )
        return
    if item.status != "scheduled":
        return
    # Small events fill up and keep a waiting list; big ones get a few registrations.
    for person in people[: 6 if (item.in_person or 999) <= 3 or (item.online or 999) <= 2 else 2]:
        services.register(event=event, user=person, mode=mode, consent=True)
