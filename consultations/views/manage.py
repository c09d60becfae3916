"""The secretariat: a call's applications and ranked table (and its export), one application with everything about it,
and the actions of each step (screen, ask for information, assign a reviewer, decide, start the project).

Anyone who is not the secretariat gets a 404 from every view here, whether or not the call or application exists.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.exceptions import UserFacingError
from core.exports import csv_response, xlsx_response
from core.i18n import original

from .. import access, selectors, services
from ..exceptions import WrongStep
from ..forms.manage import AssignForm, DetermineForm, InformationRequestForm, ScreenForm, StartProjectForm
from ..models import Application, Assignment, CallPage, Project, Score
from .common import application_or_404, programme_url, refused, render, sign_in_first
from .review import application_text, reviews_of

EXPORT_FORMATS = ("xlsx", "csv")


def secretariat_or_404(request):
    if not access.is_secretariat(request.user):
        raise Http404(_("There is no such page."))


def call_or_404(call_id):
    call = CallPage.objects.filter(pk=call_id).first()
    if call is None:
        raise Http404(_("There is no such call."))
    return original(call)  # the applications are kept on the original, whichever translation is asked


def status_counts(call):
    """[(status, label, number)] of the call's applications, in the workflow's order: one query."""
    counts = dict(Application.objects.filter(call=call).order_by().values_list("status").annotate(number=Count("pk")))
    return [(status, label, counts[status]) for status, label in Application.Status.choices if counts.get(status)]


# --- A call ------------------------------------------------------------------------------------------------------


def manage_call(request, programme, call_id):
    if response := sign_in_first(request):
        return response
    secretariat_or_404(request)
    call = call_or_404(call_id)
    ranked = [
        (row, programme_url(programme, "manage_application", row.application.pk)) for row in selectors.ranking(call)
    ]
    counts = status_counts(call)
    context = {
        "call": call,
        "call_url": call.get_url(request) or programme.get_url(request),
        "ranked": ranked,
        "to_screen": [item for item in ranked if item[0].application.status == Application.Status.SUBMITTED],
        "information_requested": [
            item for item in ranked if item[0].application.status == Application.Status.INFORMATION_REQUESTED
        ],
        "status_counts": [(label, number) for _status, label, number in counts],
        "awards_given": next((number for status, _l, number in counts if status == Application.Status.AWARDED), 0),
        "xlsx_url": programme_url(programme, "export_ranking", call.pk, "xlsx"),
        "csv_url": programme_url(programme, "export_ranking", call.pk, "csv"),
    }
    return render(request, programme, "consultations/manage/call.html", context)


def reviewer_scores(call):
    """{application id: [(reviewer name, weighted score)]} of the call's submitted reviews, by reviewer name: two
    queries."""
    reviews = {
        assignment.pk: assignment
        for assignment in Assignment.objects.filter(application__call=call, status=Assignment.Status.SUBMITTED)
        .select_related("reviewer")
        .order_by("pk")
    }
    pairs = {}
    for assignment_id, score, weight in (
        Score.objects.filter(assignment_id__in=reviews)
        .order_by()
        .values_list("assignment_id", "score", "criterion__weight")
    ):
        pairs.setdefault(assignment_id, []).append((score, weight))
    by_application = {}
    for assignment_id, assignment in reviews.items():
        name = assignment.reviewer.display_name if assignment.reviewer else _("A former reviewer")
        mean = selectors.weighted(pairs.get(assignment_id, []))
        by_application.setdefault(assignment.application_id, []).append(
            (name, round(mean, 2) if mean is not None else None)
        )
    return {key: sorted(value, key=lambda pair: str(pair[0]).casefold()) for key, value in by_application.items()}


def export_ranking(request, programme, call_id, format):
    if format not in EXPORT_FORMATS:
        raise Http404(_("There is no such export."))
    if response := sign_in_first(request):
        return response
    secretariat_or_404(request)
    call = call_or_404(call_id)
    rows = selectors.ranking(call)
    named = reviewer_scores(call)
    most = max((len(named.get(row.application.pk, [])) for row in rows), default=0)
    header = [
        _("Rank"),
        _("City"),
        _("Region"),
        _("Project title"),
        _("Reference"),
        _("Status"),
        _("Weighted mean"),
        _("Spread"),
        _("Reviews submitted"),
        _("Reviewers assigned"),
    ]
    for number in range(1, most + 1):
        header += [_("Reviewer %(number)s") % {"number": number}, _("Reviewer %(number)s score") % {"number": number}]
    table = []
    for row in rows:
        application = row.application
        line = [
            row.rank,
            application.organisation.name,
            str(application.organisation.get_region_display()),
            application.title,
            f"{call.programme_year}-{application.pk:04d}",
            str(application.get_status_display()),
            round(row.mean, 2) if row.mean is not None else None,
            round(row.spread, 2) if row.spread is not None else None,
            row.reviews,
            row.assigned,
        ]
        reviews = named.get(application.pk, [])
        for name, score in reviews:
            line += [name, score]
        line += [None, None] * (most - len(reviews))
        table.append(line)
    filename = f"ranking-{call.slug}"
    if format == "csv":
        return csv_response(header, table, filename)
    return xlsx_response(header, table, filename, sheet_title=_("Ranking"))


# --- An application --------------------------------------------------------------------------------------------

ACTIONS = {
    "screen": ScreenForm,
    "request-information": InformationRequestForm,
    "assign": AssignForm,
    "determine": DetermineForm,
    "start-project": StartProjectForm,
}


def action_form(action, application, data=None):
    form_class = ACTIONS[action]
    kwargs = {"application": application} if form_class is AssignForm else {}
    return form_class(data, prefix=action, **kwargs)


def step_actions(application, project):
    """The actions the application's step offers the secretariat."""
    status = application.status
    if status == Application.Status.SUBMITTED:
        return ["screen", "request-information"]
    if status == Application.Status.IN_REVIEW:
        return ["assign", "determine"]
    if status in Application.DETERMINATIONS and project is None:
        return ["determine", "start-project"] if status == Application.Status.AWARDED else ["determine"]
    return []


