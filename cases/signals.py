"""Receivers for the case review; connected in CasesConfig.ready(), the only place signals are connected.

Wagtail emails the submitter of any workflow when it is approved or rejected. For a case we send those emails
ourselves (cases.emails: in the person's language, with the city's wording), so Wagtail's two notifiers are
replaced by the same notifiers, silent for cases. Everything else Wagtail sends is left as it is.
"""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier, WorkflowStateRejectionEmailNotifier
from wagtail.models import WorkflowState

from core.tasks import enqueue_on_commit

from . import tasks
from .models import CasePage, CitySignOffTask


def is_case(workflow_state: WorkflowState) -> bool:
    model = workflow_state.content_type.model_class()
    return model is not None and issubclass(model, CasePage)


class SilentForCases:
    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and not is_case(instance)


class WorkflowApprovedNotifier(SilentForCases, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectedNotifier(SilentForCases, WorkflowStateRejectionEmailNotifier):
    pass


# (signal name in wagtail.signals, Wagtail's dispatch_uid in wagtail.admin.signal_handlers, our replacement)
WAGTAIL_NOTIFIERS = [
    ("workflow_approved", "workflow_state_approved_email_notification", WorkflowApprovedNotifier()),
    ("workflow_rejected", "workflow_state_rejected_email_notification", WorkflowRejectedNotifier()),
]


def on_task_submitted(sender, instance, user=None, **kwargs):
    """A city sign-off started (a submission, or a resubmission after the city asked for changes)."""
    if isinstance(instance.task.specific, CitySignOffTask):
        enqueue_on_commit(tasks.tell_sign_off_requested, task_state_id=instance.pk)


def on_task_decided(sender, instance, user=None, **kwargs):
    """Someone approved or rejected a step of a case's review (a step that passed by itself has no user)."""
    if user is not None and is_case(instance.workflow_state):
        enqueue_on_commit(tasks.tell_review_decided, task_state_id=instance.pk)
