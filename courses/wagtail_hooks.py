from django.utils.translation import gettext as _
from wagtail import hooks

from core.sections import Section, page_cards

from . import demo, selectors


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


@hooks.register("register_demo_seeder", order=20)
def seed_courses(progress):
    """Courses: the index page and a few items"""
    demo.seed(progress)
