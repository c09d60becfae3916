from types import SimpleNamespace

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from core import charts
from core.countries import country_name
from core.i18n import in_default_language, in_reader_language, in_reader_language_each, language_path
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


@hooks.register("register_digest_items")
def new_cases_for_digest(*, since, until, topic_keys, organisation_ids):
    """Cases first published in the window, in the followed topics or about the followed cities (community's digest):
    each case once (its original), in the active language. Five queries, whatever the number of cases."""
    cases = in_default_language(CasePage.objects.live().public()).filter(
        first_published_at__gte=since, first_published_at__lt=until
    )
    tagged = CasePage.topics.through.objects.filter(topic__translation_key__in=topic_keys).values("casepage_id")
    cases = list(
        cases.filter(Q(organisation_id__in=organisation_ids) | Q(pk__in=tagged))
        .prefetch_related("topics")
        .order_by("-first_published_at")
    )
    shown = in_reader_language_each(cases)
    site_paths = SimpleNamespace()  # Wagtail keeps the site's root paths on it: read once for every link
    return [
        {
            "key": f"case:{case.translation_key}",
            "kind": "cases",
            "heading": _("New cases"),
            "title": page.title,
            "url": page.get_full_url(site_paths),
            "date": case.first_published_at,
            "meta": ", ".join(case_facts(page)),
            "topic_keys": {str(topic.translation_key) for topic in case.topics.all()},
            "organisation_ids": {case.organisation_id} if case.organisation_id else set(),
        }
        for case, page in zip(cases, shown, strict=True)
    ]


# --- Charts: cases published per year (secretariat's reports) ------------------------------------------------------


def cases_published_per_year(_organisation):
    """Live cases by the year they were first published, each once (the default language's tree holds every case,
    as an original or an alias): one query."""
    labels, counts = charts.per_year(in_default_language(CasePage.objects.live()), "first_published_at")
    return charts.ChartData(labels=labels, series=(charts.Series(_("Cases published"), counts),))


@hooks.register("register_report_chart")
def case_charts():
    return [
        charts.ChartSpec(
            key="cases-published",
            title=gettext_lazy("Cases published per year"),
            description=gettext_lazy("Live cases, by the year they were first published."),
            scope=charts.SECRETARIAT,
            numbers=cases_published_per_year,
            kind="column",
            category_label=charts.YEAR,
            permission="cases.view_casepage",
            order=40,
        )
    ]


@hooks.register("register_map_points")
def case_library_map(request, map_name, page):
    """The case library's map (core.maps): its cases per city and per country, linked to the filtered library."""
    if map_name != "cases":
        return None
    from . import maps

    return maps.library_layer(request, page)
