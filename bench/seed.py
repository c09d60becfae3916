"""Data at scale, written fast: bulk inserts where Wagtail allows, add_child for pages."""

import datetime as dt
import io
import sys
import time
from dataclasses import dataclass

SCALES = {
    # organisations come from the demo list (101); people are spread over them;
    # every course has two modules holding ``lessons`` lessons between them
    "tiny": {"users": 40, "courses": 5, "lessons": 2, "events": 5, "cases": 5, "toolkits": 5},
    "small": {"users": 500, "courses": 50, "lessons": 4, "events": 50, "cases": 100, "toolkits": 20},
    "toolkits": {"users": 2000, "courses": 20, "lessons": 2, "events": 20, "cases": 20, "toolkits": 1000},
    "medium": {"users": 2000, "courses": 200, "lessons": 4, "events": 200, "cases": 500, "toolkits": 50},
    "courses": {"users": 2000, "courses": 500, "lessons": 10, "events": 50, "cases": 50, "toolkits": 10},
    "events": {"users": 2000, "courses": 50, "lessons": 2, "events": 2000, "cases": 50, "toolkits": 10},
    "cases": {"users": 500, "courses": 20, "lessons": 2, "events": 20, "cases": 10000, "toolkits": 10},
    "large": {"users": 2000, "courses": 500, "lessons": 10, "events": 2000, "cases": 10000, "toolkits": 100},
}
EVENT_ZONES = ["Asia/Seoul", "Europe/Paris", "America/Bogota", "Africa/Nairobi", "Australia/Sydney", "America/New_York"]


