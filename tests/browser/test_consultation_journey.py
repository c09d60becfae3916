"""The consultation programme in a browser, as its people use it: Seoul's focal point drafts an application, a
colleague edits it and the focal point submits it; the secretariat screens it and assigns two reviewers (never one
of Seoul's own staff); the reviewers score it (one of them on a phone); the secretariat decides from the ranked
table and the city reads the decision; the project's milestones end in a draft case that the city signs off and the
secretariat publishes in the case library."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from reportlab.pdfgen import canvas

from cases import review
from cases.models import CasePage
from consultations import access, services
from consultations.exceptions import OwnCity
from consultations.models import Application, ApplicationEvent, Assignment, ConsultationProgrammePage, Project
from core.demo import ensure_child
from members.models import Region
from tests.browser.conftest import BrowserProblems
from tests.browser.helpers import sign_in
from tests.consultations.conftest import complete, make_call
from tests.factories import OrganisationFactory, UserFactory, make_member

TITLE = "Flood sensors for underpasses"
CALL_TITLE = "Feasibility studies 2026"
PHONE = {"width": 375, "height": 800}
Verb = ApplicationEvent.Verb


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def cast(site):
    """The programme's people and its open call (as in tests/consultations/conftest.py, built here: those fixtures
    belong to another package)."""
    secretariat, reviewers = access.ensure_groups()
    review.ensure_review_workflow(site["cases"])
    programme = ensure_child(site["home"], ConsultationProgrammePage, "consultations", title="Consultation programme")[
        0
    ]
    now = timezone.now()
    call = make_call(
        programme,
        slug="open-call",
        title=CALL_TITLE,
        opens_at=now - dt.timedelta(days=10),
        closes_at=now + dt.timedelta(days=20),
    )
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", region=Region.ASIA_PACIFIC)
    lisbon = OrganisationFactory(name="Lisbon City Council", city="Lisbon", country="PT", region=Region.EUROPE)
    people = {
        "call": call,
        "seoul": seoul,
        "focal_point": make_member(
            seoul, role="focal_point", email="mina@seoul.example", first_name="Mina", last_name="Park"
        ),
        "colleague": make_member(seoul, email="jiho@seoul.example", first_name="Jiho", last_name="Kim"),
        "lisbon_focal_point": make_member(
            lisbon, role="focal_point", email="ana@lisbon.example", first_name="Ana", last_name="Costa"
        ),
        "secretary": UserFactory(email="secretary@wego.example", first_name="Hana", last_name="Cho"),
        "reviewer": UserFactory(email="expert@partner.example", first_name="Lena", last_name="Vogel"),
        "second_reviewer": UserFactory(email="second@partner.example", first_name="Omar", last_name="Haddad"),
        # A reviewer who is staff of Seoul: may review Lisbon's application, never Seoul's.
        "seoul_reviewer": make_member(seoul, email="reviewer@seoul.example", first_name="Dae", last_name="Han"),
        "consultant": UserFactory(email="daniela@consult.example", first_name="Daniela", last_name="Ortiz"),
    }
    people["secretary"].groups.add(secretariat)
    for key in ("reviewer", "second_reviewer", "seoul_reviewer"):
        people[key].groups.add(reviewers)
    return people


def history(application):
    return list(application.history.order_by("at", "pk").values_list("verb", "actor__email"))


def submitted_application(cast):
    """Seoul's application as the first journey leaves it: written by Mina and Jiho, submitted."""
    application = services.start_application(call=cast["call"], user=cast["focal_point"], title=TITLE)
    services.add_editor(application=application, by=cast["focal_point"], email=cast["colleague"].email)
    complete(application, cast["focal_point"])
    return services.submit_application(application=application, user=cast["focal_point"])


def lisbon_reviewed(cast):
    """Lisbon's application, in review with one weak review (by Seoul's reviewer, who may review other cities)."""
    application = services.start_application(call=cast["call"], user=cast["lisbon_focal_point"], title="Tram stops")
    complete(application, cast["lisbon_focal_point"])
    services.submit_application(application=application, user=cast["lisbon_focal_point"])
    services.screen(application=application, by=cast["secretary"], eligible=True)
    assignment = services.assign_reviewer(
        application=application, by=cast["secretary"], reviewer=cast["seoul_reviewer"]
    )
    scores = {criterion.pk: (2, "") for criterion in cast["call"].criteria.all()}
    services.submit_review(assignment=assignment, user=cast["seoul_reviewer"], scores=scores)
    return application


