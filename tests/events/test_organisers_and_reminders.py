import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from events import services
from events.models import Registration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

IN_PERSON = Registration.Mode.IN_PERSON
NAMES = [("김", "민지"), ("فاطمة", "الزهراء"), ("Анна", "Иванова")]


def desk_url(event, **params):
    url = reverse("events_registrations", args=[event.id])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


@pytest.fixture
def full_event(make_event, city_staff):
    event = make_event(in_person_capacity=2, online_join_url="https://meet.example.org/secret-room")
    people = [UserFactory(first_name=first, last_name=last) for first, last in NAMES]
    for person in people:
        services.register(event=event, user=person, mode=IN_PERSON, consent=True, dietary_needs="Halal")
    services.register(event=event, user=city_staff[0], mode=IN_PERSON, consent=True)
    return event, people


def test_the_desk_counts_by_status_mode_and_city(admin_client, full_event):
    event, _ = full_event
    page = admin_client.get(desk_url(event)).content.decode()
    assert "Confirmed</th><td>2" in page and "On the waiting list</th><td>2" in page
    assert "In person</th><td>4" in page and "City of Seoul</th><td>1" in page
    waiting_only = admin_client.get(desk_url(event, status="waitlisted")).content.decode()
    assert waiting_only.count("Check in") == 0 and "Анна" in waiting_only


def test_csv_and_xlsx_exports_keep_hangul_arabic_and_cyrillic_names(admin_client, full_event):
    event, people = full_event
    response = admin_client.get(desk_url(event, export="csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = {row[0] for row in rows[1:]}
    for person in people:
        assert person.get_full_name() in names
    assert all("secret-room" not in cell for row in rows for cell in row)

    response = admin_client.get(desk_url(event, export="xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[0][0] == "Name"
    assert {row[0] for row in cells[1:]} >= {person.get_full_name() for person in people}
    assert {row[6] for row in cells[1:]} >= {"Halal"}


def test_check_in_marks_attendance(admin_client, full_event):
    event, _ = full_event
    seated = Registration.objects.confirmed().filter(event=event).first()
    response = admin_client.post(desk_url(event), {"registration": seated.id, "attended": "1"})
    assert response.status_code == 302
    seated.refresh_from_db()
    assert seated.attended_at is not None
    waiting = Registration.objects.waitlisted().filter(event=event).first()
    admin_client.post(desk_url(event), {"registration": waiting.id, "attended": "1"})
    waiting.refresh_from_db()
    assert waiting.attended_at is None
    assert admin_client.post(desk_url(event), {"registration": "x"}).status_code == 302


def test_people_who_cannot_edit_the_event_cannot_open_its_desk(client, full_event, member):
    event, _ = full_event
    member.is_staff = True
    member.save()
    client.force_login(member)
    assert client.get(desk_url(event)).status_code in (302, 403)
    assert client.get(desk_url(event, export="csv")).status_code in (302, 403)


def test_reminders_go_once_to_confirmed_attendees_of_events_within_a_day(make_event, people, outbox, run_tasks):
    soon = make_event(start=timezone.now() + dt.timedelta(hours=20), in_person_capacity=1)
    later = make_event(start=timezone.now() + dt.timedelta(days=3))
    services.register(event=soon, user=people[0], mode=IN_PERSON, consent=True)
    services.register(event=soon, user=people[1], mode=IN_PERSON, consent=True)  # waiting: no reminder
    services.register(event=later, user=people[2], mode=IN_PERSON, consent=True)
    outbox.clear()
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    assert "Sent 1 event reminder" in out.getvalue()
    run_tasks()
    assert [m.to for m in outbox] == [[people[0].email]] and outbox[0].subject.startswith("Tomorrow")
    for _ in range(3):  # run every few minutes: nothing more
        call_command("send_event_reminders", stdout=io.StringIO())
    run_tasks()
    assert len(outbox) == 1


def test_my_data_export_and_account_deletion_cover_registrations(make_event, people, outbox, tasks_done):
    from members.personal_data import delete_account, export_personal_data

    event = make_event(in_person_capacity=1)
    leaving, waiting = people[:2]
    services.register(event=event, user=leaving, mode=IN_PERSON, consent=True, dietary_needs="No nuts")
    services.register(event=event, user=waiting, mode=IN_PERSON, consent=True)
    [exported] = export_personal_data(leaving)["event_registrations"]
    assert exported["dietary_needs"] == "No nuts" and exported["status"] == "confirmed"
    outbox.clear()
    with tasks_done():
        delete_account(user=leaving)
    gone = Registration.objects.get(user=leaving)
    assert (gone.status, gone.dietary_needs) == (Registration.Status.CANCELLED, "")
    assert Registration.objects.get(user=waiting).status == Registration.Status.CONFIRMED  # the seat moved on
    assert [m.to for m in outbox] == [[waiting.email]]  # nothing is sent to the deleted account
