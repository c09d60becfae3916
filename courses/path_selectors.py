"""Reads for learning paths (their page, the catalogue, /me/) and the learner's transcript. Each is a fixed number of
queries, whatever the number of paths, courses or events.

A path's courses are its original page's (the one its completions are kept against), shown in the reader's language;
a learner's enrolments, completions and certificates are kept against the original pages and matched by translation
key (courses.selectors)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from wagtail import hooks

from core.i18n import active_language

from .models import CoursePage, Enrollment, LearningPathPage, PathCompletion, PathCourse
from .models.certificates import completion_date
from .selectors import in_language_of_reader, one_per_key, progress_for

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"


@dataclass
class PathStep:
    """One course of a path as a reader sees it, with the learner's state in it."""

    course: CoursePage  # in the reader's language (a translation, or the alias standing in), else the original
    state: str = NOT_STARTED
    percent: int = 0
    requires: list = field(default_factory=list)  # courses it requires that the learner has not completed


@dataclass
class PathProgress:
    path: LearningPathPage  # the page shown
    steps: list
    completion: PathCompletion | None = None

    @property
    def total(self):
        return len(self.steps)

    @property
    def done(self):
        return sum(1 for step in self.steps if step.state == COMPLETED)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def hours(self):
        return sum(step.course.effort_hours for step in self.steps)

    @property
    def certificate(self):
        return getattr(self.completion, "certificate", None) if self.completion else None

    @property
    def next_step(self):
        """The first course not completed, in the path's order (in progress or not started)."""
        return next((step for step in self.steps if step.state != COMPLETED), None)


def path_courses_by_key(path_keys):
    """{path translation key: [original courses, in the path's order]}: the courses of each path's original page
    (the lowest id of its key). One query."""
    rows = (
        PathCourse.objects.filter(path__translation_key__in=path_keys, course__live=True)
        .select_related("course", "path")
        .order_by("path_id", "sort_order", "id")
    )
    first_path, courses = {}, defaultdict(list)
    for row in rows:
        key = row.path.translation_key
        first_path.setdefault(key, row.path_id)
        if row.path_id == first_path[key]:
            courses[key].append(row.course)
    return courses


def paths_progress(user, paths):
    """[PathProgress] for ``paths`` (pages as shown), with ``user``'s state in each course (none for a visitor).
    At most eight queries, whatever the number of paths and courses."""
    paths = list(paths)
    courses = path_courses_by_key({path.translation_key for path in paths})
    originals = [course for path_courses in courses.values() for course in path_courses]
    shown = in_language_of_reader(originals, CoursePage)
    course_keys = {course.translation_key for course in originals}
    signed_in = user.is_authenticated and bool(course_keys)
    enrollments = (
        list(Enrollment.objects.filter(user=user, course__translation_key__in=course_keys).select_related("course"))
        if signed_in
        else []
    )
    progress = progress_for([e for e in enrollments if e.completed_at is None and e.is_current])
    by_key = {enrollment.course.translation_key: enrollment for enrollment in enrollments}
    done_keys = {key for key, enrollment in by_key.items() if enrollment.completed_at is not None}
    requires = required_by(originals, done_keys) if signed_in else {}
    completions = (
        {
            completion.path.translation_key: completion
            for completion in PathCompletion.objects.filter(
                user=user, path__translation_key__in=[path.translation_key for path in paths]
            ).select_related("path", "certificate")
        }
        if user.is_authenticated and paths
        else {}
    )
    result = []
    for path in paths:
        steps = []
        for course in courses.get(path.translation_key, []):
            step = PathStep(course=shown[course.pk], requires=requires.get(course.pk, []))
            enrollment = by_key.get(course.translation_key)
            if enrollment is not None and enrollment.completed_at is not None:
                step.state, step.percent, step.requires = COMPLETED, 100, []
            elif enrollment is not None and enrollment.is_current:
                step.state, step.percent, step.requires = IN_PROGRESS, progress[enrollment.id].percent, []
            steps.append(step)
        result.append(PathProgress(path=path, steps=steps, completion=completions.get(path.translation_key)))
    return result


def required_by(courses, done_keys):
    """{original course id: [required courses not completed (``done_keys``), in the reader's language]}: one query
    for the requirements and one for the pages that name them."""
    through = CoursePage.prerequisites.through
    rows = list(
        through.objects.filter(from_coursepage__in=[course.pk for course in courses]).values_list(
            "from_coursepage_id", "to_coursepage__translation_key"
        )
    )
    keys = {key for _course, key in rows if key not in done_keys}
    if not keys:
        return {}
    pages = one_per_key(CoursePage.objects.live().filter(translation_key__in=keys).select_related("locale"))
    missing = defaultdict(list)
    for course_id, key in rows:
        if key in pages:
            missing[course_id].append(pages[key])
    return missing