def awarded_application(cast):
    """Seoul's application, reviewed and awarded (the second journey's end)."""
    application = submitted_application(cast)
    services.screen(application=application, by=cast["secretary"], eligible=True)
    assignment = services.assign_reviewer(application=application, by=cast["secretary"], reviewer=cast["reviewer"])
    scores = {criterion.pk: (4, "") for criterion in cast["call"].criteria.all()}
    services.submit_review(assignment=assignment, user=cast["reviewer"], scores=scores)
    return services.determine(
        application=application, by=cast["secretary"], outcome=Application.Status.AWARDED, message="Congratulations."
    )


def open_my_application(page):
    """From "My hub", where sign-in lands, to the city's application."""
    page.get_by_role("region", name="Your city's applications").get_by_role("link", name=TITLE).click()
    page.get_by_role("heading", level=1, name=TITLE).wait_for()


def test_a_focal_point_drafts_a_colleague_edits_and_the_focal_point_submits(page, cast):
    focal_point, colleague = cast["focal_point"], cast["colleague"]

    sign_in(page, focal_point.email)
    page.goto("/consultations/")
    page.get_by_role("region", name="Open for applications").get_by_role("link", name=CALL_TITLE).click()
    page.get_by_label("Project title").fill(TITLE)
    page.get_by_role("button", name="Start the application").click()
    page.get_by_text("Your city's application is started.").wait_for()
    page.get_by_role("heading", level=1, name=TITLE).wait_for()

    page.get_by_label("Colleague's email address").fill(colleague.email)
    page.get_by_role("button", name="Invite").click()
    page.get_by_text("Jiho Kim can now edit the application.").wait_for()
    page.get_by_label("The challenge").fill("Flooded underpasses close school routes every monsoon.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved.", exact=True).wait_for()
    # A submission needs the rest: the page says what is missing.
    assert page.get_by_text("Fill in before you submit:").is_visible()
    page.context.clear_cookies()

    sign_in(page, colleague.email)
    open_my_application(page)
    assert page.get_by_label("The challenge").input_value() == "Flooded underpasses close school routes every monsoon."
    page.get_by_label("What the city wants to achieve").fill("Study sensors and alerts for 40 underpasses.")
    page.get_by_label("Expected outcomes").fill("A costed plan the city council can fund.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved.", exact=True).wait_for()
    # Only the focal point submits.
    assert page.get_by_role("button", name="Submit the application").count() == 0
    page.get_by_text("Your focal point, Mina Park, submits the application.").wait_for()
    page.context.clear_cookies()

    sign_in(page, focal_point.email)
    open_my_application(page)
    page.get_by_text("The application has everything a submission needs.").wait_for()
    page.get_by_role("button", name="Submit the application").click()
    page.get_by_text("Submitted. The secretariat checks the application next").wait_for()
    assert page.locator(".facts div", has_text="Status").locator("dd").inner_text() == "Submitted"

    application = Application.objects.get()
    assert application.status == Application.Status.SUBMITTED and application.submitted_at is not None
    assert application.organisation == cast["seoul"] and application.title == TITLE
    assert application.objectives == "Study sensors and alerts for 40 underpasses."
    assert history(application) == [
        (Verb.STARTED, focal_point.email),
        (Verb.EDITOR_ADDED, focal_point.email),
        (Verb.EDITED, focal_point.email),
        (Verb.EDITED, colleague.email),
        (Verb.SUBMITTED, focal_point.email),
    ]


def score(page, marks):
    """Scores each criterion (a fieldset named after it) and submits the review."""
    for criterion, mark in marks.items():
        group = page.get_by_role("group", name=criterion)
        group.get_by_label(mark).check()
        group.get_by_label(f"Comment on {criterion} (optional)").fill(f"{criterion}: clear and well argued.")
    page.get_by_label("Overall comment").fill("A strong application.")
    page.get_by_role("button", name="Submit review").click()
    page.get_by_role("heading", name="The other reviews").wait_for()


def open_review(page, application_title):
    page.goto("/consultations/")
    page.get_by_role("link", name="Applications to review").click()
    page.get_by_role("heading", level=1, name="Applications to review").wait_for()
    page.get_by_role("link", name=f"Review {application_title}").click()
    page.get_by_role("heading", level=1, name=application_title).wait_for()


