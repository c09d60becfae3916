"""Every step of the programme's workflow: the only code that writes applications, reviews and projects.

Each service runs in one transaction, takes the row lock it needs where two people can act at once (the call for a
city's places and the awards, the application for its status, the assignment for its review), checks, writes one
``ApplicationEvent`` for the history, and enqueues its emails on commit. It raises a typed error from
``consultations.exceptions`` that the view shows as it is; nothing is half-written when it does.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import original
from core.locking import lock_for_seats
from core.tasks import enqueue_on_commit

from . import access, exceptions, tasks
from .models import Application, ApplicationEvent, Assignment, Attachment, CallPage, Editor, Milestone, Project, Score

# A person's edits of the same application within this time are one line of its history.
EDITS_MERGE_SECONDS = 15 * 60

CITY_FIELDS = ("title", "challenge", "objectives", "expected_outcomes", "partners", "contact_name", "contact_email")


def _record(application, actor, verb, note=""):
    return ApplicationEvent.objects.create(application=application, actor=actor, verb=verb, note=note)


def _locked(application_id):
    return lock_for_seats(Application, application_id)


# --- The city ----------------------------------------------------------------------------------------------


def eligibility_error(call, membership):
    """Why the city of ``membership`` may not apply to ``call`` (an exception), or None."""
    if membership is None:
        return exceptions.CityNotEligible()
    if call.regions and membership.organisation.region not in call.regions:
        return exceptions.CityNotEligible()
    if not membership.is_focal_point:
        return exceptions.NotFocalPoint()
    return None


def start_error(call, membership):
    """Why the person of ``membership`` may not start an application to ``call`` now (an exception), or None."""
    error = eligibility_error(call, membership)
    if error is None and not call.is_open():
        error = exceptions.DeadlinePassed() if call.has_closed() else exceptions.CallNotOpen()
    return error


@transaction.atomic
def start_application(*, call: CallPage, user, title: str) -> Application:
    """The focal point starts the city's draft. The call's row lock makes two clicks take one place, not two."""
    # Applications belong to the call's original page, whichever translation the city applied through.
    call = lock_for_seats(CallPage, original(call).pk)
    membership = access.city_membership(user)
    error = start_error(call, membership)
    if error:
        raise error
    taken = set(
        Application.objects.filter(call=call, organisation=membership.organisation, slot__isnull=False).values_list(
            "slot", flat=True
        )
    )
    free = [slot for slot in range(1, call.applications_per_city + 1) if slot not in taken]
    if not free:
        raise exceptions.ApplicationLimitReached()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call,
                organisation=membership.organisation,
                slot=free[0],
                title=title.strip() or call.title,
                created_by=user,
                contact_name=user.get_full_name(),
                contact_email=user.email,
            )
    except IntegrityError:  # a concurrent start took the place (SQLite has no row lock to wait on)
        raise exceptions.ApplicationLimitReached() from None
    _record(application, user, ApplicationEvent.Verb.STARTED)
    return application


@transaction.atomic
def save_application(*, application: Application, user, data: dict, answers: dict) -> Application:
    """The city's editors change the text. A draft closes at the deadline; a request for information reopens it."""
    application = _locked(application.pk)
    if not access.city_may_see(user, application):
        raise exceptions.NotAllowed()
    if not application.is_editable:
        raise exceptions.NotEditable()
    if application.status == Application.Status.DRAFT and application.call.has_closed():
        raise exceptions.DeadlinePassed()
    for name in CITY_FIELDS:
        if name in data:
            setattr(application, name, (data[name] or "").strip())
    application.answers = answers
    application.updated_at = timezone.now()
    application.save()
    last = application.history.order_by("-at", "-pk").first()
    recent = timezone.now() - timezone.timedelta(seconds=EDITS_MERGE_SECONDS)
    if last and last.verb == ApplicationEvent.Verb.EDITED and last.actor_id == user.pk and last.at >= recent:
        last.at = timezone.now()
        last.save(update_fields=["at"])
    else:
        _record(application, user, ApplicationEvent.Verb.EDITED)
    return application


