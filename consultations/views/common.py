"""What every view of the programme shares: signing in first, finding a row the person may see, and showing a
refusal in plain words. A row the person may not see is a 404, as if it did not exist (no guessing by id)."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import views as core_views

from .. import access
from ..models import Application, Assignment, Project


def sign_in_first(request):
    """A redirect to the sign-in page for a visitor, else None."""
    if request.user.is_authenticated:
        return None
    return redirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")


def render(request, programme, template, context, status=200):
    response = TemplateResponse(
        request, template, {**Page.get_context(programme, request), "programme": programme, **context}, status=status
    )
    response["Cache-Control"] = "private, no-store"  # applications and reviews are never in a shared cache
    return response


def refused(request, error, back_url, back_label=None):
    return core_views.refuse(request, error, back_url=back_url, back_label=back_label or _("Back"))


def programme_url(programme, route, *args):
    return programme.url + programme.reverse_subpage(route, args=args)


def application_or_404(request, application_id, *, may=access.may_see):
    application = Application.objects.select_related("call", "organisation").filter(pk=application_id).first()
    if application is None or not may(request.user, application):
        raise Http404(_("There is no such application, or it is not yours to see."))
    return application


def assignment_or_404(request, assignment_id):
    assignment = (
        Assignment.objects.select_related("application__call", "application__organisation")
        .filter(pk=assignment_id, reviewer=request.user)
        .first()
    )
    if assignment is None:
        raise Http404(_("There is no such review, or it is not yours."))
    return assignment


def project_or_404(request, project_id):
    project = (
        Project.objects.select_related("application__call", "application__organisation", "case")
        .filter(pk=project_id)
        .first()
    )
    if project is None or not access.may_see_project(request.user, project):
        raise Http404(_("There is no such project, or it is not yours to see."))
    return project