def learning_path_context(request, path):
    """The path page: its courses in order, each with the learner's state, and the path's certificate when issued."""
    (progress,) = paths_progress(request.user, [path])
    return {"path_progress": progress, "steps": progress.steps}


def catalogue_paths(index_page):
    """The catalogue's learning paths: the index page's live public paths with their number of courses and hours
    (the original's courses). Nothing about the reader: it may be cached. Two queries."""
    paths = list(LearningPathPage.objects.child_of(index_page).live().public().order_by("title"))
    courses = path_courses_by_key({path.translation_key for path in paths})
    for path in paths:
        path.course_count = len(courses.get(path.translation_key, []))
        path.total_hours = sum(course.effort_hours for course in courses.get(path.translation_key, []))
    return paths


def my_paths(user):
    """[PathProgress] of the live paths with a course ``user`` enrolled in (or a path they completed), in the
    reader's language: nine queries at most, whatever the number of paths and courses."""
    enrolled = Enrollment.objects.filter(user=user).values("course__translation_key")
    path_keys = PathCourse.objects.filter(course__translation_key__in=enrolled).values("path__translation_key")
    completed = PathCompletion.objects.filter(user=user).values("path__translation_key")
    pages = LearningPathPage.objects.live().filter(Q(translation_key__in=path_keys) | Q(translation_key__in=completed))
    shown = sorted(one_per_key(pages.select_related("locale")).values(), key=lambda page: page.title)
    return paths_progress(user, shown)


# --- Transcript -----------------------------------------------------------------------------------


def page_url(page, request):
    return page.get_url(request) if request is not None and page.live else ""


@dataclass
class TranscriptCourse:
    title: str  # in the reader's language
    url: str
    hours: int
    enrolled_on: object
    completed_on: object
    certificate: object = None


def transcript(user, request=None):
    """Everything ``user`` completed: courses (title in the reader's language, hours, dates, certificate), learning
    paths, and what other apps count as learning (``register_learning_record``: fn(user) -> [dict with title, url,
    date, hours and kind]), with the totals of hours. A fixed number of queries whatever the number of rows.
    Addresses only with a ``request`` (the page; the PDF prints none): it reads the site's root paths once."""
    enrollments = list(
        Enrollment.objects.filter(user=user, completed_at__isnull=False)
        .select_related("course", "user", "certificate")
        .order_by("completed_at", "id")
    )
    shown = in_language_of_reader([e.course for e in enrollments], CoursePage)
    courses = []
    for enrollment in enrollments:
        certificate = getattr(enrollment, "certificate", None)
        page = shown[enrollment.course_id]
        courses.append(
            TranscriptCourse(
                title=page.title,
                url=page_url(page, request),
                hours=certificate.hours if certificate else enrollment.course.effort_hours,
                enrolled_on=completion_date(user, enrollment.enrolled_at),
                completed_on=enrollment.completed_on,
                certificate=certificate,
            )
        )
    completions = list(
        PathCompletion.objects.filter(user=user).select_related("path", "certificate").order_by("completed_at")
    )
    shown_paths = in_language_of_reader([c.path for c in completions], LearningPathPage)
    paths = [
        {
            "title": shown_paths[completion.path_id].title,
            "url": page_url(shown_paths[completion.path_id], request),
            "completed_on": completion.certificate.issued_on
            if getattr(completion, "certificate", None)
            else completion_date(user, completion.completed_at),
            "certificate": getattr(completion, "certificate", None),
        }
        for completion in completions
    ]
    other = sorted(
        (record for fn in hooks.get_hooks("register_learning_record") for record in fn(user, request)),
        key=lambda record: record["date"],
    )
    course_hours = sum(course.hours for course in courses)
    other_hours = sum((Decimal(record["hours"]) for record in other), Decimal(0))
    return {
        "courses": courses,
        "paths": paths,
        "records": other,
        "course_hours": course_hours,
        "record_hours": other_hours,
        "total_hours": course_hours + other_hours,
        "language": active_language(),
        "today": completion_date(user, timezone.now()),  # the learner's date, as on their certificates
    }


def paths_completed_by_organisation(organisation):
    """How many learning paths the city's approved staff completed, and how many valid path certificates they hold:
    one query."""
    from members.models import Membership

    return PathCompletion.objects.filter(
        user__membership__organisation=organisation, user__membership__status=Membership.Status.APPROVED
    ).aggregate(
        completed=Count("id"),
        certificates=Count("certificate", filter=Q(certificate__revoked_at__isnull=True)),
    )
