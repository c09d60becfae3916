"""What the knowledge search finds: five kinds of page, each with a key for the URL and a label for people."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cases.models import CasePage
from courses.models import CoursePage, LessonPage
from events.models import EventPage
from toolkits.models import ToolkitPage


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # for the type filter: "Courses"
    singular: str  # on a result: "Course"
    model: type
    details: Callable  # the page's facts a result shows under its title: ["Pilot project", "Seoul, Korea", "2024"]

    @property
    def has_topics(self):
        """Lessons have no topics of their own (their course has)."""
        return hasattr(self.model, "topic_slugs")

    @property
    def document_type(self):
        """How the Elasticsearch index names the model (``_django_content_type``)."""
        return f"{self.model._meta.app_label}.{self.model.__name__}"

    @property
    def content_type_id(self):
        # ContentType's own cache: no query after the first
        return ContentType.objects.get_for_model(self.model).id


def _course_details(course):
    hours = _("%(hours)s hours") % {"hours": course.effort_hours}
    members_only = course.audience == CoursePage.Audience.MEMBERS
    return [course.get_level_display(), hours, course.get_language_display(), _("Members only") if members_only else ""]


def _lesson_details(lesson):
    course_title = getattr(lesson, "course_title", "")  # set by with_details(), one query for every lesson
    return [_("In the course “%(course)s”") % {"course": course_title}] if course_title else []


def _toolkit_details(toolkit):
    members_only = toolkit.audience == ToolkitPage.Audience.MEMBERS
    return [toolkit.get_kind_display(), _("Files for members only") if members_only else ""]


def _case_details(case):
    return [case.get_kind_display(), case.place, case.years]


def _event_details(event):
    # In the event's own time zone, named, as on the event cards.
    when = f"{date_format(event.local_start, 'DATETIME_FORMAT')} ({event.time_zone})"
    state = _("Cancelled") if event.is_cancelled else _("Past event") if event.is_past else ""
    return [state, when, event.location_text() or event.get_format_display()]


KINDS = (
    Kind("course", _("Courses"), _("Course"), CoursePage, _course_details),
    Kind("lesson", _("Lessons"), _("Lesson"), LessonPage, _lesson_details),
    Kind("toolkit", _("Toolkits"), _("Toolkit"), ToolkitPage, _toolkit_details),
    Kind("case", _("Cases"), _("Case"), CasePage, _case_details),
    Kind("event", _("Events"), _("Event"), EventPage, _event_details),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


def kind_of(page):
    """The Kind of a (specific) page."""
    return next(kind for kind in KINDS if isinstance(page, kind.model))


def with_details(hits):
    """Give every hit its facts line; the lessons' course titles come in one query for the whole page."""
    lessons = [hit.page for hit in hits if isinstance(hit.page, LessonPage)]
    if lessons:
        paths = {lesson.course_path for lesson in lessons}
        titles = dict(Page.objects.filter(path__in=paths).values_list("path", "title"))
        for lesson in lessons:
            lesson.course_title = titles.get(lesson.course_path, "")
    for hit in hits:
        hit.details = [detail for detail in hit.kind.details(hit.page) if detail]
    return hits
