"""Reviewed publishing: consultants write, the city signs off, the secretariat reviews, then it is live.

``ensure_review_workflow()`` sets up (idempotently) the groups, their permissions on the library and the
"Case review" workflow: City sign-off (optional: skipped for non-members) → Secretariat review.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.exceptions import UserFacingError
from members.selectors import organisations_led_by

from .models import CaseIndexPage, CasePage, CitySignOffTask

CONSULTANTS = "Consultants"
SECRETARIAT = "Secretariat reviewers"
WORKFLOW = "Case review"


class NotYourCity(UserFacingError):
    message = _("Only the focal point of the case's city can sign it off.")
    status = 403


class NotAwaitingSignOff(UserFacingError):
    message = _("This case is not waiting for your city's sign-off any more.")
    status = 409


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


@transaction.atomic
def ensure_review_workflow(index: CaseIndexPage) -> Workflow:
    consultants, _ = Group.objects.get_or_create(name=CONSULTANTS)
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    for group in (consultants, secretariat):
        group.permissions.add(_admin_access())
    # "add" lets consultants create cases and edit their own, never others' and never publish.
    GroupPagePermission.objects.get_or_create(group=consultants, page=index, permission=_page_permission("add"))
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.get_or_create(group=secretariat, page=index, permission=_page_permission(action))
    root = Collection.get_first_root_node()
    for group in (consultants, secretariat):
        for codename in ("add_document", "choose_document", "add_image", "choose_image"):
            permission = Permission.objects.get(codename=codename)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    city_task = CitySignOffTask.objects.filter(name="City sign-off").first() or CitySignOffTask.objects.create(
        name="City sign-off"
    )
    review_task = GroupApprovalTask.objects.filter(name="Secretariat review").first()
    if review_task is None:
        review_task = GroupApprovalTask.objects.create(name="Secretariat review")
        review_task.groups.set([secretariat])
    for order, task in enumerate([city_task, review_task]):
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


# --- The city's sign-off, on the public site ---------------------------------------------------------


def awaiting_sign_off(user):
    """In-progress city sign-offs the person may decide, oldest first.

    It runs on every "My hub": people who lead no organisation cost one query, and only the cases of the
    cities they lead are read back from their revisions.
    """
    if not user.is_authenticated:
        return []
    led = organisations_led_by(user)
    if not led:
        return []
    case_ids = [str(pk) for pk in CasePage.objects.filter(organisation_id__in=led).values_list("pk", flat=True)]
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=CitySignOffTask.objects.all(),
            workflow_state__object_id__in=case_ids,
        )
        .select_related("revision")
        .order_by("started_at")
    )
    return [(task_state, task_state.revision.as_object()) for task_state in states]


def decide_sign_off(*, task_state_id: int, user, approve: bool, comment: str = "") -> TaskState:
    task_state = TaskState.objects.select_related("task", "revision").filter(pk=task_state_id).first()
    if task_state is None or not isinstance(task_state.task.specific, CitySignOffTask):
        raise NotAwaitingSignOff
    case = task_state.revision.as_object()
    task = task_state.task.specific
    if not task.user_may_decide(case, user):
        raise NotYourCity
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise NotAwaitingSignOff
    task.on_action(task_state.specific, user, "approve" if approve else "reject", comment=comment)
    return task_state


# --- What a published case shows ----------------------------------------------------------------------


def review_marks(case):
    """(reviewed by the secretariat, endorsing city name or "") from the last approved review of the case."""
    states = TaskState.objects.filter(
        workflow_state__base_content_type__isnull=False,
        workflow_state__object_id=str(case.pk),
        status=TaskState.STATUS_APPROVED,
        workflow_state__status="approved",
    ).select_related("task", "finished_by")
    reviewed, endorsed = False, False
    for task_state in states:
        task = task_state.task.specific
        if isinstance(task, CitySignOffTask):
            endorsed = endorsed or task_state.finished_by_id is not None
        elif isinstance(task, GroupApprovalTask):
            reviewed = True
    return reviewed, (case.organisation.city if endorsed and case.organisation else "")
