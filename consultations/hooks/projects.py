"""Hooks: projects. A consultant's projects on /me/, and the note on a published case that says which call of the
consultation programme it came from (the case library asks through "register_case_origin"; it never imports us)."""

from django.conf import settings
from django.db.models import Case, IntegerField, Subquery, Value, When
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail import hooks

from core.i18n import active_language
from core.sections import Card, Section

from .. import selectors
from ..models import CallPage, ConsultationProgrammePage, Project


def in_reader_language_first(queryset):
    """The page of ``queryset`` in the reader's language if there is one, else the default language's: one query."""
    languages = [active_language(), settings.LANGUAGE_CODE]
    reader_first = Case(
        When(locale__language_code=languages[0], then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return queryset.filter(locale__language_code__in=languages).order_by(reader_first, "pk").first()


@hooks.register("register_case_origin")
def consultation_programme_origin(case):
    """("From the 2026 consultation programme: <call>", the call's address) for a case that a project became, in
    whichever language the case is read (a translation shares its original's translation_key): one query."""
    project_call = Project.objects.filter(
        case__translation_key=case.translation_key, case__locale__language_code=settings.LANGUAGE_CODE
    ).values("application__call__translation_key")[:1]
    call = in_reader_language_first(CallPage.objects.filter(translation_key=Subquery(project_call)))
    if call is None:
        return None
    text = _("From the %(year)s consultation programme: %(call)s") % {"year": call.programme_year, "call": call.title}
    return text, (call.url if call.live else "")


def project_urls(request, projects):
    """{project id: its page's address}, under the programme page in the reader's language: one query."""
    programmes = list(ConsultationProgrammePage.objects.live().select_related("locale"))
    by_path = {programme.path: programme for programme in programmes}
    in_reader_language = {
        programme.translation_key: programme
        for programme in programmes
        if programme.locale.language_code == active_language()
    }
    urls = {}
    for project in projects:
        parent = by_path.get(project.application.call.path[: -ConsultationProgrammePage.steplen])
        if parent is None:
            continue
        programme = in_reader_language.get(parent.translation_key, parent)
        urls[project.pk] = programme.get_url(request) + programme.reverse_subpage("project", args=(project.pk,))
    return urls


def next_step(project):
    if project.status == Project.Status.COMPLETED:
        return pgettext("project status", "Completed")
    upcoming = next((milestone for milestone in project.milestones.all() if not milestone.is_done), None)
    if upcoming is None:
        return _("Every milestone is done: complete the project")
    due = formats.date_format(upcoming.due_on, "DATE_FORMAT")
    if upcoming.is_late:
        return _("Next: %(milestone)s, late since %(date)s") % {"milestone": upcoming.get_kind_display(), "date": due}
    return _("Next: %(milestone)s, due %(date)s") % {"milestone": upcoming.get_kind_display(), "date": due}


@hooks.register("register_me_section")
def consultation_projects_section(request):
    """A consultant's projects: title, city, the next milestone and its due date. Four queries, whatever the
    number of projects."""
    if not request.user.is_authenticated:
        return None
    projects = selectors.projects_of(request.user)
    if not projects:
        return None
    projects.sort(key=lambda project: project.status == Project.Status.COMPLETED)  # under way first
    urls = project_urls(request, projects)
    return Section(
        key="consultation-projects",
        title=_("Your consultation projects"),
        cards=[
            Card(
                title=project.application.title,
                url=urls[project.pk],
                meta=(project.application.organisation.name, next_step(project)),
            )
            for project in projects
            if project.pk in urls
        ],
        order=35,
    )
