"""The programme's emails, written by a worker once the step is committed, and its periodic reminders.

consultations/emails.py says who hears what; each function re-reads the rows and checks the email is still due,
so a task that runs twice writes nothing twice (core.tasks.email_task).
"""

from core.tasks import email_task

from . import emails


@email_task
def tell_editor_added(*, editor_id: int):
    emails.editor_added(editor_id=editor_id)


@email_task
def tell_application_submitted(*, application_id: int):
    emails.application_submitted(application_id=application_id)


@email_task
def tell_information_requested(*, application_id: int):
    emails.information_requested(application_id=application_id)


@email_task
def tell_screened_out(*, application_id: int):
    emails.screened_out(application_id=application_id)


@email_task
def tell_reviewer_assigned(*, assignment_id: int):
    emails.reviewer_assigned(assignment_id=assignment_id)


@email_task
def tell_determination(*, application_id: int, outcome: str):
    emails.determination(application_id=application_id, outcome=outcome)


@email_task
def tell_project_started(*, project_id: int):
    emails.project_started(project_id=project_id)


@email_task
def tell_project_completed(*, project_id: int):
    emails.project_completed(project_id=project_id)


@email_task
def remind_cities_with_drafts():
    """Daily: cities with a draft hear 7 days and 1 day before the call closes (once each)."""
    return emails.deadline_reminders()


@email_task
def remind_reviewers():
    """Daily: reviewers with an open assignment hear once a week until they submit or step back."""
    return emails.reviewer_reminders()