@transaction.atomic
def add_editor(*, application: Application, by, email: str) -> Editor:
    application = _locked(application.pk)
    if not access.leads(by, application.organisation_id):
        raise exceptions.NotFocalPoint()
    if not application.is_editable:
        raise exceptions.NotEditable()
    from members.models import User

    colleague = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if colleague is None or not access.is_colleague(colleague, application.organisation_id):
        raise exceptions.NotColleague()
    editor, created = Editor.objects.get_or_create(application=application, user=colleague, defaults={"added_by": by})
    if created:
        _record(application, by, ApplicationEvent.Verb.EDITOR_ADDED, colleague.display_name)
        enqueue_on_commit(tasks.tell_editor_added, editor_id=editor.pk)
    return editor


@transaction.atomic
def remove_editor(*, application: Application, by, editor_id: int) -> None:
    application = _locked(application.pk)
    if not access.leads(by, application.organisation_id):
        raise exceptions.NotFocalPoint()
    editor = application.editors.select_related("user").filter(pk=editor_id).first()
    if editor is not None:
        editor.delete()
        _record(application, by, ApplicationEvent.Verb.EDITOR_REMOVED, editor.user.display_name)


@transaction.atomic
def add_attachment(*, application: Application, user, title: str, file) -> Attachment:
    application = _locked(application.pk)
    if not access.may_edit(user, application):
        raise exceptions.NotEditable() if access.city_may_see(user, application) else exceptions.NotAllowed()
    if application.status == Application.Status.DRAFT and application.call.has_closed():
        raise exceptions.DeadlinePassed()  # a draft's files close with its text
    attachment = Attachment.objects.create(
        application=application, title=title.strip() or file.name, file=file, size=file.size, uploaded_by=user
    )
    _record(application, user, ApplicationEvent.Verb.ATTACHED, attachment.title)
    return attachment


@transaction.atomic
def remove_attachment(*, application: Application, user, attachment_id: int) -> None:
    application = _locked(application.pk)
    if not access.may_edit(user, application):
        raise exceptions.NotEditable() if access.city_may_see(user, application) else exceptions.NotAllowed()
    if application.status == Application.Status.DRAFT and application.call.has_closed():
        raise exceptions.DeadlinePassed()  # a draft's files close with its text
    attachment = application.attachments.filter(pk=attachment_id).first()
    if attachment is not None:
        title, stored = attachment.title, attachment.file
        attachment.delete()
        transaction.on_commit(lambda: stored.storage.delete(stored.name), robust=True)
        _record(application, user, ApplicationEvent.Verb.DETACHED, title)


def missing_parts(application):
    """Labels of what a submitted application must have and this one lacks."""
    missing = [
        str(Application._meta.get_field(name).verbose_name)
        for name in ("title", "challenge", "objectives", "expected_outcomes")
        if not getattr(application, name).strip()
    ]
    missing += [
        question.label
        for question in application.call.questions.all()
        if question.required and not str(application.answers.get(question.label, "")).strip()
    ]
    return missing


@transaction.atomic
def submit_application(*, application: Application, user, now=None) -> Application:
    """The focal point submits, before the deadline; after a request for information, also after it."""
    application = _locked(application.pk)
    now = now or timezone.now()
    if not access.leads(user, application.organisation_id):
        raise exceptions.NotFocalPoint()
    if not application.is_editable:
        raise exceptions.WrongStep()
    if application.status == Application.Status.DRAFT and application.call.has_closed(now):
        raise exceptions.DeadlinePassed()
    missing = missing_parts(application)
    if missing:
        raise exceptions.IncompleteApplication(missing)
    resubmitted = application.status == Application.Status.INFORMATION_REQUESTED
    application.status = Application.Status.SUBMITTED
    application.submitted_at = now
    application.updated_at = now
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    _record(
        application, user, ApplicationEvent.Verb.SUBMITTED, _("with the information asked for") if resubmitted else ""
    )
    enqueue_on_commit(tasks.tell_application_submitted, application_id=application.pk)
    return application


@transaction.atomic
def withdraw_application(*, application: Application, user) -> Application:
    application = _locked(application.pk)
    if not access.leads(user, application.organisation_id):
        raise exceptions.NotFocalPoint()
    if application.status not in (*Application.EDITABLE, Application.Status.SUBMITTED):
        raise exceptions.WrongStep()
    application.status = Application.Status.WITHDRAWN
    application.slot = None  # frees the city's place in the call
    application.save(update_fields=["status", "slot"])
    _record(application, user, ApplicationEvent.Verb.WITHDRAWN)
    return application


# --- The secretariat: screening, reviewers, decisions ---------------------------------------------------------


