import datetime as dt
import zoneinfo

from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events import services
from events.models import Registration
from tests.background import run_ready_tasks
from tests.browser.conftest import BrowserProblems
from tests.browser.helpers import sign_in
from tests.factories import EventPageFactory, UserFactory


def test_an_attendee_registers_gets_the_ics_cancels_and_the_first_waiting_person_is_promoted(page, site):
    start = (timezone.now() + dt.timedelta(days=20)).replace(second=0, microsecond=0)
    event = EventPageFactory(
        parent=site["events"],
        title="Open data workshop",
        time_zone="America/Bogota",
        start=start,
        end=start + dt.timedelta(hours=6),
        format="in_person",
        in_person_capacity=1,
    )
    attendee = UserFactory(email="ana@bogota.city.example")
    first_waiting, second_waiting = UserFactory(email="first@city.example"), UserFactory(email="second@city.example")
    mail.outbox.clear()

    sign_in(page, attendee.email)
    page.goto("/events/")
    page.get_by_role("link", name="Open data workshop").click()
    page.get_by_text("1 seat left").wait_for()
    page.get_by_role("link", name="Register").click()
    page.get_by_label("Dietary needs").fill("Vegetarian")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.get_by_text("You are registered (In person).").wait_for()

    run_ready_tasks()  # the worker sends the confirmation
    [confirmation] = [m for m in mail.outbox if m.to == [attendee.email]]
    filename, content, mimetype = confirmation.attachments[0]
    assert filename == "open-data-workshop.ics" and mimetype.startswith("text/calendar")
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert vevent.decoded("DTSTART") == event.start and vevent["DTSTART"].params["TZID"] == "America/Bogota"

    for person in (first_waiting, second_waiting):
        assert services.register(event=event, user=person, mode="in_person", consent=True).status == "waitlisted"
    page.reload()
    page.get_by_text("2 people waiting").wait_for()

    page.get_by_role("link", name="Cancel my registration").click()
    page.get_by_role("heading", name="Cancel your registration?").wait_for()
    page.get_by_role("button", name="Yes, cancel my registration").click()
    page.get_by_text("Your registration is cancelled.").wait_for()
    statuses = dict(Registration.objects.filter(event=event).values_list("user__email", "status"))
    assert statuses == {
        attendee.email: "cancelled",
        first_waiting.email: "confirmed",
        second_waiting.email: "waitlisted",
    }
    run_ready_tasks()
    assert any(m.to == [first_waiting.email] and m.subject.startswith("A place is yours") for m in mail.outbox)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, first_waiting.email)
    page.goto(event.url)
    page.get_by_text("You are registered (In person).").wait_for()
    page.goto("/me/")
    page.locator("section", has=page.get_by_role("heading", name="My events")).get_by_role(
        "link", name="Open data workshop"
    ).wait_for()


def test_a_visitor_reads_an_events_time_in_their_browsers_zone_filled_in_by_the_page(browser, live_server, site):
    seoul = zoneinfo.ZoneInfo("Asia/Seoul")
    event = EventPageFactory(
        parent=site["events"],
        title="Seoul smart city webinar",
        time_zone="Asia/Seoul",
        format="online",
        start=dt.datetime(2027, 1, 24, 9, tzinfo=seoul),  # 21:00 on Jan. 23 in São Paulo
        end=dt.datetime(2027, 1, 24, 17, tzinfo=seoul),  # 05:00 on Jan. 24 in São Paulo
    )
    seen = {}
    for zone in ("America/Sao_Paulo", "Asia/Seoul"):
        context = browser.new_context(base_url=live_server.url, timezone_id=zone, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(10_000)
        problems = BrowserProblems(page)
        try:
            page.goto(event.url)
            page.get_by_text("When (local time, Asia/Seoul)").wait_for()
            line = page.locator(".facts .your-time")
            page.wait_for_load_state("load")  # the deferred script has run
            seen[zone, "page"] = line.inner_text() if line.is_visible() else None
            page.goto("/events/")
            card = page.locator(".event-card .your-time")
            page.wait_for_load_state("load")
            seen[zone, "card"] = card.inner_text() if card.is_visible() else None
            assert context.cookies() == []  # the script keeps nothing
        finally:
            context.close()
        assert problems.seen == [] and problems.cookie_setters == []

    in_sao_paulo = seen["America/Sao_Paulo", "page"]
    assert in_sao_paulo.startswith("In your time zone (America/Sao_Paulo)")
    assert "Jan 23, 2027" in in_sao_paulo and "9:00" in in_sao_paulo and "PM" in in_sao_paulo
    assert "Jan 24, 2027" in in_sao_paulo and "5:00" in in_sao_paulo and "AM" in in_sao_paulo
    card = seen["America/Sao_Paulo", "card"]
    assert card.startswith("In your time zone (America/Sao_Paulo): Jan 23, 2027") and "9:00" in card
    # In the event's own zone there is nothing to add: the line stays hidden.
    assert seen["Asia/Seoul", "page"] is None and seen["Asia/Seoul", "card"] is None