@dataclass
class Seeded:
    counts: dict
    focal_city_slug: str
    member_email: str
    focal_point_email: str
    course_url: str = ""
    lesson_url: str = ""
    event_url: str = ""
    calendar_path: str = ""
    case_url: str = ""
    toolkit_url: str = ""
    certificate_url: str = ""
    download_url: str = ""
    secretary_email: str = ""
    ranking_url: str = ""
    gradebook_url: str = ""
    bank_lesson_url: str = ""
    peer_topic: str = ""


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
    from wagtail.models import Page, Site

    from cases.models import CaseIndexPage, CasePage
    from core.demo import ensure_child, ensure_home_page, seed_public_pages
    from core.demo_translations import synchronise_locales
    from core.models import SiteSettings
    from core.seeding import Progress
    from courses.models import CourseIndexPage, CoursePage
    from events.models import EventIndexPage, EventPage
    from members import services
    from members.demo import load_organisation_rows, organisation_from_row, seed_city_profiles
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

    organisations = Organisation.objects.bulk_create(organisation_from_row(row) for row in load_organisation_rows())
    say(f"  organisations: {len(organisations)}")
    # As seed_demo does: the cities' profiles (their names in every spelling, for the directory's name search) and
    # the privacy notice, terms and contact pages.
    quiet = Progress(io.StringIO())
    seed_city_profiles(quiet)
    seed_public_pages(home, SiteSettings.for_site(Site.objects.get(is_default_site=True)), quiet)

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
        lambda n: {
            "title": f"Course {n}: e-government in practice",
            "slug": f"course-{n}",
            "summary": "Learn what a city can do online.",
            "level": CoursePage.Level.values[n % 3],
        },
        "courses",
    )
    add_lessons(indexes["courses"], sizes["lessons"])
    # A year back and a year ahead, in several zones, kinds and formats.
    first = timezone.now().replace(minute=0, second=0, microsecond=0) - dt.timedelta(days=365)
    spacing = dt.timedelta(days=730) / max(sizes["events"], 1)
    add_pages(
        indexes["events"],
        EventPage,
        sizes["events"],
        lambda n: {
            "title": f"Event {n}: smart-city exchange",
            "slug": f"event-{n}",
            "summary": "City teams meet.",
            "start": first + spacing * n,
            "end": first + spacing * n + dt.timedelta(hours=3),
            "time_zone": EVENT_ZONES[n % len(EVENT_ZONES)],
            "kind": EventPage.Kind.values[n % len(EventPage.Kind.values)],
            "format": EventPage.Format.values[n % 3],
            "in_person_capacity": 100,
            "online_capacity": 500,
        },
        "events",
    )
    kinds, stages, bands = CasePage.Kind.values, CasePage.Stage.values, CasePage.BudgetBand.values
    add_pages(
        indexes["cases"],
        CasePage,
        sizes["cases"],
        lambda n: {
            "title": f"Case {n}: {['open data', 'smart parking', 'e-permits', 'mobility data'][n % 4]} pilot",
            "slug": f"case-{n}",
            "summary": "What a city tried, what it cost and what changed.",
            "organisation": organisations[n % len(organisations)],
            "kind": kinds[n % len(kinds)],
            "stage": stages[(n // 4) % len(stages)],
            "budget_band": bands[(n // 3) % len(bands)],
            "start_year": 2005 + n % 21,
        },
        "cases",
    )
    tag_topics(CasePage, ["open-data", "e-government", "smart-mobility"])
    add_pages(
        indexes["toolkits"],
        ToolkitPage,
        sizes["toolkits"],
        lambda n: {
            "title": f"Toolkit {n}: {['open-data policy', 'feasibility template', 'strategy guide'][n % 3]}",
            "slug": f"toolkit-{n}",
            "summary": "Guides and templates member cities download and adapt.",
            "kind": ToolkitPage.Kind.values[n % len(ToolkitPage.Kind.values)],
            "audience": ToolkitPage.Audience.MEMBERS if n % 3 == 0 else ToolkitPage.Audience.PUBLIC,
        },
        "toolkits",
    )
    tag_topics(ToolkitPage, ["open-data", "e-government", "citizen-participation"])
    toolkit_url, download_url = add_toolkit_releases(memberships)
    member = next(m for m in memberships if m.status == Membership.Status.APPROVED and m.pk != focal.pk)
    course_url, lesson_url = enroll_learners(memberships)
    event_url, calendar_path = register_attendees(memberships, member.user)
    secretary_email, ranking_url = add_consultations(home, organisations, password)
    # The gradebook of every person and a quiz drawing from a bank of 500 questions (issue 21).
    from bench import seed_grades

    gradebook_url, bank_lesson_url = seed_grades.seed(indexes["courses"], users, member.user, secretary_email)
    # Every approved member shows a profile to the others (issue 22).
    from bench import seed_community

    peer_topic = seed_community.seed(memberships)
    # French as the demo has it: every page there too, an alias until it is translated (issue 18: a French listing
    # costs what the English one does).
    started = time.monotonic()
    synchronise_locales(["fr"])
    french = Page.objects.filter(locale__language_code="fr").count()
    say(f"  French tree: {french} pages ({time.monotonic() - started:.1f} s)")
    return Seeded(
        counts={"organisations": len(organisations), **sizes},
        focal_city_slug=focal.organisation.slug,
        member_email=member.user.email,
        focal_point_email=focal.user.email,
        course_url=course_url,
        lesson_url=lesson_url,
        event_url=event_url,
        calendar_path=calendar_path,
        case_url=CasePage.objects.live().order_by("-id").first().url,
        toolkit_url=toolkit_url,
        download_url=download_url,
        certificate_url=certificate_url(),
        secretary_email=secretary_email,
        ranking_url=ranking_url,
        gradebook_url=gradebook_url,
        bank_lesson_url=bank_lesson_url,
        peer_topic=peer_topic,
    )


def tag_topics(model, slugs):
    """Give every page of ``model`` one of a few topics, in one bulk insert."""
    from wagtail.models import Locale

    from core.models import Topic

    topics = [
        Topic.objects.get_or_create(
            slug=slug, locale=Locale.get_default(), defaults={"name": slug.replace("-", " ").title()}
        )[0]
        for slug in slugs
    ]
    through = model.topics.through
    field = f"{model._meta.model_name}_id"
    through.objects.bulk_create(
        through(**{field: page_id, "topic_id": topics[number % len(topics)].id})
        for number, page_id in enumerate(model.objects.order_by("id").values_list("id", flat=True))
    )


def register_attendees(memberships, member, count=120):
    """Fill one upcoming event past its in-person seats (so it has a waiting list); the member is in."""
    from django.utils import timezone

    from events import services
    from events.models import EventPage
    from members.models import Membership

    upcoming = EventPage.objects.live().filter(start__gt=timezone.now()).exclude(format=EventPage.Format.ONLINE)
    event = upcoming.order_by("start").first()
    people = [member, *[m.user for m in memberships if m.status == Membership.Status.APPROVED][:count]]
    for person in people:
        services.register(event=event, user=person, mode="in_person", consent=True)
    say(f"  attendees: {len(people)} registered for {event.title!r}")
    local = event.local_start
    return event.url, f"/events/calendar/{local.year}/{local.month}/"


def add_lessons(course_index, per_course):
    from courses.models import CoursePage, LessonPage, ModulePage

    courses = list(CoursePage.objects.child_of(course_index))
    started = time.monotonic()
    for number, course in enumerate(courses, start=1):
        for m in (1, 2):
            module = course.add_child(instance=ModulePage(title=f"Module {m}", slug=f"module-{m}"))
            for n in range(per_course // 2 + (per_course % 2 if m == 1 else 0)):
                module.add_child(
                    instance=LessonPage(
                        title=f"Lesson {m}.{n + 1}", slug=f"lesson-{n + 1}", summary="A lesson for city staff."
                    )
                )
        if number % 25 == 0 or number == len(courses):
            sys.stdout.write(f"\r  lessons: {number}/{len(courses)} courses")
            sys.stdout.flush()
    sys.stdout.write(f" ({time.monotonic() - started:.1f} s)\n")


def enroll_learners(memberships):
    """Approved members take the first course and have done half of it (through the real services)."""
    from courses import services
    from courses.models import CoursePage

    course = CoursePage.objects.order_by("path").first()
    lessons = list(course.required_lessons())
    learners = [m.user for m in memberships if m.status == "approved"][:200]
    for user in learners:
        services.enroll(user=user, course=course)
        for lesson in lessons[: len(lessons) // 2]:
            services.mark_lesson_complete(user=user, course=course, lesson=lesson)
    say(f"  learners: {len(learners)} enrolled in {course.title!r}, half done")
    add_quiz(lessons[-1])
    add_certificates(course)
    return course.url, lessons[len(lessons) // 2].url


def add_quiz(lesson, questions=10):
    """A ten-question quiz (one- and several-answer questions) on the course's last lesson."""
    from courses.models import Choice, Question, Quiz

    quiz = Quiz.objects.create(title="Bench quiz", pass_mark=70)
    for number in range(questions):
        kind = "multiple" if number % 3 == 0 else "single"
        question = Question.objects.create(quiz=quiz, text=f"Question {number}?", kind=kind, sort_order=number)
        Choice.objects.bulk_create(
            Choice(
                question=question,
                text=f"Choice {n}",
                correct=n == 0 or (kind == "multiple" and n == 1),
                sort_order=n,
                locale_id=quiz.locale_id,  # bulk_create skips the signal that sets a translatable row's locale
            )
            for n in range(4)
        )
    type(lesson).objects.filter(pk=lesson.pk).update(quiz=quiz)
    say(f"  quiz: {questions} questions on {lesson.title!r}")


def add_certificates(course):
    """A certificate for every enrolment in the course (bulk, for the verification page)."""
    from courses.models import Certificate, Enrollment
    from courses.models.certificates import new_code

    Certificate.objects.bulk_create(
        Certificate(
            enrollment=enrollment,
            code=new_code(),
            name=f"Learner {enrollment.user_id}",
            course_title=course.title,
            hours=course.effort_hours,
            issuer="WeGo (bench)",
        )
        for enrollment in Enrollment.objects.filter(course=course)
    )
    say(f"  certificates: {Certificate.objects.count()}")


MEGABYTE = 1024 * 1024


def add_toolkit_releases(memberships, downloads=50_000):
    """Two releases of three files (PDF, DOCX, XLSX; English, French, Spanish) per toolkit, a public 1 MB file,
    and ``downloads`` counted downloads by member staff. Bulk inserts; the documents are shared."""
    import datetime as dt
    import random

    from django.core.files.base import ContentFile
    from django.utils import timezone
    from wagtail.documents import get_document_model

    from members.models import Membership
    from toolkits import services
    from toolkits.models import Download, ReleaseFile, ToolkitPage, ToolkitRelease

    Document = get_document_model()
    public, restricted = services.public_toolkits_collection(), services.members_only_collection()

    def document(name, content, collection):
        doc = Document(title=name, collection=collection)
        doc.file.save(f"toolkits/{name}", ContentFile(content), save=False)
        doc._set_document_file_metadata()
        doc.save()
        return doc

    shared = {
        collection.id: [
            document(f"guide-{collection.id}.pdf", b"%PDF-1.4 " + b"x" * 20_000, collection),
            document(f"worksheets-{collection.id}.docx", b"PK\x03\x04" + b"x" * 20_000, collection),
            document(f"workbook-{collection.id}.xlsx", b"PK\x03\x04" + b"x" * 20_000, collection),
        ]
        for collection in (public, restricted)
    }
    big = document("one-megabyte-guide.pdf", b"%PDF-1.4 " + bytes(MEGABYTE - 9), public)
    toolkits = list(ToolkitPage.objects.order_by("id").values_list("id", "audience"))
    today = timezone.localdate()
    releases = ToolkitRelease.objects.bulk_create(
        ToolkitRelease(
            toolkit_id=toolkit_id, version=version, released_on=today - dt.timedelta(days=days), sort_order=n
        )
        for toolkit_id, _ in toolkits
        for n, (version, days) in enumerate((("1.0", 400), ("2.0", 30)))
    )
    audience = dict(toolkits)
    files = ReleaseFile.objects.bulk_create(
        ReleaseFile(
            release_id=release.id,
            document=shared[restricted.id if audience[release.toolkit_id] == "members" else public.id][n],
            language=language,
            sort_order=n,
        )
        for release in releases
        for n, language in enumerate(("en", "fr", "es"))
    )
    first_public = next(toolkit_id for toolkit_id, kind in toolkits if kind == "public")
    latest = ToolkitRelease.objects.filter(toolkit_id=first_public, version="2.0").get()
    big_file = ReleaseFile.objects.create(release=latest, document=big, language="en", title="The 1 MB guide")
    files = list(ReleaseFile.objects.select_related("release").order_by("id"))
    staff = [m for m in memberships if m.status == Membership.Status.APPROVED]
    rng = random.Random(11)
    now = timezone.now()
    rows = []
    for number in range(downloads):
        file, person = rng.choice(files), rng.choice(staff)
        when = now - dt.timedelta(minutes=number * 7)
        rows.append(
            Download.of(
                file,
                user_id=person.user_id,
                organisation_id=person.organisation_id,
                visitor=f"bench-{person.user_id}",
                when=when,
            )
        )
    Download.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    say(f"  toolkit releases: {len(releases)}, files: {len(files)}, downloads: {Download.objects.count()}")
    toolkit = ToolkitPage.objects.get(id=first_public)
    return toolkit.url, toolkit.url + toolkit.reverse_subpage("download", args=[big_file.id])


def seeded_from_database():
    """With --reuse: find the people and city the pages need in a database seeded before."""
    from bench import seed_community, seed_grades
    from cases.models import CasePage
    from courses.models import Enrollment
    from members.models import Membership, Organisation, User

    focal = Membership.objects.select_related("user", "organisation").get(role=Membership.Role.FOCAL_POINT)
    enrollment = Enrollment.objects.select_related("user", "course").order_by("id").first()
    lessons = list(enrollment.course.required_lessons())
    from events.models import Registration

    registration = Registration.objects.select_related("event").order_by("id").first()
    local = registration.event.local_start if registration else None
    return Seeded(
        counts={"organisations": Organisation.objects.count(), "users": User.objects.count()},
        focal_city_slug=focal.organisation.slug,
        member_email=enrollment.user.email,
        focal_point_email=focal.user.email,
        course_url=enrollment.course.url,
        lesson_url=lessons[len(lessons) // 2].url,
        event_url=registration.event.url if registration else "",
        calendar_path=f"/events/calendar/{local.year}/{local.month}/" if local else "",
        case_url=CasePage.objects.live().order_by("-id").first().url,
        **toolkit_urls(),
        certificate_url=certificate_url(),
        **consultation_urls(),
        **seed_grades.urls_from_database(),
        peer_topic=seed_community.topic_from_database(),
    )


def certificate_url():
    from courses.models import Certificate

    certificate = Certificate.objects.order_by("id").first()
    return certificate.get_absolute_url() if certificate else ""


def toolkit_urls():
    from toolkits.models import ReleaseFile

    big = ReleaseFile.objects.filter(title="The 1 MB guide").select_related("release__toolkit").first()
    if big is None:
        return {}
    toolkit = big.release.toolkit.specific
    return {
        "toolkit_url": toolkit.url,
        "download_url": toolkit.url + toolkit.reverse_subpage("download", args=[big.id]),
    }


CONSULTATION_REVIEWERS = 5
SECRETARY = "secretary@bench.example"


def add_consultations(home, organisations, password):
    """A closed call with an application from every city (101), each scored by five reviewers on four criteria:
    the secretariat's ranked table at the programme's real size. Returns (the secretary's email, its URL)."""
    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from consultations import access
    from consultations.models import Application, Assignment, CallPage, ConsultationProgrammePage, Criterion, Score
    from core.demo import ensure_child
    from members.models import User

    started = time.monotonic()
    secretariat, reviewers_group = access.ensure_groups()
    secretary = User.objects.create(email=SECRETARY, first_name="Hana", last_name="Secretary", password=password)
    EmailAddress.objects.create(user=secretary, email=secretary.email, verified=True, primary=True)
    secretary.groups.add(secretariat)
    reviewers = User.objects.bulk_create(
        User(email=f"reviewer{n}@bench.example", first_name="Reviewer", last_name=str(n), password=password)
        for n in range(CONSULTATION_REVIEWERS)
    )
    reviewers_group.user_set.add(*reviewers)
    programme = ensure_child(home, ConsultationProgrammePage, "consultations", title="Consultation programme")[0]
    now = timezone.now()
    call = CallPage(
        title="2026 feasibility studies",
        slug="2026-feasibility-studies",
        summary="Member cities apply for a feasibility study.",
        programme_year=2026,
        opens_at=now - dt.timedelta(days=90),
        closes_at=now - dt.timedelta(days=30),
        awards=3,
    )
    programme.add_child(instance=call)
    criteria = Criterion.objects.bulk_create(
        Criterion(call=call, sort_order=n, name=name, weight=weight)
        for n, (name, weight) in enumerate([("Relevance", 3), ("Feasibility", 2), ("Impact", 2), ("Team", 1)])
    )
    applications = Application.objects.bulk_create(
        Application(
            call=call,
            organisation=organisation,
            slot=1,
            status=Application.Status.IN_REVIEW,
            title=f"{organisation.city}: flood early warning study",
            challenge="Flooded underpasses close school routes.",
            objectives="Study sensors and alerts.",
            expected_outcomes="A costed plan.",
            submitted_at=now - dt.timedelta(days=40),
        )
        for organisation in organisations
    )
    assignments = Assignment.objects.bulk_create(
        Assignment(
            application=application,
            reviewer=reviewer,
            status=Assignment.Status.SUBMITTED,
            submitted_at=now - dt.timedelta(days=10),
        )
        for application in applications
        for reviewer in reviewers
    )
    Score.objects.bulk_create(
        Score(assignment=assignment, criterion=criterion, score=1 + (n * 7 + m * 3) % 5)
        for n, assignment in enumerate(assignments)
        for m, criterion in enumerate(criteria)
    )
    say(
        f"  consultations: {len(applications)} applications × {len(reviewers)} reviews "
        f"({time.monotonic() - started:.1f} s)"
    )
    return secretary.email, programme.url + programme.reverse_subpage("manage_call", args=[call.pk])


def consultation_urls():
    from consultations.models import CallPage, ConsultationProgrammePage

    programme = ConsultationProgrammePage.objects.first()
    call = CallPage.objects.order_by("id").first()
    if programme is None or call is None:
        return {}
    return {
        "secretary_email": SECRETARY,
        "ranking_url": programme.url + programme.reverse_subpage("manage_call", args=[call.pk]),
    }
