from django.utils.translation import gettext as _
from wagtail import hooks

from core.countries import country_name
from core.i18n import in_reader_language, language_path
from core.sections import Card, Section, page_cards

from . import demo, review, selectors
from .models import CaseIndexPage, CasePage


def case_facts(case):
    return (case.get_kind_display(), f"{case.city}, {country_name(case.country)}")


@hooks.register("register_home_section")
def recent_cases_section(request):
    return Section(
        key="cases",
        title=_("Recent cases"),
        cards=page_cards(request, selectors.recent_cases(), meta=case_facts),
        empty_text=_("No cases are published yet."),
        more_url=language_path("/cases/"),
        more_label=_("The case library"),
        order=30,
    )


@hooks.register("register_organisation_profile_section")
def organisation_cases_section(request, organisation):
    """The cases a member city shares, on its public profile (issue 17): newest first, two queries."""
    cases = in_reader_language(CasePage.objects.live().public().filter(organisation=organisation))
    cases = cases.order_by("-first_published_at")[:6]
    return Section(
        key="cases",
        title=_("Cases it shares"),
        cards=page_cards(request, cases, meta=case_facts),
        empty_text=_("%(organisation)s has not shared a case on WeGo Hub yet.") % {"organisation": organisation},
        more_url=language_path("/cases/"),
        more_label=_("The case library"),
        order=30,
    )


@hooks.register("register_me_section")
def cases_to_sign_off_section(request):
    awaiting = review.awaiting_sign_off(request.user)
    if not awaiting:
        return None
    index = in_reader_language(CaseIndexPage.objects.live()).first() or CaseIndexPage.objects.live().first()
    url = index.get_url(request) + index.reverse_subpage("sign_off") if index else ""
    return Section(
        key="case-sign-off",
        title=_("Cases about your city to sign off"),
        cards=[
            Card(title=case.title, url=url, summary=case.summary, action_url=url, action_label=_("Read and decide"))
            for _task_state, case in awaiting
        ],
        order=30,
    )


@hooks.register("register_demo_seeder", order=40)
def seed_cases(progress):
    """Case library: Seoul's practices and member cities' cases, with their review by the city and secretariat"""
    demo.seed(progress)


@hooks.register("register_demo_seeder", order=46)  # after toolkits (45), which the cases link to
def seed_case_connections(progress):
    """Case library: relations between cases, and links to toolkits and courses"""
    demo.seed_connections(progress)


@hooks.register("register_second_factor_groups")
def secretariat_needs_two_step_sign_in():
    # The secretariat's editors see every member's data in the admin (members.middleware).
    return [review.SECRETARIAT]


@hooks.register("register_map_points")
def case_library_map(request, map_name, page):
    """The case library's map (core.maps): its cases per city and per country, linked to the filtered library."""
    if map_name != "cases":
        return None
    from . import maps

    return maps.library_layer(request, page)