def _ensure_secretariat(user):
    if not access.is_secretariat(user):
        raise exceptions.NotAllowed()


@transaction.atomic
def request_information(*, application: Application, by, message: str) -> Application:
    _ensure_secretariat(by)
    application = _locked(application.pk)
    if application.status != Application.Status.SUBMITTED:
        raise exceptions.WrongStep()
    if not message.strip():
        raise exceptions.ReasonRequired()
    application.status = Application.Status.INFORMATION_REQUESTED
    application.information_request = message.strip()
    application.save(update_fields=["status", "information_request"])
    _record(application, by, ApplicationEvent.Verb.INFORMATION_REQUESTED, message.strip())
    enqueue_on_commit(tasks.tell_information_requested, application_id=application.pk)
    return application


@transaction.atomic
def screen(*, application: Application, by, eligible: bool, reason: str = "") -> Application:
    _ensure_secretariat(by)
    application = _locked(application.pk)
    if application.status != Application.Status.SUBMITTED:
        raise exceptions.WrongStep()
    if not eligible and not reason.strip():
        raise exceptions.ReasonRequired()
    application.status = Application.Status.IN_REVIEW if eligible else Application.Status.INELIGIBLE
    application.screening_reason = reason.strip()
    application.save(update_fields=["status", "screening_reason"])
    verb = ApplicationEvent.Verb.SCREENED_ELIGIBLE if eligible else ApplicationEvent.Verb.SCREENED_INELIGIBLE
    _record(application, by, verb, reason.strip())
    if not eligible:
        enqueue_on_commit(tasks.tell_screened_out, application_id=application.pk)
    return application


@transaction.atomic
def assign_reviewer(*, application: Application, by, reviewer) -> Assignment:
    _ensure_secretariat(by)
    application = _locked(application.pk)
    if application.status != Application.Status.IN_REVIEW:
        raise exceptions.WrongStep()
    if not access.is_reviewer(reviewer):
        raise exceptions.NotAReviewer()
    if access.is_colleague(reviewer, application.organisation_id):
        raise exceptions.OwnCity()
    if application.assignments.filter(reviewer=reviewer).exists():
        raise exceptions.AlreadyAssigned()
    assignment = Assignment.objects.create(application=application, reviewer=reviewer, assigned_by=by)
    _record(application, by, ApplicationEvent.Verb.REVIEWER_ASSIGNED, reviewer.display_name)
    enqueue_on_commit(tasks.tell_reviewer_assigned, assignment_id=assignment.pk)
    return assignment


def _locked_assignment(assignment, user):
    assignment = lock_for_seats(Assignment, assignment.pk)
    if assignment.reviewer_id != user.pk:
        raise exceptions.NotAllowed()
    if assignment.status != Assignment.Status.ASSIGNED:
        raise exceptions.ReviewClosed()
    return assignment


@transaction.atomic
def declare_conflict(*, assignment: Assignment, user, note: str) -> Assignment:
    """A reviewer who knows the city, the team or the subject too closely steps back; the secretariat reassigns."""
    assignment = _locked_assignment(assignment, user)
    if not note.strip():
        raise exceptions.ReasonRequired()
    assignment.status = Assignment.Status.CONFLICT
    assignment.conflict_note = note.strip()
    assignment.save(update_fields=["status", "conflict_note"])
    _record(assignment.application, user, ApplicationEvent.Verb.CONFLICT_DECLARED, note.strip())
    return assignment


@transaction.atomic
def submit_review(*, assignment: Assignment, user, scores: dict, comment: str = "") -> Assignment:
    """``scores``: {criterion id: (score 1–5, comment)} for every criterion of the call. Submitted once, for good."""
    assignment = _locked_assignment(assignment, user)
    application = assignment.application
    if application.status != Application.Status.IN_REVIEW:
        raise exceptions.WrongStep()
    criteria = list(application.call.criteria.all())
    if {criterion.pk for criterion in criteria} != set(scores) or any(
        not isinstance(score, int) or not 1 <= score <= 5 for score, _comment in scores.values()
    ):
        raise exceptions.IncompleteReview()
    Score.objects.bulk_create(
        Score(
            assignment=assignment, criterion=criterion, score=scores[criterion.pk][0], comment=scores[criterion.pk][1]
        )
        for criterion in criteria
    )
    assignment.status = Assignment.Status.SUBMITTED
    assignment.comment = comment.strip()
    assignment.submitted_at = timezone.now()
    assignment.save(update_fields=["status", "comment", "submitted_at"])
    _record(application, user, ApplicationEvent.Verb.REVIEW_SUBMITTED)
    return assignment


