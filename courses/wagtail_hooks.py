from django.utils.translation import gettext as _
from wagtail import hooks

from core.sections import Card, Section

from . import demo, selectors


@hooks.register("register_home_section")
def latest_courses_section(request):
    cards = [
        Card(
            title=course.title,
            url=course.get_url(request),
            summary=course.summary,
            meta=(course.get_level_display(), _("%(hours)s hours") % {"hours": course.effort_hours}),
        )
        for course in selectors.latest_courses()
    ]
    return Section(
        key="courses",
        title=_("Latest courses"),
        cards=cards,
        empty_text=_("No courses are published yet."),
        more_url="/courses/",
        more_label=_("All courses"),
        order=10,
    )


@hooks.register("register_demo_seeder", order=20)
def seed_courses(progress):
    """Courses: the index page and a few items"""
    demo.seed(progress)
