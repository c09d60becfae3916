"""The city's side of the programme: the focal point starts an application from the call page; the city's editors
write it and attach files; the focal point submits it (or withdraws it); afterwards the city reads where it stands.

Every page here is the city's only: anyone else gets a 404 (the secretariat and reviewers have their own pages).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import UserFacingError
from core.files import private_download
from core.i18n import in_reader_language_each, original

from .. import access, exceptions, selectors, services
from ..forms.city import (
    MAX_ATTACHMENTS,
    ApplicationForm,
    AttachmentForm,
    ConfirmForm,
    EditorForm,
    IdForm,
    StartApplicationForm,
)
from ..models import Application, Project
from .common import application_or_404, programme_url, refused, render, sign_in_first

Status = Application.Status

# What each status means for the city, in a sentence.
STATUS_NOTES = {
    Status.DRAFT: gettext_lazy(
        "A draft. The secretariat sees the application only once your focal point submits it, before the call closes."
    ),
    Status.SUBMITTED: gettext_lazy(
        "Submitted. The secretariat checks that it is eligible; then the review panel scores it."
    ),
    Status.INFORMATION_REQUESTED: gettext_lazy(
        "The secretariat asked for more information. Change the application, then your focal point submits it again."
    ),
    Status.INELIGIBLE: gettext_lazy("The secretariat found the application not eligible for this call."),
    Status.IN_REVIEW: gettext_lazy(
        "The review panel is scoring the application. The secretariat will tell your city the decision."
    ),
    Status.AWARDED: gettext_lazy("Awarded. The secretariat assigns consultants and starts the project with your city."),
    Status.WAITING_LIST: gettext_lazy(
        "On the waiting list. If an award becomes free, the secretariat may offer it to your city."
    ),
    Status.DECLINED: gettext_lazy("Not selected this time."),
    Status.WITHDRAWN: gettext_lazy("Withdrawn by your city's focal point."),
}

# The statuses from which the focal point may withdraw the application (consultations.services.withdraw_application).
WITHDRAWABLE = (*Application.EDITABLE, Status.SUBMITTED)


def application_url(programme, application):
    return programme_url(programme, "application", application.pk)


def _back(programme, application):
    return application_url(programme, application), _("Back to the application")


def _not_understood():
    return UserFacingError(_("That request was not understood."))


# --- Starting an application from the call page ---------------------------------------------------------


def apply(request, call):
    """GET: the start form; POST: the focal point starts the city's draft and goes on to write it."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if to_sign_in := sign_in_first(request):
        return to_sign_in
    programme = call.get_parent().specific
    back = call.get_url(request), _("Back to the call")
    form = StartApplicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                application = services.start_application(call=call, user=request.user, title=form.cleaned_data["title"])
            except exceptions.ApplicationLimitReached as error:
                # A second click (or a colleague's) finds the city's application already started: open it.
                existing = selectors.city_applications_to(original(call), request.user)
                if not existing:
                    return refused(request, error, *back)
                messages.info(request, _("Your city has already started an application to this call. Here it is."))
                return redirect(application_url(programme, existing[0]))
            except UserFacingError as error:
                return refused(request, error, *back)
            messages.success(
                request,
                _("Your city's application is started. Save it as often as you like; submit it before the deadline."),
            )
            return redirect(application_url(programme, application))
    else:
        error = services.start_error(original(call), access.city_membership(request.user))
        if error is not None:
            return refused(request, error, *back)
    context = {"call": call, "form": form}
    return render(request, programme, "consultations/city/apply.html", context, status=400 if form.errors else 200)


# --- The city's list --------------------------------------------------------------------------------------


