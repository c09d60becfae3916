"""Demo content of the consultation programme, seeded through the programme's own services.

- The people: the secretariat's programme manager, five partner experts who only review, a second consultant, and
  the focal points of the applicant cities that had none.
- /consultations/, the programme page, under the home page.
- A closed feasibility-study call with twelve applications from member cities of every region. They were written
  and submitted while the call was open (the call is created open, then moved into the past); one was found not
  eligible, the other eleven were reviewed three times each, three were awarded, two put on the waiting list and
  six declined. One awarded project is completed and its case, signed off by the city and approved by the
  secretariat, is published in the case library; one is under way with a milestone late; the third has not started.
- An open pilot-project call that closes in 45 days at 18:00 in Seoul, open to every region, with no application
  from Seoul, so that Seoul's focal point can apply as a newcomer.

The services stamp everything "now"; each step is then dated where it belongs in the call's timetable (the history,
the submissions, reviews, decisions and milestones), so the history reads as it would have happened.

Idempotent: the people are found by email, the pages by slug, and a call that exists is left as it is (with its
applications, reviews and projects), so a second run creates nothing.
"""

import datetime as dt
import zoneinfo
from contextlib import contextmanager

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, TaskState
from wagtail.rich_text import RichText

from cases import review
from cases.demo import CONSULTANT, SECRETARIAT_REVIEWER
from cases.models import CasePage, CitySignOffTask
from core.demo import ensure_index
from core.i18n import in_default_language
from core.models import Topic
from members.demo import ensure_person
from members.models import Membership, User
from toolkits import demo_files as toolkit_files

from . import access, services
from . import demo_content as content
from .models import (
    Application,
    ApplicationEvent,
    Assignment,
    Attachment,
    CallPage,
    CallQuestion,
    ConsultationProgrammePage,
    Criterion,
    Milestone,
    Project,
)

ZONE = "Asia/Seoul"

# The closed call's timetable, in days from the day of seeding.
CLOSED_OPENS, CLOSED_CLOSES = -200, -150
SCREENED = -146
ASSIGNED = -144
REVIEWS_FROM = -140  # reviews come in over the next three weeks
DETERMINED = -112
COMPLETED_PROJECT_STARTS = -105  # a week after the decisions
UNDER_WAY_PROJECT_STARTS = -98
# The open call: opened two weeks ago, closes in about 45 days.
OPEN_OPENS, OPEN_CLOSES = -14, 45


def seed(progress):
    people = ensure_people(progress)
    programme = ensure_index(
        ConsultationProgrammePage, "consultations", content.PROGRAMME_TITLE, content.PROGRAMME_INTRO, progress
    )
    now = timezone.now()
    progress.record(seed_closed_call(programme, people, now))
    progress.record(seed_open_call(programme, people, now))


# --- People --------------------------------------------------------------------------------------------------


def ensure_people(progress):
    """Everyone the programme's demo needs, by email: {email: user}."""
    secretariat, reviewers = access.ensure_groups()
    consultants = Group.objects.get_or_create(name=review.CONSULTANTS)[0]
    people = {}
    for person in progress.iterate(
        [*content.SECRETARIAT_PEOPLE, *content.REVIEWERS, *content.CONSULTANTS, *content.FOCAL_POINTS],
        "programme people",
    ):
        user, created = ensure_person(person)
        progress.record(created)
        people[person.email] = user
    for person in content.SECRETARIAT_PEOPLE:
        people[person.email].groups.add(secretariat)
    for person in content.REVIEWERS:
        people[person.email].groups.add(reviewers)
    # The case library's consultant (members.demo) and the programme's second one.
    for user in User.objects.filter(email__in=[CONSULTANT, *(person.email for person in content.CONSULTANTS)]):
        user.groups.add(consultants)
        people[user.email] = user
    return people


def focal_points():
    """{organisation slug: its focal point}, for the applicant cities (the first approved focal point of each)."""
    slugs = {entry["city"] for entry in [*content.APPLICATIONS, *content.OPEN_CALL_APPLICATIONS]}
    memberships = (
        Membership.objects.filter(
            organisation__slug__in=slugs, role=Membership.Role.FOCAL_POINT, status=Membership.Status.APPROVED
        )
        .select_related("user", "organisation")
        .order_by("pk")
    )
    found = {}
    for membership in memberships:
        found.setdefault(membership.organisation.slug, membership.user)
    return found