@transaction.atomic
def determine(*, application: Application, by, outcome: str, message: str) -> Application:
    """Awarded, waiting list or not selected, with a message to the city. The call's row lock keeps the number of
    awards within the call's, however many of the secretariat decide at once. A decision may change until the
    project starts (a waiting-list city moves up when an awarded city withdraws)."""
    _ensure_secretariat(by)
    if outcome not in Application.DETERMINATIONS:
        raise exceptions.WrongStep()
    call = lock_for_seats(CallPage, application.call_id)
    application = _locked(application.pk)
    if application.status not in Application.REVIEWABLE or Project.objects.filter(application=application).exists():
        raise exceptions.WrongStep()
    if not message.strip():
        raise exceptions.ReasonRequired()
    if outcome == Application.Status.AWARDED and application.status != Application.Status.AWARDED:
        awarded = Application.objects.filter(call=call, status=Application.Status.AWARDED).count()
        if awarded >= call.awards:
            raise exceptions.AwardsExhausted()
    application.status = outcome
    application.determination_message = message.strip()
    application.determined_at = timezone.now()
    application.save(update_fields=["status", "determination_message", "determined_at"])
    _record(application, by, ApplicationEvent.Verb.DETERMINED, application.get_status_display())
    enqueue_on_commit(tasks.tell_determination, application_id=application.pk, outcome=outcome)
    return application


# --- Projects ------------------------------------------------------------------------------------------------


@transaction.atomic
def start_project(*, application: Application, by, consultants, due_dates: dict) -> Project:
    """``due_dates``: {Milestone.Kind: date} for the four milestones."""
    _ensure_secretariat(by)
    application = _locked(application.pk)
    if application.status != Application.Status.AWARDED or Project.objects.filter(application=application).exists():
        raise exceptions.WrongStep()
    project = Project.objects.create(application=application)
    project.consultants.set(consultants)
    Milestone.objects.bulk_create(
        Milestone(project=project, kind=kind, position=position, due_on=due_dates[kind])
        for position, kind in enumerate(Milestone.ORDER)
    )
    _record(application, by, ApplicationEvent.Verb.PROJECT_STARTED, ", ".join(c.display_name for c in consultants))
    enqueue_on_commit(tasks.tell_project_started, project_id=project.pk)
    return project


@transaction.atomic
def complete_milestone(*, milestone: Milestone, user, note: str = "", deliverable=None) -> Milestone:
    project = lock_for_seats(Project, milestone.project_id)
    milestone = project.milestones.get(pk=milestone.pk)
    if not access.may_work_on_project(user, project):
        raise exceptions.NotAllowed()
    if project.status != Project.Status.UNDER_WAY:
        raise exceptions.WrongStep()
    if deliverable is not None:
        milestone.deliverable = deliverable
    if milestone.kind == Milestone.Kind.FINAL_REPORT and not milestone.deliverable:
        raise exceptions.DeliverableRequired()
    milestone.note = note.strip() or milestone.note
    milestone.completed_at = milestone.completed_at or timezone.now()
    milestone.completed_by = milestone.completed_by or user
    milestone.save()
    return milestone


@transaction.atomic
def complete_project(*, project: Project, by):
    """The project ends in a draft case about the city, with the final report attached, sent to the case library's
    review (the city signs off, the secretariat reviews and publishes). Returns the case."""
    project = lock_for_seats(Project, project.pk)
    if not access.may_work_on_project(by, project):
        raise exceptions.NotAllowed()
    if project.status != Project.Status.UNDER_WAY:
        raise exceptions.WrongStep()
    milestones = list(project.milestones.all())
    final = next((m for m in milestones if m.kind == Milestone.Kind.FINAL_REPORT), None)
    if final is None or not final.deliverable or any(not m.is_done for m in milestones):
        raise exceptions.ProjectNotReady()
    from . import case_drafts

    case = case_drafts.create(project=project, author=by, final_report=final)
    project.status = Project.Status.COMPLETED
    project.completed_at = timezone.now()
    project.case = case
    project.save(update_fields=["status", "completed_at", "case"])
    enqueue_on_commit(tasks.tell_project_completed, project_id=project.pk)
    return case