def test_the_secretariat_screens_and_assigns_two_reviewers_score_and_the_city_reads_the_decision(
    page, browser, live_server, cast
):
    secretary, reviewer, second, seoul_reviewer = (
        cast[key] for key in ("secretary", "reviewer", "second_reviewer", "seoul_reviewer")
    )
    application = submitted_application(cast)
    lisbon = lisbon_reviewed(cast)

    sign_in(page, secretary.email)
    page.goto("/consultations/")
    page.get_by_role("link", name=f"Manage {CALL_TITLE}").click()
    page.get_by_role("heading", level=1, name=f"Applications: {CALL_TITLE}").wait_for()
    page.get_by_role("region", name="To screen").get_by_role("link", name=f"Open {TITLE}").click()
    page.get_by_role("heading", level=1, name=TITLE).wait_for()
    screening = page.get_by_role("form", name="Screen the application")
    screening.get_by_label("Eligible: send it to review").check()
    screening.get_by_role("button", name="Record the screening").click()
    page.get_by_text("The application is in review.").wait_for()

    # Seoul's own reviewer is not offered; the service refuses them too.
    assigning = page.get_by_role("form", name="Assign a reviewer")
    offered = assigning.get_by_label("Reviewer").locator("option").all_inner_texts()
    assert offered == [
        "Choose a reviewer",
        "Lena Vogel (expert@partner.example)",
        "Omar Haddad (second@partner.example)",
    ]
    with pytest.raises(OwnCity):
        services.assign_reviewer(application=application, by=secretary, reviewer=seoul_reviewer)
    for person in (reviewer, second):
        page.get_by_role("form", name="Assign a reviewer").get_by_label("Reviewer").select_option(
            label=f"{person.display_name} ({person.email})"
        )
        page.get_by_role("button", name="Assign", exact=True).click()
        page.get_by_text(f"{person.display_name} is assigned to review the application.").wait_for()
    page.get_by_text("Every member of the consultation reviewers group who may review this application").wait_for()
    assert sorted(Assignment.objects.filter(application=application).values_list("reviewer__email", flat=True)) == [
        "expert@partner.example",
        "second@partner.example",
    ]
    page.context.clear_cookies()

    sign_in(page, reviewer.email)
    open_review(page, TITLE)
    score(page, {"Relevance": "5 – excellent", "Feasibility": "4 – very good", "Impact": "4 – very good"})
    page.get_by_text("No other reviewer has submitted a review yet.").wait_for()
    page.context.clear_cookies()

    # The second reviewer scores on a phone: the form fits the screen, nothing scrolls sideways.
    phone_context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    phone = phone_context.new_page()
    phone.set_default_timeout(10_000)
    phone_problems = BrowserProblems(phone)
    try:
        sign_in(phone, second.email)
        open_review(phone, TITLE)
        phone.get_by_role("heading", name="Your scores").wait_for()
        phone.wait_for_load_state("load")  # measured with the stylesheet applied, not the page's first unstyled layout
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], wider_than_the_screen(phone)
        score(phone, {"Relevance": "4 – very good", "Feasibility": "4 – very good", "Impact": "3 – good"})
        phone.get_by_role("heading", name="Lena Vogel").wait_for()  # the other review, now that this one is in
        phone.wait_for_load_state("load")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], wider_than_the_screen(phone)
    finally:
        phone_context.close()
    assert phone_problems.seen == [], "the phone saw problems:\n" + "\n".join(phone_problems.seen)
    assert Assignment.objects.filter(application=application, status=Assignment.Status.SUBMITTED).count() == 2

    sign_in(page, secretary.email)
    page.goto("/consultations/")
    page.get_by_role("link", name=f"Manage {CALL_TITLE}").click()
    rows = page.locator("table.ranking tbody tr")
    assert rows.count() == 2
    first = rows.nth(0)
    assert first.locator("td").nth(0).inner_text() == "1"
    assert first.locator(".stack-title").inner_text() == "Seoul Metropolitan Government"
    assert first.locator("td").nth(7).inner_text() == "2 / 2"
    assert rows.nth(1).locator(".stack-title").inner_text() == "Lisbon City Council"
    assert rows.nth(1).locator("td").nth(0).inner_text() == "2"
    page.get_by_role("region", name="Ranked table").get_by_role("link", name=f"Open {TITLE}").click()
    deciding = page.get_by_role("form", name="Decide")
    deciding.get_by_label("Awarded", exact=True).check()
    deciding.get_by_label("Message to the city").fill("Congratulations: a consultant will contact you in May.")
    deciding.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Decision recorded: Awarded. The city is told.").wait_for()
    history_table = page.get_by_role("region", name="History")
    for what in ("found the application eligible", "submitted a review", "recorded the decision"):
        assert history_table.get_by_text(what).count() >= 1
    page.context.clear_cookies()

    sign_in(page, cast["focal_point"].email)
    open_my_application(page)
    decision = page.get_by_role("region", name="The decision")
    decision.get_by_text("Awarded", exact=True).wait_for()
    decision.get_by_text("Congratulations: a consultant will contact you in May.").wait_for()

    application.refresh_from_db()
    assert application.status == Application.Status.AWARDED
    assert application.determination_message == "Congratulations: a consultant will contact you in May."
    lisbon.refresh_from_db()
    assert lisbon.status == Application.Status.IN_REVIEW
    assert [verb for verb, _email in history(application)][-6:] == [
        Verb.SCREENED_ELIGIBLE,
        Verb.REVIEWER_ASSIGNED,
        Verb.REVIEWER_ASSIGNED,
        Verb.REVIEW_SUBMITTED,
        Verb.REVIEW_SUBMITTED,
        Verb.DETERMINED,
    ]