# --- Dates ---------------------------------------------------------------------------------------------------


def local_moment(now, days, hour, minute=0, zone=ZONE):
    """``days`` from the day of ``now`` in ``zone``, at ``hour``:``minute`` there."""
    tz = zoneinfo.ZoneInfo(zone)
    day = timezone.localtime(now, tz).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


@contextmanager
def dated(moment):
    """The history written by the services inside the block is dated ``moment``."""
    last = ApplicationEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    ApplicationEvent.objects.filter(pk__gt=last).update(at=moment)


# --- Files ---------------------------------------------------------------------------------------------------


DEMO_NOTE = "Demo content: written to demonstrate WeGo Hub's consultation programme."


def pdf(title, paragraphs):
    """A small, valid PDF (the toolkits' demo maker), which says it is demo content."""
    return toolkit_files.pdf(title, [*paragraphs, DEMO_NOTE])


def pdf_file(title, paragraphs):
    return ContentFile(pdf(title, paragraphs), name=f"{slugify(title)[:60]}.pdf")


def guidance_document(title, paragraphs):
    """The call's guidance as a public library document (found again by its title)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=Collection.get_first_root_node())
    document.file.save(f"{slugify(title)[:60]}.pdf", ContentFile(pdf(title, paragraphs)), save=False)
    document.save()
    return document


# --- Calls ---------------------------------------------------------------------------------------------------


def call_body(blocks):
    body = []
    for kind, *value in blocks:
        if kind == "heading":
            body.append(("heading", {"text": value[0], "level": "h2"}))
        elif kind == "paragraph":
            body.append(("paragraph", RichText(value[0])))
        elif kind == "callout":
            title, text = value
            body.append(("callout", {"tone": "info", "title": title, "text": RichText(text)}))
    return body


def create_call(programme, spec, *, opens_at, closes_at, year):
    """The call page with its criteria and questions, published."""
    call = CallPage(
        slug=spec["slug"],
        title=spec["title"].format(year=year),
        summary=spec["summary"],
        kind=spec["kind"],
        programme_year=year,
        opens_at=opens_at,
        closes_at=closes_at,
        time_zone=ZONE,
        awards=spec["awards"],
        body=call_body(spec["body"]),
        documents=[("document", guidance_document(*spec["guidance_document"]))],
    )
    programme.add_child(instance=call)
    call.topics.set(in_default_language(Topic.objects.filter(slug__in=spec["topics"])))
    for position, (name, description, weight) in enumerate(spec["criteria"]):
        Criterion.objects.create(call=call, sort_order=position, name=name, description=description, weight=weight)
    for position, (label, kind, choices, required) in enumerate(spec["questions"]):
        CallQuestion.objects.create(
            call=call, sort_order=position, label=label, kind=kind, choices=choices, required=required
        )
    call.save_revision().publish()
    return CallPage.objects.get(pk=call.pk)


def existing_call(programme, slug):
    return CallPage.objects.child_of(programme).filter(slug=slug).first()


def answers_for(call, texts):
    questions = list(call.questions.order_by("sort_order"))
    return {question.label: text for question, text in zip(questions, texts, strict=False) if text}


def write_application(call, entry, focal_point, *, started, submitted=None, attachment=None):
    """The focal point starts, writes (and attaches, and submits) the city's application, as they would on the
    site; the steps are dated ``started`` and ``submitted``."""
    with dated(started):
        application = services.start_application(call=call, user=focal_point, title=entry["title"])
        services.save_application(
            application=application,
            user=focal_point,
            data={
                "title": entry["title"],
                "challenge": entry["challenge"],
                "objectives": entry["objectives"],
                "expected_outcomes": entry["expected_outcomes"],
                "partners": "\n".join(entry["partners"]),
                "contact_name": focal_point.get_full_name(),
                "contact_email": focal_point.email,
            },
            answers=answers_for(call, entry["answers"]),
        )
    if attachment:
        uploaded = started + dt.timedelta(days=2)
        with dated(uploaded):
            added = services.add_attachment(
                application=application, user=focal_point, title=attachment[0], file=pdf_file(*attachment)
            )
        Attachment.objects.filter(pk=added.pk).update(uploaded_at=uploaded)
    Application.objects.filter(pk=application.pk).update(created_at=started, updated_at=started)
    if submitted is not None:
        with dated(submitted):
            services.submit_application(application=application, user=focal_point)
        Application.objects.filter(pk=application.pk).update(submitted_at=submitted, updated_at=submitted)
    return Application.objects.get(pk=application.pk)


# --- The closed call -----------------------------------------------------------------------------------------


def seed_closed_call(programme, people, now):
    """The call, its twelve applications, the reviews, the decisions and the projects. False if it exists."""
    spec = content.CLOSED_CALL
    if existing_call(programme, spec["slug"]) is not None:
        return False
    opens_at = local_moment(now, CLOSED_OPENS, 9)
    closes_at = local_moment(now, CLOSED_CLOSES, 18)
    # Created open, so that the cities can apply through the services; closed once they have.
    call = create_call(
        programme,
        spec,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=30),
        year=closes_at.year,
    )
    cities = focal_points()
    applications = {}
    for number, entry in enumerate(content.APPLICATIONS):
        submitted = closes_at - dt.timedelta(days=entry["submitted"], hours=3 + number % 5, minutes=7 * number)
        applications[entry["city"]] = write_application(
            call,
            entry,
            cities[entry["city"]],
            started=submitted - dt.timedelta(days=24 + number % 4, hours=2),
            submitted=submitted,
            attachment=entry.get("attachment"),
        )
    call.opens_at, call.closes_at = opens_at, closes_at
    call.save_revision().publish()
    call = CallPage.objects.get(pk=call.pk)

    secretary = people[content.SECRETARY]
    screen(applications, secretary, now)
    assignments = assign_reviewers(applications, secretary, people, now)
    submit_reviews(call, assignments, people, now)
    determine(applications, secretary, now)
    complete_project(applications[content.COMPLETED_PROJECT["city"]], secretary, people, cities, now)
    start_project(applications[content.UNDER_WAY_PROJECT["city"]], content.UNDER_WAY_PROJECT, secretary, people, now)
    return True


def screen(applications, secretary, now):
    moment = local_moment(now, SCREENED, 10)
    for slug, application in applications.items():
        reason = content.INELIGIBLE.get(slug, "")
        with dated(moment):
            services.screen(application=application, by=secretary, eligible=not reason, reason=reason)


def assign_reviewers(applications, secretary, people, now):
    """{(city slug, reviewer email): assignment}. Three reviewers each; a reviewer with a conflict steps back the
    next day, and the secretariat assigns the fourth on the list two hours later."""
    assignments = {}
    for slug, emails in content.ASSIGNMENTS.items():
        assigned_at = stepped_back = local_moment(now, ASSIGNED, 11)
        for position, email in enumerate(emails):
            if position == 3:
                assigned_at = stepped_back + dt.timedelta(hours=2)
            with dated(assigned_at):
                assignment = services.assign_reviewer(
                    application=applications[slug], by=secretary, reviewer=people[email]
                )
            Assignment.objects.filter(pk=assignment.pk).update(assigned_at=assigned_at)
            note = content.CONFLICTS.get((slug, email))
            if note:
                stepped_back = assigned_at + dt.timedelta(days=1, hours=3)
                with dated(stepped_back):
                    services.declare_conflict(assignment=assignment, user=people[email], note=note)
            else:
                assignments[slug, email] = assignment
    return assignments


def submit_reviews(call, assignments, people, now):
    criteria = list(call.criteria.order_by("sort_order"))
    for number, (slug, reviews) in enumerate(content.REVIEWS.items()):
        for turn, (email, scores, comments, overall) in enumerate(reviews):
            moment = local_moment(now, REVIEWS_FROM + (number * 3 + turn * 5) % 21, 9 + (number + turn) % 9, 15)
            with dated(moment):
                assignment = services.submit_review(
                    assignment=assignments[slug, email],
                    user=people[email],
                    scores={
                        criterion.pk: (score, comment)
                        for criterion, score, comment in zip(criteria, scores, comments, strict=True)
                    },
                    comment=overall,
                )
            Assignment.objects.filter(pk=assignment.pk).update(submitted_at=moment)


def determine(applications, secretary, now):
    moment = local_moment(now, DETERMINED, 16)
    for slug, (outcome, message) in content.DETERMINATIONS.items():
        with dated(moment):
            services.determine(application=applications[slug], by=secretary, outcome=outcome, message=message)
        Application.objects.filter(pk=applications[slug].pk).update(determined_at=moment)


def start_project(application, spec, secretary, people, now):
    """The project with its consultants and the milestones the spec says are done, with their deliverables."""
    started = local_moment(
        now,
        COMPLETED_PROJECT_STARTS if spec is content.COMPLETED_PROJECT else UNDER_WAY_PROJECT_STARTS,
        10,
    )
    due = {kind: (started + dt.timedelta(days=days)).date() for kind, days, *_rest in spec["milestones"]}
    with dated(started):
        project = services.start_project(
            application=application,
            by=secretary,
            consultants=[people[email] for email in spec["consultants"]],
            due_dates=due,
        )
    Project.objects.filter(pk=project.pk).update(started_at=started)
    lead = people[spec["consultants"][0]]
    for kind, _days, done_after, note, deliverable in spec["milestones"]:
        if done_after is None:
            continue
        milestone = project.milestones.get(kind=kind)
        services.complete_milestone(
            milestone=milestone, user=lead, note=note, deliverable=pdf_file(*deliverable) if deliverable else None
        )
        done = dt.datetime.combine(due[kind] + dt.timedelta(days=done_after), dt.time(15), tzinfo=started.tzinfo)
        Milestone.objects.filter(pk=milestone.pk).update(completed_at=done)
    return Project.objects.get(pk=project.pk)


def complete_project(application, secretary, people, cities, now):
    """The Da Nang study: every milestone done, the project completed into a draft case, which the consultant
    finishes, the city's focal point signs off and the secretariat approves: it is published in the library."""
    spec = content.COMPLETED_PROJECT
    project = start_project(application, spec, secretary, people, now)
    consultant = people[spec["consultants"][0]]
    case = services.complete_project(project=project, by=consultant)
    final_due = project.milestones.get(kind=Milestone.Kind.FINAL_REPORT).due_on
    completed = dt.datetime.combine(final_due, dt.time(17), tzinfo=zoneinfo.ZoneInfo(ZONE))
    Project.objects.filter(pk=project.pk).update(completed_at=completed)
    # The draft as the consultant opens it in the admin: its latest revision (topics and consultants are there).
    finish_case(CasePage.objects.get(pk=case.pk).get_latest_revision_as_object(), consultant, cities[spec["city"]])


