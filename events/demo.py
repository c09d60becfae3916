"""Demo events: a summit, a workshop and a webinar, dated relative to today."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone

from core.demo import ensure_child, ensure_index

from .models import EventIndexPage, EventPage

EVENTS = [
    # slug, title, days from today, duration in days, zone, format, venue, city, country, summary
    (
        "smart-sustainable-cities-summit",
        "Smart Sustainable Cities Summit",
        60,
        3,
        "Asia/Seoul",
        "hybrid",
        "COEX",
        "Seoul",
        "KR",
        "The association's flagship gathering of mayors, CIOs and partners.",
    ),
    (
        "open-data-workshop-bogota",
        "Open data workshop",
        30,
        1,
        "America/Bogota",
        "in_person",
        "City Hall",
        "Bogotá",
        "CO",
        "A hands-on day on publishing and re-using city data.",
    ),
    (
        "webinar-digital-inclusion",
        "Webinar: digital inclusion that works",
        14,
        0,
        "Europe/Paris",
        "online",
        "",
        "",
        "",
        "Three cities show how they bring every resident online.",
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
        "Conferences, workshops and webinars of the association.",
        progress,
    )
    for slug, title, days, length, zone, fmt, venue, city, country, summary in progress.iterate(EVENTS, "events"):
        start = local_datetime(days, 9 if length else 14, zone)
        end = local_datetime(days + length, 17 if length else 15, zone)
        _, created = ensure_child(
            index,
            EventPage,
            slug,
            title=title,
            start=start,
            end=end,
            time_zone=zone,
            format=fmt,
            venue=venue,
            city=city,
            country=country,
            summary=summary,
            topics=["digital-inclusion"] if fmt == "online" else ["e-government"],
        )
        progress.record(created)
