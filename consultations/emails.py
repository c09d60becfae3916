"""Who hears what in the programme: the city, its reviewers, its consultants and the secretariat.

Each function takes ids (tasks.py calls it once the step is committed), re-reads the rows, checks that the email is
still due (a determination only while the application still has that outcome, nothing to a removed editor), and
writes one email per person, in their language, with an absolute link to the page they need on the programme's
page. The two reminder functions run daily (manage.py send_consultation_reminders, or the tasks in tasks.py); each
reminder is recorded on its row under the row's lock, so two runs send it once.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.emails import absolute_url, send_templated_email
from core.locking import lock_for_seats
from members.models import Membership, Organisation, User

from . import access
from .models import Application, Assignment, ConsultationProgrammePage, Editor, Project

# Days before a call closes when cities with a draft hear of it (each once).
DEADLINE_REMINDER_DAYS = (7, 1)
# A reviewer who has not submitted hears again after this long, and then once every this long.
REVIEWER_REMINDER_INTERVAL = timedelta(days=7)


# --- Links and recipients ------------------------------------------------------------------------------------


def programme_of(call):
    return ConsultationProgrammePage.objects.ancestor_of(call).first()


def route_url(call, route, *args):
    """The absolute address of one of the programme page's routes (its language is moved to the recipient's by
    core.emails.send_templated_email)."""
    programme = programme_of(call)
    if programme is None:
        return ""
    parts = programme.get_url_parts()
    if not parts or parts[2] is None:
        return ""
    return absolute_url(parts[2] + programme.reverse_subpage(route, args=list(args)))


def city_people(application):
    """The city's side of an application, as access.city_may_see has it: the approved focal points of the city and
    the editors the focal point added (while they are still the city's staff). Active accounts, each once."""
    editors = Editor.objects.filter(application_id=application.pk).values("user_id")
    return list(
        User.objects.filter(
            is_active=True,
            membership__organisation_id=application.organisation_id,
            membership__status=Membership.Status.APPROVED,
            membership__organisation__status=Organisation.Status.ACTIVE,
            membership__organisation__kind=Organisation.Kind.MEMBER_CITY,
        )
        .filter(Q(membership__role=Membership.Role.FOCAL_POINT) | Q(pk__in=editors))
        .order_by("pk")
    )


def secretariat_people():
    return list(User.objects.filter(is_active=True, groups__name=access.SECRETARIAT_GROUP).distinct().order_by("pk"))


def city_name(application):
    return application.organisation.city or application.organisation.name


def _application(application_id):
    return Application.objects.select_related("call", "organisation").filter(pk=application_id).first()


def _send(name, people, context):
    """One email to each person, in their language. Returns how many were written."""
    written = 0
    seen = set()
    for person in people:
        if person.pk in seen or not person.is_active or not person.email:
            continue
        seen.add(person.pk)
        send_templated_email(
            f"consultations/email/{name}",
            to=[person.email],
            context={**context, "recipient": person},
            language=person.preferred_language,
        )
        written += 1
    return written


def _application_context(application):
    call = application.call
    return {
        "application": application,
        "reference": application.reference,
        "call": call,
        "city": city_name(application),
        "application_url": route_url(call, "application", application.pk),
    }


# --- The city's application ---------------------------------------------------------------------------------


def editor_added(*, editor_id):
    """The colleague the focal point made an editor: what to edit and where (not if they were removed since)."""
    editor = Editor.objects.select_related("user", "added_by", "application__call", "application__organisation")
    editor = editor.filter(pk=editor_id).first()
    if editor is None or not editor.user.is_active:
        return 0
    application = editor.application
    if application.status == Application.Status.WITHDRAWN or not access.is_colleague(
        editor.user, application.organisation_id
    ):
        return 0
    context = {**_application_context(application), "added_by": editor.added_by}
    return _send("editor_added", [editor.user], context)


def application_submitted(*, application_id):
    """The receipt to the city: the reference and the time it was submitted, in the call's zone."""
    application = _application(application_id)
    if application is None or application.submitted_at is None:
        return 0
    if application.status in (Application.Status.DRAFT, Application.Status.WITHDRAWN):
        return 0
    context = {
        **_application_context(application),
        "submitted_at": application.submitted_at,
        "time_zone": application.call.time_zone,
    }
    return _send("application_submitted", city_people(application), context)


def information_requested(*, application_id):
    application = _application(application_id)
    if application is None or application.status != Application.Status.INFORMATION_REQUESTED:
        return 0
    context = {**_application_context(application), "message": application.information_request}
    return _send("information_requested", city_people(application), context)


def screened_out(*, application_id):
    application = _application(application_id)
    if application is None or application.status != Application.Status.INELIGIBLE:
        return 0
    context = {**_application_context(application), "reason": application.screening_reason}
    return _send("screened_out", city_people(application), context)


def determination(*, application_id, outcome):
    """The decision, while the application still has it (a later decision sends its own email; a withdrawn
    application hears nothing)."""
    application = _application(application_id)
    if application is None or application.status != outcome or outcome not in Application.DETERMINATIONS:
        return 0
    context = {
        **_application_context(application),
        "outcome": outcome,
        "awarded": outcome == Application.Status.AWARDED,
        "waiting_list": outcome == Application.Status.WAITING_LIST,
        "declined": outcome == Application.Status.DECLINED,
        "message": application.determination_message,
    }
    return _send("determination", city_people(application), context)


# --- Reviews ------------------------------------------------------------------------------------------------


def _assignment(assignment_id):
    return (
        Assignment.objects.select_related("reviewer", "application__call", "application__organisation")
        .filter(pk=assignment_id)
        .first()
    )


def _review_context(assignment):
    application = assignment.application
    return {
        **_application_context(application),
        "assigned_at": assignment.assigned_at,
        "review_url": route_url(application.call, "review", assignment.pk),
    }


def _review_still_open(assignment):
    return (
        assignment is not None
        and assignment.reviewer is not None
        and assignment.reviewer.is_active
        and assignment.status == Assignment.Status.ASSIGNED
        and assignment.application.status == Application.Status.IN_REVIEW
    )


def reviewer_assigned(*, assignment_id):
    assignment = _assignment(assignment_id)
    if not _review_still_open(assignment):
        return 0
    return _send("reviewer_assigned", [assignment.reviewer], _review_context(assignment))


# --- Projects -----------------------------------------------------------------------------------------------


def _project(project_id):
    return (
        Project.objects.select_related("application__call", "application__organisation", "case")
        .filter(pk=project_id)
        .first()
    )


def _project_context(project):
    application = project.application
    return {
        **_application_context(application),
        "project": project,
        "project_url": route_url(application.call, "project", project.pk),
    }


def project_started(*, project_id):
    """The consultants and the city: the project has started, with its milestones' due dates."""
    project = _project(project_id)
    if project is None:
        return 0
    consultants = list(project.consultants.filter(is_active=True).order_by("pk"))
    context = {
        **_project_context(project),
        "consultants": ", ".join(person.display_name for person in consultants),
        "milestones": [(milestone.get_kind_display(), milestone.due_on) for milestone in project.milestones.all()],
    }
    return _send("project_started", [*consultants, *city_people(project.application)], context)


def project_completed(*, project_id):
    """The city and the secretariat: the project's draft case waits for the city's sign-off, then for review."""
    project = _project(project_id)
    if project is None or project.status != Project.Status.COMPLETED:
        return 0
    context = {**_project_context(project), "case_title": project.case.title if project.case else ""}
    return _send("project_completed", [*city_people(project.application), *secretariat_people()], context)


# --- Reminders (daily) --------------------------------------------------------------------------------------


def _thresholds(value):
    return {int(part) for part in value.split(",") if part.strip().isdigit()}


def deadline_reminders(*, now=None):
    """Drafts of open calls closing within 7 days (and again within 1 day): the city's focal points and editors
    hear once per threshold. A draft started inside both thresholds hears once, of the nearer. Returns how many
    emails were written."""
    now = now or timezone.now()
    horizon = now + timedelta(days=max(DEADLINE_REMINDER_DAYS))
    due = Application.objects.filter(
        status=Application.Status.DRAFT,
        call__live=True,
        call__opens_at__lte=now,
        call__closes_at__gt=now,
        call__closes_at__lte=horizon,
    ).order_by("pk")
    written = 0
    for application_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            application = lock_for_seats(Application, application_id)  # a second run waits, then finds it done
            call = application.call
            if application.status != Application.Status.DRAFT or not call.is_open(now):
                continue
            left = call.closes_at - now
            passed = {days for days in DEADLINE_REMINDER_DAYS if left <= timedelta(days=days)}
            done = _thresholds(application.reminded_for)
            if not passed - done:
                continue
            application.reminded_for = ",".join(str(days) for days in sorted(done | passed, reverse=True))
            application.save(update_fields=["reminded_for"])
            context = {
                **_application_context(application),
                "days": min(passed),
                "closes_at": call.closes_at,
                "time_zone": call.time_zone,
            }
            written += _send("deadline_reminder", city_people(application), context)
    return written


def reviewer_reminders(*, now=None):
    """Reviews still to do a week after they were assigned: the reviewer hears once a week until they submit or
    step back. Returns how many emails were written."""
    now = now or timezone.now()
    week_ago = now - REVIEWER_REMINDER_INTERVAL
    due = (
        Assignment.objects.filter(
            status=Assignment.Status.ASSIGNED,
            application__status=Application.Status.IN_REVIEW,
            reviewer__is_active=True,
            assigned_at__lte=week_ago,
        )
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=week_ago))
        .order_by("pk")
    )
    written = 0
    for assignment_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            lock_for_seats(Assignment, assignment_id)
            assignment = _assignment(assignment_id)
            if not _review_still_open(assignment) or assignment.assigned_at > week_ago:
                continue
            if assignment.reminded_at is not None and assignment.reminded_at > week_ago:
                continue  # another run reminded them
            assignment.reminded_at = now
            assignment.save(update_fields=["reminded_at"])
            written += _send("reviewer_reminder", [assignment.reviewer], _review_context(assignment))
    return written
