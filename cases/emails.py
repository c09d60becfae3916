"""The review emails: the city is asked to sign off; the case's submitter hears of every decision on it.

Each function takes a task state's id, re-reads it (they run on commit, after the decision was saved), checks that
the email is still due, and writes to each person in their own language. Which email Wagtail sends and which we
send is set out in docs/cases.md ("Who is told what").
"""

from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from core.emails import absolute_url, send_templated_email
from members.models import User

from .models import CaseIndexPage, CasePage, CitySignOffTask


def _page_path(page, subpage=""):
    parts = page.get_url_parts()
    if not parts or parts[2] is None:
        return ""
    return parts[2] + subpage


def sign_off_url(case):
    index = CaseIndexPage.objects.ancestor_of(case).first()
    path = _page_path(index, index.reverse_subpage("sign_off")) if index else ""
    return absolute_url(path) if path else ""


def _task_state(task_state_id):
    return (
        TaskState.objects.select_related("task", "revision", "finished_by", "workflow_state__requested_by")
        .filter(pk=task_state_id)
        .first()
    )


def sign_off_requested(*, task_state_id: int):
    """The focal points of the case's city: a case about their city waits for their sign-off."""
    task_state = _task_state(task_state_id)
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return  # already decided (or passed at once: no focal point)
    task = task_state.task.specific
    if not isinstance(task, CitySignOffTask):
        return
    case = task_state.revision.as_object()
    focal_points = User.objects.filter(pk__in=task.focal_point_ids(case), is_active=True).order_by("pk")
    context = {
        "case": case,
        "city": case.organisation.city if case.organisation else "",
        "author": task_state.workflow_state.requested_by,
        "sign_off_url": sign_off_url(case),
    }
    for focal_point in focal_points:
        send_templated_email(
            "cases/email/sign_off_requested",
            to=[focal_point.email],
            context={**context, "recipient": focal_point},
            language=focal_point.preferred_language,
        )


def review_decided(*, task_state_id: int):
    """The person who submitted the case: the city signed off or asked for changes; the secretariat published it
    or asked for changes. Not for one's own decision, and not for a step that passed by itself."""
    task_state = _task_state(task_state_id)
    if task_state is None or task_state.finished_by_id is None:
        return
    workflow_state = task_state.workflow_state
    submitter = workflow_state.requested_by
    if submitter is None or not submitter.is_active or submitter.pk == task_state.finished_by_id:
        return
    by_city = isinstance(task_state.task.specific, CitySignOffTask)
    page = CasePage.objects.filter(pk=workflow_state.object_id).first()
    if page is None:
        return
    if task_state.status == TaskState.STATUS_REJECTED:
        template = "cases/email/changes_requested"
    elif task_state.status == TaskState.STATUS_APPROVED and workflow_state.status == WorkflowState.STATUS_APPROVED:
        template = "cases/email/published"
    elif task_state.status == TaskState.STATUS_APPROVED and by_city:
        template = "cases/email/signed_off"
    else:
        return
    case = task_state.revision.as_object()
    page_path = _page_path(page) if page.live else ""
    send_templated_email(
        template,
        to=[submitter.email],
        context={
            "case": case,
            "recipient": submitter,
            "by_city": by_city,
            "city": case.organisation.city if case.organisation else "",
            "comment": task_state.get_comment(),
            "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            "case_url": absolute_url(page_path) if page_path else "",
        },
        language=submitter.preferred_language,
    )