def application_page(request, programme, application, *, bound=None, status=200):
    """The secretariat's page of an application; ``bound``: (action, form) to show with its errors."""
    project = Project.objects.filter(application=application).first()
    forms = {
        action.replace("-", "_"): action_form(action, application) for action in step_actions(application, project)
    }
    if bound is not None:
        forms[bound[0].replace("-", "_")] = bound[1]
    action_urls = {
        action.replace("-", "_"): programme_url(programme, "manage_application_action", application.pk, action)
        for action in ACTIONS
    }
    call = application.call
    history = [
        (event, event.actor.display_name if event.actor else _("Someone no longer on the hub"))
        for event in selectors.application_history(application)
    ]
    context = {
        "application": application,
        "call": call,
        "call_url": programme_url(programme, "manage_call", call.pk),
        "reviews": reviews_of(application),
        "criteria": list(call.criteria.all()),
        "history": history,
        "forms": forms,
        "action_urls": action_urls,
        "project": project,
        "project_url": programme_url(programme, "project", project.pk) if project else "",
        "awards_given": Application.objects.filter(call=call, status=Application.Status.AWARDED).count(),
        **application_text(request, programme, application),
    }
    return render(request, programme, "consultations/manage/application.html", context, status=status)


def secretariat_application_or_404(request, application_id):
    return application_or_404(request, application_id, may=lambda user, _application: access.is_secretariat(user))


def manage_application(request, programme, application_id):
    if response := sign_in_first(request):
        return response
    application = secretariat_application_or_404(request, application_id)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    return application_page(request, programme, application)


def run_action(action, form, application, user):
    """Call the action's service; return the success message."""
    data = form.cleaned_data
    if action == "screen":
        services.screen(application=application, by=user, **form.service_arguments())
        return _("The application is in review.") if data["decision"] == "eligible" else _("The city is told why.")
    if action == "request-information":
        services.request_information(application=application, by=user, message=data["message"])
        return _("The city is asked for more information. Its application can be edited again.")
    if action == "assign":
        reviewer = data["reviewer"]
        services.assign_reviewer(application=application, by=user, reviewer=reviewer)
        return _("%(name)s is assigned to review the application.") % {"name": reviewer.display_name}
    if action == "determine":
        decided = services.determine(application=application, by=user, outcome=data["outcome"], message=data["message"])
        return _("Decision recorded: %(outcome)s. The city is told.") % {"outcome": decided.get_status_display()}
    services.start_project(
        application=application, by=user, consultants=data["consultants"], due_dates=form.due_dates()
    )
    return _("The project has started. The consultants are told.")


def manage_application_action(request, programme, application_id, action):
    if action not in ACTIONS:
        raise Http404(_("There is no such action."))
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page_url = programme_url(programme, "manage_application", application_id)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page_url})}")
    application = secretariat_application_or_404(request, application_id)
    form = action_form(action, application, request.POST)
    if not form.is_valid():
        project = Project.objects.filter(application=application).first()
        if action not in step_actions(application, project):
            return refused(request, WrongStep(), page_url, _("Back to the application"))
        return application_page(request, programme, application, bound=(action, form), status=400)
    try:
        message = run_action(action, form, application, request.user)
    except UserFacingError as error:
        return refused(request, error, page_url, _("Back to the application"))
    messages.success(request, message)
    return redirect(page_url)
