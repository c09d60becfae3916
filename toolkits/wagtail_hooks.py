import datetime as dt
from types import SimpleNamespace

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from core import charts
from core.i18n import in_default_language, in_reader_language, in_reader_language_each, language_path
from core.menus import PermissionMenuItem
from core.sections import Card, Section, page_cards
from members.reports import OrganisationReport

from . import admin_views, demo, demo_authors, selectors
from .models import Download, ToolkitPage, ToolkitRelease


@hooks.register("register_home_section")
def new_toolkits_section(request):
    return Section(
        key="toolkits",
        title=_("New toolkits"),
        cards=page_cards(request, selectors.recent_toolkits(), meta=lambda toolkit: (toolkit.get_kind_display(),)),
        empty_text=_("No toolkits are published yet."),
        more_url=language_path("/toolkits/"),
        more_label=_("All toolkits"),
        order=40,
    )


@hooks.register("register_organisation_profile_section")
def authored_toolkits_section(request, organisation):
    """The toolkits the city wrote (alone or with others), on its public profile."""
    toolkits = in_reader_language(ToolkitPage.objects.live().public().filter(authoring_organisations=organisation))
    toolkits = toolkits.order_by("title")[:6]
    return Section(
        key="authored-toolkits",
        title=_("Toolkits it wrote"),
        cards=page_cards(request, toolkits, meta=lambda toolkit: (toolkit.get_kind_display(),)),
        empty_text=_("%(organisation)s has not published a toolkit on WeGo Hub yet.") % {"organisation": organisation},
        more_url=language_path("/toolkits/"),
        more_label=_("All toolkits"),
        order=40,
    )


@hooks.register("register_me_section")
def my_downloads_section(request):
    cards = []
    for download, newest in selectors.my_downloads(request.user):
        meta = [
            _("You downloaded version %(version)s on %(date)s")
            % {"version": download.version, "date": formats.date_format(download.created_at, "DATE_FORMAT")}
        ]
        if newest and newest != download.version:
            meta.append(_("Version %(version)s is out") % {"version": newest})
        toolkit = download.shown_toolkit  # in the reader's language when translated
        cards.append(Card(title=toolkit.title, url=toolkit.get_url(request), meta=tuple(meta)))
    return Section(
        key="toolkits",
        title=_("My toolkits"),
        cards=cards,
        empty_text=_("You have not downloaded a toolkit yet."),
        more_url=language_path("/toolkits/"),
        more_label=_("Browse toolkits"),
        order=40,
    )


@hooks.register("register_organisation_report")
def toolkit_downloads_report(organisation):
    by_user, totals = selectors.organisation_downloads(organisation)
    return OrganisationReport(
        key="toolkits",
        title=_("Toolkits"),
        columns=[_("Downloads"), _("Toolkits downloaded")],
        values_by_user=by_user,
        summary=[(_("Toolkit downloads"), totals["downloads"]), (_("Toolkits downloaded"), totals["toolkits"])],
        order=40,
    )


@hooks.register("register_personal_data")
def my_downloads_data(user):
    rows = Download.objects.filter(user=user).select_related("toolkit").order_by("created_at")
    return (
        "toolkit_downloads",
        [
            {
                "toolkit": download.toolkit.title,
                "version": download.version,
                "language": download.language,
                "downloaded_at": download.created_at.isoformat(),
            }
            for download in rows
        ],
    )


# --- Admin: the secretariat's report by city --------------------------------------------------------


@hooks.register("register_admin_urls")
def register_download_report_url():
    return [path("reports/toolkit-downloads/", admin_views.downloads_report, name="toolkits_downloads_report")]


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Toolkit downloads by city"),
        reverse("toolkits_downloads_report"),
        icon_name="download",
        order=710,
        permission="toolkits.view_download",
    )


@hooks.register("register_demo_seeder", order=45)  # after courses and cases, which toolkits link to
def seed_toolkits(progress):
    """Toolkits: six guides and templates with releases, generated PDF, DOCX and XLSX files, and downloads"""
    demo.seed(progress)


@hooks.register("register_demo_seeder", order=46)
def seed_toolkit_authors(progress):
    """Toolkit authors: the member cities that wrote each seeded toolkit (listed on their profiles)"""
    demo_authors.seed(progress)


@hooks.register("register_digest_items")
def toolkit_releases_for_digest(*, since, until, topic_keys, organisation_ids):
    """Toolkit releases dated in the window, of toolkits in the followed topics or written by the followed cities
    (community's digest): each release once (the original toolkit's), in the active language. Six queries."""
    toolkits = in_default_language(ToolkitPage.objects.live().public())
    tagged = ToolkitPage.topics.through.objects.filter(topic__translation_key__in=topic_keys).values("toolkitpage_id")
    written = ToolkitPage.authoring_organisations.through.objects.filter(organisation_id__in=organisation_ids).values(
        "toolkitpage_id"
    )
    releases = list(
        ToolkitRelease.objects.filter(
            toolkit__in=toolkits.filter(Q(pk__in=tagged) | Q(pk__in=written)),
            released_on__gte=timezone.localdate(since),
            released_on__lte=timezone.localdate(until),
        )
        .select_related("toolkit")
        .prefetch_related("toolkit__topics", "toolkit__authoring_organisations")
        .order_by("-released_on", "pk")
    )
    originals = list({release.toolkit_id: release.toolkit for release in releases}.values())
    shown = dict(zip(originals, in_reader_language_each(originals), strict=True))
    site_paths = SimpleNamespace()  # Wagtail keeps the site's root paths on it: read once for every link
    items = []
    for release in releases:
        toolkit, page = release.toolkit, shown[release.toolkit]
        released = timezone.make_aware(dt.datetime.combine(release.released_on, dt.time.min))
        items.append(
            {
                "key": f"toolkit-release:{toolkit.translation_key}:{release.version}",
                "kind": "toolkits",
                "heading": _("Toolkit releases"),
                "title": page.title,
                "url": page.get_full_url(site_paths),
                "date": released,  # dated by the day (the digest leaves out what the last one listed)
                "meta": _("Version %(version)s") % {"version": release.version},
                "topic_keys": {str(topic.translation_key) for topic in toolkit.topics.all()},
                "organisation_ids": {organisation.pk for organisation in toolkit.authoring_organisations.all()},
            }
        )
    return items


# --- Charts: downloads per toolkit (secretariat's reports) ---------------------------------------------------------

TOP_TOOLKITS = 10


def downloads_per_toolkit(_organisation):
    """The most downloaded toolkits (downloads are counted on the original page): one query."""
    rows = (
        Download.objects.values("toolkit_id", "toolkit__title")
        .annotate(downloads=Count("id"))
        .order_by("-downloads", "toolkit__title")[:TOP_TOOLKITS]
    )
    rows = list(rows)
    return charts.ChartData(
        labels=tuple(row["toolkit__title"] for row in rows),
        series=(charts.Series(_("Downloads"), tuple(row["downloads"] for row in rows)),),
    )


@hooks.register("register_report_chart")
def toolkit_charts():
    return [
        charts.ChartSpec(
            key="toolkit-downloads",
            title=gettext_lazy("Downloads per toolkit (top %(count)s)") % {"count": TOP_TOOLKITS},
            description=gettext_lazy("Every download since the hub opened."),
            scope=charts.SECRETARIAT,
            numbers=downloads_per_toolkit,
            kind="bar",
            category_label=gettext_lazy("Toolkit"),
            permission="toolkits.view_download",
            order=30,
        )
    ]
