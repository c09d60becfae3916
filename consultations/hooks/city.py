"""The city's applications where the city already looks: a section on /me/ and a table on the focal point's
dashboard. Members never imports the programme; these hooks bring it in."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from core.i18n import language_path
from core.sections import Card, Section
from members.reports import OrganisationReport

from ..models import Application, ConsultationProgrammePage
from ..selectors import city_applications


def _date(value, call):
    """A day of the application's, as the call's zone counts days (the zone its deadline is stated in)."""
    return formats.date_format(timezone.localtime(value, call.zone), "DATE_FORMAT") if value else ""


def _programme_path(call_url):
    """The programme's address from one of its calls' ("/consultations/open-call/" → "/consultations/"): the call's
    address costs no query (Wagtail reads the site's root paths once per request), its parent page would."""
    return call_url.rstrip("/").rsplit("/", 1)[0] + "/"


def _application_path(call_url, application):
    resolver = ConsultationProgrammePage.get_resolver()
    return _programme_path(call_url) + resolver.reverse("application", application.pk)


@hooks.register("register_me_section")
def my_city_applications_section(request):
    """Your city's applications, with their status: two queries (the person's city, the applications with their
    calls); None for someone who sees none."""
    applications = city_applications(request.user)
    if not applications:
        return None
    cards = []
    for application in applications:
        # The calls are the originals (applications are kept on them): an English address, read in the reader's.
        call_url = application.call.get_url(request) or ""
        meta = [application.get_status_display(), application.call.title]
        if application.submitted_at:
            meta.append(_("Submitted on %(date)s") % {"date": _date(application.submitted_at, application.call)})
        cards.append(
            Card(title=application.title, url=language_path(_application_path(call_url, application)), meta=tuple(meta))
        )
    call_url = applications[0].call.get_url(request) or ""
    return Section(
        key="consultations",
        title=_("Your city's applications"),
        cards=cards,
        more_url=language_path(_programme_path(call_url)),
        more_label=_("The consultation programme"),
        order=60,
    )


@hooks.register("register_organisation_report")
def city_applications_report(organisation):
    """The city's applications to the consultation programme on the focal point's dashboard: one query; None when
    the city has none."""
    applications = list(
        Application.objects.filter(organisation=organisation).select_related("call").order_by("-created_at")
    )
    if not applications:
        return None
    awarded = sum(application.status == Application.Status.AWARDED for application in applications)
    return OrganisationReport(
        key="consultations",
        title=_("Consultation programme"),
        columns=[],
        summary=[(_("Applications"), len(applications)), (_("Awards"), awarded)],
        order=60,
        table_caption=_("Your city's applications to the consultation programme"),
        table_header=[_("Call"), _("Project title"), _("Status"), _("Submitted on"), _("Decided on")],
        table_rows=[
            [
                application.call.title,
                application.title,
                application.get_status_display(),
                _date(application.submitted_at, application.call),
                _date(application.determined_at, application.call),
            ]
            for application in applications
        ],
    )
