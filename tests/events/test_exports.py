"""The organisers' attendee lists cannot attack the organiser who opens them (issue 16)."""

import pytest
from django.urls import reverse

from events import services
from events.models import Registration
from tests.factories import UserFactory
from tests.spreadsheets import (
    PAYLOADS,
    PRINTABLE_PAYLOADS,
    assert_csv_neutralised,
    assert_xlsx_neutralised,
    column,
    read_csv,
    read_xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile_event(make_event):
    event = make_event(in_person_capacity=20)
    for payload in PAYLOADS:
        person = UserFactory(first_name=payload, last_name="")
        services.register(
            event=event,
            user=person,
            mode=Registration.Mode.IN_PERSON,
            consent=True,
            dietary_needs=payload,
            accessibility_needs=payload,
        )
    return event


def export(client, event, fmt):
    return client.get(reverse("events_registrations", args=[event.id]), {"export": fmt})


def test_the_attendee_csv_neutralises_what_attendees_typed(admin_client, hostile_event):
    rows = read_csv(export(admin_client, hostile_event, "csv"))
    assert_csv_neutralised(rows)
    assert set(column(rows, "Dietary needs")) == {"'" + payload for payload in PAYLOADS}
    # A full name loses its leading blanks; the rest comes back with the apostrophe.
    assert set(column(rows, "Name")) >= {"'" + payload for payload in PRINTABLE_PAYLOADS}


def test_the_attendee_xlsx_stores_what_attendees_typed_as_text(admin_client, hostile_event):
    cells = read_xlsx(export(admin_client, hostile_event, "xlsx"))
    assert_xlsx_neutralised(cells)
    assert [cell.value for cell in cells[0]][:2] == ["Name", "Email"]
    needs = [row[6] for row in cells[1:]]
    assert {cell.data_type for cell in needs} == {"s"}
    assert all(cell.value.startswith("'") for cell in needs)