def finish_case(case, consultant, focal_point):
    """What the consultant writes before the review, then the review: the city signs off, the secretariat
    approves, and Wagtail publishes the case."""
    text = content.COMPLETED_CASE
    case.summary = text["summary"]
    case.results = format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in text["results"]))
    case.lessons = format_html(
        "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in text["lessons"]))
    )
    case.end_year = case.start_year
    case.budget_band = text["budget_band"]
    case.technologies.add(*text["technologies"])
    case.save_revision(user=consultant)

    step = in_progress_task(case)
    if isinstance(step.task.specific, CitySignOffTask):  # a city without a focal point passes this step by itself
        review.decide_sign_off(task_state_id=step.pk, user=focal_point, approve=True, comment=text["sign_off_comment"])
        step = in_progress_task(case)
    # The case library's knowledge manager reviews cases for the secretariat (cases.demo).
    secretariat = User.objects.filter(email=SECRETARIAT_REVIEWER).first()
    step.task.specific.on_action(step.specific, secretariat, "approve", comment=text["approval_comment"])


def in_progress_task(case):
    return (
        TaskState.objects.filter(workflow_state__object_id=str(case.pk), status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task")
        .get()
    )


# --- The open call -------------------------------------------------------------------------------------------


def seed_open_call(programme, people, now):
    spec = content.OPEN_CALL
    if existing_call(programme, spec["slug"]) is not None:
        return False
    closes_at = local_moment(now, OPEN_CLOSES, 18)
    call = create_call(
        programme, spec, opens_at=local_moment(now, OPEN_OPENS, 9), closes_at=closes_at, year=closes_at.year
    )
    cities = focal_points()
    for number, entry in enumerate(content.OPEN_CALL_APPLICATIONS):
        started = now - dt.timedelta(days=9 - 3 * number, hours=5)
        write_application(
            call,
            entry,
            cities[entry["city"]],
            started=started,
            submitted=started + dt.timedelta(days=4) if entry["submit"] else None,
        )
    return True
