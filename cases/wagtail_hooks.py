from django.utils.translation import gettext as _
from wagtail import hooks

from core.countries import country_name
from core.sections import Section, page_cards

from . import demo, selectors


def case_facts(case):
    return (case.get_kind_display(), f"{case.city}, {country_name(case.country)}")


@hooks.register("register_home_section")
def recent_cases_section(request):
    return Section(
        key="cases",
        title=_("Recent cases"),
        cards=page_cards(request, selectors.recent_cases(), meta=case_facts),
        empty_text=_("No cases are published yet."),
        more_url="/cases/",
        more_label=_("The case library"),
        order=30,
    )


@hooks.register("register_demo_seeder", order=40)
def seed_cases(progress):
    """Case library: the index page and a few items"""
    demo.seed(progress)
