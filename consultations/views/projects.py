"""A project's page: its milestones and deliverables, and at the end the draft case it became.

The project's consultants and the secretariat record the milestones and complete the project; the city (its focal
point and the application's editors) follows them read-only. Anyone else gets a 404, as if there were no project.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.models import WorkflowState

from cases.models import CitySignOffTask
from core.exceptions import UserFacingError
from core.files import private_download
from core.i18n import in_reader_language_each

from .. import access, exceptions, selectors, services
from ..forms.projects import MilestoneChoiceForm, MilestoneForm
from ..models import Milestone, Project
from .common import programme_url, project_or_404, refused, render, sign_in_first

ACTIONS = ("milestone", "complete")


@dataclass
class MilestoneRow:
    milestone: Milestone
    state: str
    state_class: str
    done_by: str = ""
    download_url: str = ""
    form: MilestoneForm | None = None


@dataclass
class CaseProgress:
    """Where the draft case is in the case library's review, in plain words, and the links that help."""

    title: str
    state: str
    public_url: str = ""
    edit_url: str = ""
    sign_off_url: str = ""


def project_url(programme, project):
    return programme_url(programme, "project", project.pk)


def milestone_state(milestone):
    if milestone.is_done:
        return pgettext("milestone state", "Done"), "badge-done"
    if milestone.is_late:
        return _("Late"), "badge-warning"
    return _("To do"), ""


def milestone_rows(programme, project, milestones, *, may_work, bound=None):
    open_for_work = may_work and project.status == Project.Status.UNDER_WAY
    rows = []
    for milestone in milestones:
        state, state_class = milestone_state(milestone)
        form = None
        if open_for_work and not milestone.is_done:
            form = bound if bound is not None and bound.milestone.pk == milestone.pk else None
            form = form or MilestoneForm(milestone=milestone)
        rows.append(
            MilestoneRow(
                milestone=milestone,
                state=state,
                state_class=state_class,
                done_by=milestone.completed_by.display_name if milestone.completed_by else "",
                download_url=programme_url(programme, "deliverable", project.pk, milestone.pk)
                if milestone.deliverable
                else "",
                form=form,
            )
        )
    return rows


def case_progress(request, project, *, may_work):
    """The draft case's review state (a few queries, for one case), or None before the project is completed."""
    if project.case is None:
        return None
    case = project.case.specific
    user = request.user
    workflow = (
        WorkflowState.objects.for_instance(case)
        .select_related("current_task_state__task")
        .order_by("-created_at", "-pk")
        .first()
    )
    in_progress = workflow is not None and workflow.status == WorkflowState.STATUS_IN_PROGRESS
    task = workflow.current_task_state.task.specific if in_progress and workflow.current_task_state else None
    progress = CaseProgress(title=case.title, state="")
    if isinstance(task, CitySignOffTask):
        progress.state = _("Waiting for the city's sign-off. The secretariat reviews it next.")
        if access.leads(user, case.organisation_id):
            index = case.get_parent().specific
            progress.sign_off_url = index.url + index.reverse_subpage("sign_off")
    elif in_progress:
        progress.state = _("The city signed it off. Waiting for the secretariat's review.")
    elif case.live:
        progress.state = _("Published in the case library.")
        progress.public_url = in_reader_language_each([case])[0].url
    elif workflow is not None and workflow.status == WorkflowState.STATUS_NEEDS_CHANGES:
        progress.state = _("Changes were asked for. The consultant edits the case and sends it for review again.")
    else:
        progress.state = _("A draft, not sent for review yet.")
    if may_work and user.has_perm("wagtailadmin.access_admin") and case.permissions_for_user(user).can_edit():
        progress.edit_url = reverse("wagtailadmin_pages:edit", args=[case.pk])
    return progress


def project_page(request, programme, project, *, bound=None, status=200):
    user = request.user
    application = project.application
    may_work = access.may_work_on_project(user, project)
    milestones = selectors.project_milestones(project)
    ready = (
        may_work
        and project.status == Project.Status.UNDER_WAY
        and all(milestone.is_done for milestone in milestones)
        and any(m.kind == Milestone.Kind.FINAL_REPORT and m.deliverable for m in milestones)
    )
    call = in_reader_language_each([application.call])[0]
    consultants = [person.display_name for person in project.consultants.order_by("first_name", "last_name", "pk")]
    context = {
        "project": project,
        "application": application,
        "call": call,
        "consultants": consultants,
        "rows": milestone_rows(programme, project, milestones, may_work=may_work, bound=bound),
        "may_work": may_work,
        "ready": ready,
        "case": case_progress(request, project, may_work=may_work),
        "application_url": programme_url(programme, "application", application.pk),
        "milestone_url": programme_url(programme, "project_action", project.pk, "milestone"),
        "complete_url": programme_url(programme, "project_action", project.pk, "complete"),
    }
    return render(request, programme, "consultations/projects/project.html", context, status=status)


def project(request, programme, project_id):
    if response := sign_in_first(request):
        return response
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return project_page(request, programme, project_or_404(request, project_id))


def project_action(request, programme, project_id, action):
    if action not in ACTIONS:
        raise Http404(_("There is no such page."))
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if response := sign_in_first(request):
        return response
    project = project_or_404(request, project_id)
    back = project_url(programme, project)
    if not access.may_work_on_project(request.user, project):
        return refused(request, exceptions.NotAllowed(), back, _("Back to the project"))
    if action == "milestone":
        return mark_milestone_done(request, programme, project, back)
    return complete(request, project, back)


def mark_milestone_done(request, programme, project, back):
    choice = MilestoneChoiceForm(request.POST)
    if not choice.is_valid():
        return refused(request, UserFacingError(_("That request was not understood.")), back, _("Back to the project"))
    milestone = project.milestones.filter(pk=choice.cleaned_data["milestone"]).first()
    if milestone is None:
        raise Http404(_("There is no such milestone in this project."))
    if milestone.is_done:  # a second click, or a colleague was quicker
        messages.info(request, _("%(milestone)s is already done.") % {"milestone": milestone.get_kind_display()})
        return redirect(back)
    form = MilestoneForm(request.POST, request.FILES, milestone=milestone)
    if not form.is_valid():
        return project_page(request, programme, project, bound=form, status=400)
    try:
        services.complete_milestone(milestone=milestone, user=request.user, **form.service_arguments())
    except UserFacingError as error:
        return refused(request, error, back, _("Back to the project"))
    messages.success(request, _("%(milestone)s is marked done.") % {"milestone": milestone.get_kind_display()})
    return redirect(back)


def complete(request, project, back):
    try:
        services.complete_project(project=project, by=request.user)
    except exceptions.WrongStep as error:
        project.refresh_from_db(fields=["status"])
        if project.status != Project.Status.COMPLETED:
            return refused(request, error, back, _("Back to the project"))
        messages.info(request, _("The project is already complete: its draft case is below."))  # a second click
        return redirect(back)
    except UserFacingError as error:
        return refused(request, error, back, _("Back to the project"))
    messages.success(
        request, _("The project is complete. Its draft case is in the case library's review: the city signs it off.")
    )
    return redirect(back)


def deliverable(request, programme, project_id, milestone_id):
    if response := sign_in_first(request):
        return response
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    project = project_or_404(request, project_id)
    milestone = project.milestones.filter(pk=milestone_id).first()
    if milestone is None or not milestone.deliverable:
        raise Http404(_("There is no such file in this project."))
    return private_download(milestone.deliverable, milestone.deliverable_filename)
