"""The review emails, written by a worker once the decision is committed (cases/emails.py says who hears what)."""

from core.tasks import email_task

from . import emails


@email_task
def tell_sign_off_requested(*, task_state_id: int):
    emails.sign_off_requested(task_state_id=task_state_id)


@email_task
def tell_review_decided(*, task_state_id: int):
    emails.review_decided(task_state_id=task_state_id)