def my_applications(request, programme):
    """The applications the person sees as their city's: a fixed number of queries, however many there are."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    if to_sign_in := sign_in_first(request):
        return to_sign_in
    applications = selectors.city_applications(request.user)
    shown_calls = {call.translation_key: call for call in in_reader_language_each({a.call for a in applications})}
    rows = [
        {
            "application": application,
            "call": shown_calls.get(application.call.translation_key, application.call),
            "url": application_url(programme, application),
            "project_url": programme_url(programme, "project", project.pk)
            if (project := _project(application))
            else "",
            "status_note": STATUS_NOTES[application.status],
        }
        for application in applications
    ]
    context = {"rows": rows, "membership": access.city_membership(request.user)}
    return render(request, programme, "consultations/city/my_applications.html", context)


def _project(application):
    """The application's project, read with it (``select_related``), or None (its DoesNotExist is an AttributeError)."""
    return getattr(application, "project", None)


# --- One application -----------------------------------------------------------------------------------------


def application(request, programme, application_id):
    """GET: the application (a form while the city may change it, else the text as submitted); POST: save."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if to_sign_in := sign_in_first(request):
        return to_sign_in
    application = application_or_404(request, application_id, may=access.city_may_see)
    if request.method != "POST":
        return _application_page(request, programme, application)
    questions = list(application.call.questions.all())
    form = ApplicationForm(request.POST, application=application, questions=questions)
    if not form.is_valid():
        return _application_page(request, programme, application, form=form, questions=questions, status=400)
    try:
        services.save_application(application=application, user=request.user, **form.service_arguments())
    except UserFacingError as error:
        return refused(request, error, *_back(programme, application))
    messages.success(request, _("Saved."))
    return redirect(application_url(programme, application))


def _application_page(
    request, programme, application, *, form=None, questions=None, editor_form=None, attachment_form=None, status=200
):
    user, call = request.user, application.call
    leads = access.leads(user, application.organisation_id)
    deadline_passed = application.status == Status.DRAFT and call.has_closed()
    can_edit = application.is_editable and not deadline_passed
    if questions is None:
        questions = list(call.questions.all())
    attachments = list(application.attachments.all())
    if can_edit and form is None:
        form = ApplicationForm(application=application, questions=questions)
    if can_edit and attachment_form is None and len(attachments) < MAX_ATTACHMENTS:
        attachment_form = AttachmentForm(attached=len(attachments))
    if leads and application.is_editable and editor_form is None:
        editor_form = EditorForm()
    context = {
        "application": application,
        "call": call,
        "status_note": STATUS_NOTES[application.status],
        "is_focal_point": leads,
        "focal_point_names": [] if leads else selectors.focal_point_names(application.organisation_id),
        "can_edit": can_edit,
        "deadline_passed": deadline_passed,
        "form": form if can_edit else None,
        "answers": list(application.answers.items()),
        "partners": [line.strip() for line in application.partners.splitlines() if line.strip()],
        "editors": list(application.editors.select_related("user").order_by("added_at", "pk")),
        "editor_form": editor_form if leads and application.is_editable else None,
        "attachments": attachments,
        "attachment_form": attachment_form if can_edit else None,
        "max_attachments": MAX_ATTACHMENTS,
        "missing": services.missing_parts(application) if leads and can_edit else [],
        "may_withdraw": leads and application.status in WITHDRAWABLE,
        "project_url": _project_url(programme, application),
    }
    return render(request, programme, "consultations/city/application.html", context, status=status)


def _project_url(programme, application):
    if application.status != Status.AWARDED:
        return ""
    project_id = Project.objects.filter(application=application).values_list("pk", flat=True).first()
    return programme_url(programme, "project", project_id) if project_id else ""


# --- What the city does to an application (POST only) --------------------------------------------------------


def application_action(request, programme, application_id, action):
    handler = ACTIONS.get(action)
    if handler is None:
        raise Http404(_("There is no such action."))
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        next_url = programme_url(programme, "application", application_id)
        return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
    application = application_or_404(request, application_id, may=access.city_may_see)
    return handler(request, programme, application)


def _submit(request, programme, application):
    try:
        services.submit_application(application=application, user=request.user)
    except exceptions.WrongStep as error:
        return refused(request, _already_submitted(application) or error, *_back(programme, application))
    except exceptions.IncompleteApplication as error:
        # Back to the form, where the missing parts are listed next to the button: nothing is lost.
        messages.error(request, error.message)
        return redirect(application_url(programme, application))
    except UserFacingError as error:
        return refused(request, error, *_back(programme, application))
    messages.success(request, _("Submitted. The secretariat checks the application next and tells your city."))
    return redirect(application_url(programme, application))


def _already_submitted(application):
    """For a second click on "Submit" (or a colleague's): say that it was submitted, not "not at that step"."""
    fresh = Application.objects.get(pk=application.pk)
    if fresh.status in Application.EDITABLE or fresh.submitted_at is None:
        return None
    return exceptions.WrongStep(
        _("This application was already submitted: nothing was changed. Its status: %(status)s.")
        % {"status": fresh.get_status_display()}
    )


def _withdraw(request, programme, application):
    """The first POST asks to confirm (no JavaScript needed); the one carrying ``confirmed`` withdraws."""
    if not access.leads(request.user, application.organisation_id):
        return refused(request, exceptions.NotFocalPoint(), *_back(programme, application))
    form = ConfirmForm(request.POST)
    if not (form.is_valid() and form.cleaned_data["confirmed"]):
        context = {"application": application, "call": application.call}
        return render(request, programme, "consultations/city/withdraw.html", context)
    try:
        services.withdraw_application(application=application, user=request.user)
    except UserFacingError as error:
        return refused(request, error, *_back(programme, application))
    messages.success(request, _("The application is withdrawn. Your city's place in the call is free again."))
    return redirect(application_url(programme, application))


def _add_editor(request, programme, application):
    form = EditorForm(request.POST)
    if not form.is_valid():
        return _application_page(request, programme, application, editor_form=form, status=400)
    try:
        editor = services.add_editor(application=application, by=request.user, email=form.cleaned_data["email"])
    except UserFacingError as error:
        return refused(request, error, *_back(programme, application))
    messages.success(
        request, _("%(name)s can now edit the application. We have emailed them.") % {"name": editor.user.display_name}
    )
    return redirect(application_url(programme, application))


def _remove_editor(request, programme, application):
    form = IdForm(request.POST)
    if not form.is_valid():
        return refused(request, _not_understood(), *_back(programme, application))
    try:
        services.remove_editor(application=application, by=request.user, editor_id=form.cleaned_data["id"])
    except UserFacingError as error:
        return refused(request, error, *_back(programme, application))
    messages.success(request, _("Removed from the editors."))
    return redirect(application_url(programme, application))


def _upload(request, programme, application):
    form = AttachmentForm(request.POST, request.FILES, attached=application.attachments.count())
    if not form.is_valid():
        return _application_page(request, programme, application, attachment_form=form, status=400)
    try:
        attachment = services.add_attachment(application=application, user=request.user, **form.service_arguments())
    except UserFacingError as error:
        return refused(request, error, *_back(programme, application))
    messages.success(request, _("Attached: %(title)s.") % {"title": attachment.title})
    return redirect(application_url(programme, application))


def _remove_file(request, programme, application):
    form = IdForm(request.POST)
    if not form.is_valid():
        return refused(request, _not_understood(), *_back(programme, application))
    try:
        services.remove_attachment(application=application, user=request.user, attachment_id=form.cleaned_data["id"])
    except UserFacingError as error:
        return refused(request, error, *_back(programme, application))
    messages.success(request, _("The file is removed."))
    return redirect(application_url(programme, application))


ACTIONS = {
    "submit": _submit,
    "withdraw": _withdraw,
    "add-editor": _add_editor,
    "remove-editor": _remove_editor,
    "upload": _upload,
    "remove-file": _remove_file,
}


# --- Files ------------------------------------------------------------------------------------------------


def attachment(request, programme, application_id, attachment_id):
    """An attachment, for whoever may read the application (access.may_see); a 404 for anyone else, and for the id
    of another application's file."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    if to_sign_in := sign_in_first(request):
        return to_sign_in
    application = application_or_404(request, application_id)
    attachment = application.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404(_("There is no such file."))
    return private_download(attachment.file, attachment.filename)
