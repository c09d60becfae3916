from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.sections import Card, Section, page_cards
from members.reports import OrganisationReport

from . import demo, selectors
from .models import Enrollment


def course_facts(course):
    return (course.get_level_display(), _("%(hours)s hours") % {"hours": course.effort_hours})


@hooks.register("register_home_section")
def latest_courses_section(request):
    return Section(
        key="courses",
        title=_("Latest courses"),
        cards=page_cards(request, selectors.latest_courses(), meta=course_facts),
        empty_text=_("No courses are published yet."),
        more_url="/courses/",
        more_label=_("All courses"),
        order=10,
    )


def progress_label(progress):
    return _("%(done)s of %(total)s required lessons") % {"done": progress.done, "total": progress.total}


@hooks.register("register_me_section")
def my_learning_section(request):
    cards = []
    for enrollment, progress, next_lesson in selectors.my_learning(request.user):
        if enrollment.status == Enrollment.Status.COMPLETED:
            meta = (_("Completed on %s") % formats.date_format(enrollment.completed_at, "DATE_FORMAT"),)
        else:
            meta = (_("Enrolled on %s") % formats.date_format(enrollment.enrolled_at, "DATE_FORMAT"),)
        cards.append(
            Card(
                title=enrollment.course.title,
                url=enrollment.course.get_url(request),
                meta=meta,
                progress=progress.percent,
                progress_label=progress_label(progress),
                action_url=next_lesson.get_url(request) if next_lesson else "",
                action_label=_("Resume") if progress.done else _("Start"),
            )
        )
    return Section(
        key="learning",
        title=_("My learning"),
        cards=cards,
        empty_text=_("You are not enrolled in a course yet."),
        more_url="/courses/",
        more_label=_("Browse courses"),
        order=10,
    )


@hooks.register("register_organisation_report")
def course_progress_report(organisation):
    values = selectors.organisation_learning(organisation)
    learners = len(values)
    return OrganisationReport(
        key="courses",
        title=_("Courses"),
        columns=[_("Courses enrolled"), _("Courses completed"), _("Average progress (%)")],
        values_by_user=values,
        summary=[
            (_("Staff learning"), learners),
            (_("Enrolments"), sum(v[0] for v in values.values())),
            (_("Courses completed"), sum(v[1] for v in values.values())),
        ],
        order=10,
    )


class EnrollmentViewSet(SnippetViewSet):
    model = Enrollment
    icon = "user"
    menu_label = gettext_lazy("Enrolments")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["user", "course", "status", "enrolled_at", "completed_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "course__title"]
    list_export = ["user", "course", "status", "enrolled_at", "completed_at"]
    export_filename = "enrolments"


register_snippet(EnrollmentViewSet)


@hooks.register("register_demo_seeder", order=20)
def seed_courses(progress):
    """Courses: the e-government training programme, with modules and lessons"""
    demo.seed(progress)
