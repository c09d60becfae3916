from django.utils.translation import gettext as _
from wagtail import hooks

from core.sections import Card, Section

from . import demo, selectors


@hooks.register("register_home_section")
def recent_cases_section(request):
    cards = [
        Card(
            title=case.title,
            url=case.get_url(request),
            summary=case.summary,
            meta=(case.get_kind_display(), f"{case.city}, {case.country.name}"),
        )
        for case in selectors.recent_cases()
    ]
    return Section(
        key="cases",
        title=_("Recent cases"),
        cards=cards,
        empty_text=_("No cases are published yet."),
        more_url="/cases/",
        more_label=_("The case library"),
        order=30,
    )


@hooks.register("register_demo_seeder", order=40)
def seed_cases(progress):
    """Case library: the index page and a few items"""
    demo.seed(progress)
