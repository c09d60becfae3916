"""The demo's learning path, "Digital government essentials": three of the demo courses in order, one of them
requiring another, and a demo member part-way through it. Idempotent: run it again and nothing changes.

Run after the graduates (courses.demo_learning): Jiho Kim completed "Open data for cities" there; here he starts
"E-government foundations", so the path shows a course completed, one in progress and one that is not open to him
yet ("Citizen participation online" requires "E-government foundations")."""

from django.db import transaction
from wagtail.rich_text import RichText

from core.i18n import in_default_language
from members.models import User

from . import services
from .models import CourseIndexPage, CoursePage, Enrollment, LearningPathPage, PathCourse

PATH_SLUG = "digital-government-essentials"
PATH_TITLE = "Digital government essentials"
# The order a city's team meets the work: services first, then the data behind them, then the residents' voice.
PATH_COURSES = ("e-government-foundations", "open-data-for-cities", "citizen-participation")
PATH_SUMMARY = (
    "Three courses for city staff who move public services online: plan services residents actually use, open the "
    "data behind them, then bring residents into decisions. Take them in order; a certificate follows the third."
)
PATH_BODY = (
    "<p>Most cities start their digital work with one service and one team. This path follows the order that work "
    "usually takes. <b>E-government foundations</b> maps a service from the resident's side and plans the first "
    "services to move online. <b>Open data for cities</b> publishes the data those services produce, under an open "
    "licence people can re-use. <b>Citizen participation online</b> then asks residents to propose, vote and "
    "follow up, on the channels the first two courses built.</p>"
    "<p>Each course has its own certificate. When you have completed all three, you also receive the path's "
    "certificate, with the hours of the three courses.</p>"
)
# (course, the course it requires): participation builds on the foundations' service map.
PREREQUISITE = ("citizen-participation", "e-government-foundations")
LEARNER = "jiho.kim@seoul.city.example"


def course_by_slug(slug):
    return in_default_language(CoursePage.objects.filter(slug=slug)).order_by("pk").first()


def ensure_prerequisite(progress):
    course, required = (course_by_slug(slug) for slug in PREREQUISITE)
    if course is None or required is None or course.prerequisites.filter(pk=required.pk).exists():
        progress.record(False)
        return
    course.prerequisites.add(required)
    course.save_revision().publish()
    progress.record(True)


def ensure_path(progress):
    index = in_default_language(CourseIndexPage.objects.filter(slug="courses")).first()
    courses = [course_by_slug(slug) for slug in PATH_COURSES]
    if index is None or None in courses:
        progress.record(False)
        return None
    if LearningPathPage.objects.child_of(index).filter(slug=PATH_SLUG).exists():
        progress.record(False)
        return LearningPathPage.objects.child_of(index).get(slug=PATH_SLUG)
    with transaction.atomic():
        path = LearningPathPage(
            slug=PATH_SLUG,
            title=PATH_TITLE,
            summary=PATH_SUMMARY,
            body=[("paragraph", RichText(PATH_BODY))],
            awards_certificate=True,
        )
        path.path_courses = [PathCourse(course=course, sort_order=order) for order, course in enumerate(courses)]
        index.add_child(instance=path)
        path.save_revision().publish()
    progress.record(True)
    return path


def ensure_learner_part_way(progress):
    """Jiho has completed "Open data for cities" (a graduate) and is half-way through "E-government foundations"."""
    person = User.objects.filter(email=LEARNER).first()
    course = course_by_slug("e-government-foundations")
    if person is None or course is None or Enrollment.objects.filter(user=person, course=course).exists():
        progress.record(False)
        return
    services.enroll(user=person, course=course)
    lessons = [lesson for lesson in course.required_lessons() if not lesson.quiz_id]
    for lesson in lessons[: len(lessons) // 2]:
        services.mark_lesson_complete(user=person, course=course, lesson=lesson)
    progress.record(True)


def seed(progress):
    ensure_prerequisite(progress)
    ensure_path(progress)
    ensure_learner_part_way(progress)
