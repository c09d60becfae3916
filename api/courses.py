"""The course catalogue as data: the catalogue's filters and facets (courses.selectors). A members-only course's page
is public (only its lessons are restricted), so it is listed, marked by its audience, as on /courses/."""

from typing import Literal

from django.conf import settings
from django.http import Http404
from django.utils import translation
from ninja import Field, Path, Query, Router, Schema

from core.facets import by_slug
from core.forms import MAX_ID, plain_query
from core.models import Topic
from courses import selectors
from courses.models import CoursePage

from .access import readable
from .common import ERRORS, ITEM_ERRORS, LANGUAGES, PageOut, Text
from .pagination import PageInfo, PageQuery, page_of

router = Router(tags=["courses"])

Level = Literal[tuple(CoursePage.Level.values)]
Format = Literal[tuple(CoursePage.Format.values)]
Audience = Literal[tuple(CoursePage.Audience.values)]
CourseLanguage = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class CourseFilters(Schema):
    """The course catalogue's query string (/courses/): one value per facet, as on the page."""

    q: Text = Field("", max_length=1000, description="Words in the title or summary.")
    topic: Text = Field("", max_length=100, description="A topic slug, as on /courses/.")
    level: Level | None = None
    course_language: CourseLanguage | None = Field(None, description="The language the course is taught in.")
    format: Format | None = None
    audience: Audience | None = Field(None, description="Who may take it.")
    language: LANGUAGES = Field("en", description="The language of the course pages listed (their translations).")

    def as_catalogue_filters(self):
        return {
            "q": plain_query(self.q),
            "topic": self.topic,
            "level": self.level or "",
            "language": self.course_language or "",
            "format": self.format or "",
            "audience": self.audience or "",
        }


class CourseOut(PageOut):
    level: Level
    course_language: str = Field(description="The language it is taught in.")
    effort_hours: int
    format: Format
    audience: Audience
    awards_certificate: bool
    learning_outcomes: list[str]

    @staticmethod
    def resolve_course_language(course):
        return course.language

    @staticmethod
    def resolve_learning_outcomes(course):
        return [line.strip() for line in course.learning_outcomes.splitlines() if line.strip()]


class CourseFacetCounts(Schema):
    level: dict[str, int]
    language: dict[str, int] = Field(description="By the language the courses are taught in.")
    format: dict[str, int]
    audience: dict[str, int]
    topic: dict[str, int] = Field(description="By topic slug.")


class CourseList(PageInfo):
    facets: CourseFacetCounts = Field(description="Each facet counted under all the other filters, as on /courses/.")
    results: list[CourseOut]


def _courses(user):
    return readable(CoursePage, user)


@router.get("/", response={200: CourseList, **ERRORS}, summary="List and filter courses")
def list_courses(request, filters: Query[CourseFilters], paging: Query[PageQuery]):
    """Live courses in one language, filtered and counted as the course catalogue does."""
    with translation.override(filters.language):
        catalogue = _courses(request.user).filter(locale__language_code=filters.language)
        wanted = filters.as_catalogue_filters()
        courses = selectors.filter_courses(catalogue, wanted).order_by("title", "id")
        info, rows = page_of(request, courses, paging)
        counts = selectors.facet_counts(catalogue, wanted)
        counts["topic"] = by_slug(counts["topic"], Topic.objects.for_reader())
    return {**info, "facets": counts, "results": rows}


@router.get("/{course_id}/", response={200: CourseOut, **ITEM_ERRORS}, summary="One course")
def get_course(request, course_id: int = Path(..., ge=1, le=MAX_ID)):
    course = _courses(request.user).filter(pk=course_id).first()
    if course is None:
        raise Http404
    return course
