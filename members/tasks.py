"""The membership emails, written by a worker: each task re-reads its rows and says only what is still true."""

from core.tasks import email_task

from . import emails
from .models import Invitation, Membership


@email_task
def tell_approvers(*, membership_id: int):
    """A request waits for its focal points (or the secretariat)."""
    membership = Membership.objects.select_related("organisation", "user").filter(pk=membership_id).first()
    if membership is not None and membership.status == Membership.Status.PENDING:
        emails.request_received(membership)


@email_task
def tell_decision(*, membership_id: int):
    """The person hears that their request was approved or declined (if it still is when the worker runs)."""
    membership = Membership.objects.select_related("organisation", "user").filter(pk=membership_id).first()
    if membership is None or not membership.user.is_active:
        return
    if membership.status == Membership.Status.APPROVED:
        emails.membership_approved(membership)
    elif membership.status == Membership.Status.REJECTED:
        emails.membership_rejected(membership)


@email_task
def send_invitations(*, invitation_ids: list[int]):
    """Each open invitation gets its email; one revoked or accepted meanwhile gets none."""
    invitations = Invitation.objects.open().filter(pk__in=invitation_ids).select_related("organisation", "invited_by")
    for invitation in invitations.order_by("pk"):
        emails.invitation(invitation)