def tiny_pdf(path):
    report = canvas.Canvas(str(path))
    report.drawString(72, 720, "Flood sensors for underpasses: final report")
    report.save()
    return path


def test_a_project_ends_in_a_case_the_city_signs_off_and_the_secretariat_publishes(page, cast, tmp_path):
    secretary, consultant, focal_point = cast["secretary"], cast["consultant"], cast["focal_point"]
    consultant.groups.add(Group.objects.get(name=review.CONSULTANTS))
    application = awarded_application(cast)
    today = timezone.localdate()

    sign_in(page, secretary.email)
    page.goto("/consultations/")
    page.get_by_role("link", name=f"Manage {CALL_TITLE}").click()
    page.get_by_role("region", name="Ranked table").get_by_role("link", name=f"Open {TITLE}").click()
    starting = page.get_by_role("form", name="Start the project")
    starting.get_by_label("Consultants").select_option(label="Daniela Ortiz (daniela@consult.example)")
    for months, milestone in enumerate(("Inception", "Site visit", "Draft report", "Final report"), start=1):
        due = today + dt.timedelta(days=30 * months)
        starting.get_by_label(re.compile(rf"^{milestone}\W.*due", re.IGNORECASE)).fill(due.isoformat())
    starting.get_by_role("button", name="Start the project").click()
    page.get_by_text("The project has started. The consultants are told.").wait_for()
    project = Project.objects.get(application=application)
    assert list(project.consultants.all()) == [consultant]
    page.context.clear_cookies()

    sign_in(page, consultant.email)
    page.get_by_role("region", name="Your consultation projects").get_by_role("link", name=TITLE).click()
    page.get_by_role("heading", level=1, name=TITLE).wait_for()
    for milestone in ("Inception", "Site visit", "Draft report"):
        form = page.get_by_role("form", name=f"Mark done: {milestone}")
        form.get_by_label("Note (optional)").fill(f"{milestone} done with the city's team.")
        form.get_by_role("button", name="Mark done").click()
        page.get_by_text(f"{milestone} is marked done.").wait_for()
    final = page.get_by_role("form", name="Mark done: Final report")
    final.get_by_label("The final report").set_input_files(tiny_pdf(tmp_path / "final-report.pdf"))
    final.get_by_role("button", name="Mark done").click()
    page.get_by_text("Final report is marked done.").wait_for()
    page.get_by_role("button", name="Complete the project and create the draft case").click()
    page.get_by_text("The project is complete.").wait_for()

    project.refresh_from_db()
    case = CasePage.objects.get()
    assert project.status == Project.Status.COMPLETED and project.case_id == case.pk
    assert not case.live and case.title == TITLE and case.organisation == cast["seoul"]
    page.context.clear_cookies()

    sign_in(page, focal_point.email)
    page.goto("/cases/sign-off/")
    page.get_by_role("heading", level=2, name=TITLE).wait_for()
    page.get_by_role("button", name="Sign off").click()
    page.get_by_text("Signed off.").wait_for()
    page.get_by_text("No case about your city is waiting for your sign-off.").wait_for()
    page.context.clear_cookies()

    secretary.groups.add(Group.objects.get(name=review.SECRETARIAT))
    sign_in(page, secretary.email)
    page.goto(f"/admin/pages/{case.id}/edit/")
    page.locator("footer").get_by_role("button", name="More actions").click()
    with page.expect_navigation():  # the approval posts, then Wagtail redirects: wait for it before asking the ORM
        page.locator("footer [data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    case.refresh_from_db()
    assert case.live
    page.context.clear_cookies()

    # The city follows the project to the published case, which says where it came from.
    sign_in(page, focal_point.email)
    page.goto("/consultations/")
    page.get_by_role("link", name="Your city's applications").click()
    page.get_by_role("link", name="Open the project").click()
    page.get_by_text("Published in the case library.").wait_for()
    page.get_by_role("link", name="Read the published case").click()
    page.get_by_role("heading", level=1, name=TITLE).wait_for()
    page.get_by_text(f"From the 2026 consultation programme: {CALL_TITLE}").wait_for()


def wider_than_the_screen(page):
    """The elements that stick out on the inline end, to say what made the page scroll sideways."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 8)
            .map(element => [element.tagName, element.className, Math.round(element.getBoundingClientRect().right),
                             (element.textContent || '').trim().slice(0, 60)].join(' '))"""
    )
