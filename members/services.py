"""Membership workflows. The one place that decides who is a member, and keeps the "Members" group in step.

Every caller (views, the admin, the seed, tests) goes through these functions. Each runs in a
transaction, locks the rows it changes, and sends its emails only after the commit.
"""

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.tasks import enqueue_on_commit

from . import tasks
from .exceptions import (
    AlreadyInAnotherOrganisation,
    InvitationExpired,
    InvitationForAnotherAddress,
    InvitationRevoked,
    InvitationUsed,
    NotAllowed,
    NotConfirmedYet,
    OrganisationNotAccepting,
)
from .models import Invitation, Membership, Organisation, User

MEMBERS_GROUP = "Members"
INVITATION_LIFETIME = timedelta(days=14)


def members_group():
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    return group


# --- Who is a member -----------------------------------------------------------------------------


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def verified_domains(user):
    emails_ = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {email.rsplit("@", 1)[-1].lower() for email in emails_}


def qualifies_as_member(user):
    """An active person with a verified email, approved by an active organisation."""
    if not user.is_active:
        return False
    membership = Membership.objects.select_related("organisation").filter(user=user).first()
    return bool(
        membership
        and membership.status == Membership.Status.APPROVED
        and membership.organisation.status == Organisation.Status.ACTIVE
        and has_verified_email(user)
    )


def sync_member_access(user):
    """Put the person in the Members group, or take them out, according to the rule above."""
    group = members_group()
    if qualifies_as_member(user):
        user.groups.add(group)
    else:
        user.groups.remove(group)


def sync_organisation_access(organisation):
    """After an organisation is suspended or reactivated: everyone in it gains or loses access at once."""
    group = members_group()
    user_ids = list(organisation.memberships.values_list("user_id", flat=True))
    group.user_set.remove(*user_ids)
    if organisation.status == Organisation.Status.ACTIVE:
        qualifying = (
            User.objects.filter(
                id__in=user_ids,
                is_active=True,
                membership__status=Membership.Status.APPROVED,
                emailaddress__verified=True,
            )
            .values_list("id", flat=True)
            .distinct()
        )
        group.user_set.add(*qualifying)


def can_manage(user, organisation):
    """The secretariat manages every organisation; a focal point only their own."""
    if not user.is_authenticated:
        return False
    if user.has_perm("members.change_membership"):
        return True
    membership = Membership.objects.filter(user=user).first()
    return bool(
        membership
        and membership.is_focal_point
        and membership.organisation_id == organisation.id
        and organisation.status == Organisation.Status.ACTIVE
    )


def ensure_can_manage(user, organisation):
    if not can_manage(user, organisation):
        raise NotAllowed


def set_public_contact(*, organisation: Organisation, email: str, by: User) -> Organisation:
    """The focal point (or the secretariat) chooses the address the city's public profile shows, or none."""
    ensure_can_manage(by, organisation)
    organisation.public_contact_email = email.strip().lower()
    organisation.save(update_fields=["public_contact_email"])
    return organisation


# --- Secret links ---------------------------------------------------------------------------------


def new_private_links(user):
    """Replace every secret address the person holds (their calendar feed, …): the old ones stop working at once.

    After a password change or reset (someone else may have had the account), and when their membership is
    rejected or ends (a colleague may have the link). Apps that hand out such addresses register
    ``register_private_link_reset`` (``fn(user)``), since members imports none of them.
    """
    for fn in hooks.get_hooks("register_private_link_reset"):
        fn(user)


# --- Requests and decisions ----------------------------------------------------------------------


def request_membership(*, user: User, organisation: Organisation) -> Membership:
    """Ask to join. Approved at once when the person's verified email domain is the organisation's.

    Otherwise the request waits for the focal point, who is told of it only once the person has a verified address
    (at sign-up the address is not verified yet: ``address_verified`` tells them when it is).
    """
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if organisation.status != Organisation.Status.ACTIVE:
            raise OrganisationNotAccepting
        membership = Membership.objects.select_for_update().filter(user=user).first()
        if (
            membership
            and membership.organisation_id != organisation.id
            and membership.status
            in (
                Membership.Status.PENDING,
                Membership.Status.APPROVED,
            )
        ):
            raise AlreadyInAnotherOrganisation
        if (
            membership
            and membership.organisation_id == organisation.id
            and membership.status
            in (
                Membership.Status.PENDING,
                Membership.Status.APPROVED,
            )
        ):
            return membership
        if membership is None:
            try:
                with transaction.atomic():
                    membership = Membership.objects.create(user=user, organisation=organisation)
            except IntegrityError:  # a second request for the same person won the race
                return Membership.objects.get(user=user)
        else:  # rejected or removed earlier: ask again
            membership.organisation = organisation
            membership.status = Membership.Status.PENDING
            membership.role = Membership.Role.STAFF
            membership.via = Membership.Via.REQUEST
            membership.requested_at = timezone.now()
            membership.decided_at = membership.decided_by = None
            membership.rejection_reason = ""
            membership.approvers_told_at = None  # a new request: the approvers hear of it again
            membership.save()
        if set(organisation.domains) & verified_domains(user):
            return _approve(membership, by=None, via=Membership.Via.EMAIL_DOMAIN)
        _tell_approvers_once(membership)
        return membership


def _tell_approvers_once(membership):
    """Email the focal points (or the secretariat) of a locked, waiting request, if it needs their decision now.

    It needs it once the person holds a verified address (a request on the organisation's domain never gets here:
    it is approved instead). ``approvers_told_at`` makes it once, however often an address is confirmed.
    """
    if (
        membership.status != Membership.Status.PENDING
        or membership.approvers_told_at is not None
        or not has_verified_email(membership.user)
    ):
        return
    membership.approvers_told_at = timezone.now()
    membership.save(update_fields=["approvers_told_at"])
    enqueue_on_commit(tasks.tell_approvers, membership_id=membership.pk)


def address_verified(user):
    """After a person verifies an address (allauth's ``email_confirmed``, or an address verified at sign-up).

    A waiting request to an organisation of that address's domain is approved; any other waiting request now goes
    to the approvers (once). Either way the person's member access follows.
    """
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .select_related("organisation", "user")
            .filter(user=user, status=Membership.Status.PENDING)
            .first()
        )
        if membership is not None:
            if set(membership.organisation.domains) & verified_domains(user):
                _approve(membership, by=None, via=Membership.Via.EMAIL_DOMAIN)
            else:
                _tell_approvers_once(membership)
        sync_member_access(user)


def ensure_decidable(membership):
    """A waiting request is decided only once the person has confirmed an address (until then no one is told of it)."""
    if membership.status == Membership.Status.PENDING and not has_verified_email(membership.user):
        raise NotConfirmedYet


def approve_membership(*, membership: Membership, by: User) -> Membership:
    """Approve a pending request. Approving twice is a no-op."""
    ensure_can_manage(by, membership.organisation)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)
        if membership.status == Membership.Status.APPROVED:
            return membership
        ensure_decidable(membership)
        return _approve(membership, by=by, via=membership.via)


def _approve(membership, *, by, via):
    membership.status = Membership.Status.APPROVED
    membership.via = via
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.rejection_reason = ""
    membership.save()
    sync_member_access(membership.user)
    enqueue_on_commit(tasks.tell_decision, membership_id=membership.pk)
    return membership


def reject_membership(*, membership: Membership, by: User, reason: str = "") -> Membership:
    ensure_can_manage(by, membership.organisation)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)
        if membership.status == Membership.Status.REJECTED:
            return membership
        ensure_decidable(membership)
        membership.status = Membership.Status.REJECTED
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.rejection_reason = reason.strip()
        membership.save()
        sync_member_access(membership.user)
        new_private_links(membership.user)
        enqueue_on_commit(tasks.tell_decision, membership_id=membership.pk)
        return membership


def remove_member(*, membership: Membership, by: User) -> Membership:
    ensure_can_manage(by, membership.organisation)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        membership.status = Membership.Status.REMOVED
        membership.role = Membership.Role.STAFF
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.save()
        sync_member_access(membership.user)
        new_private_links(membership.user)
        return membership


def change_role(*, membership: Membership, role: str, by: User) -> Membership:
    ensure_can_manage(by, membership.organisation)
    if role not in Membership.Role.values:
        raise ValueError(f"Unknown role {role!r}")
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status == Membership.Status.APPROVED and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
        return membership


def add_member(*, user: User, organisation: Organisation, role: str = Membership.Role.STAFF) -> Membership:
    """The secretariat (or the demo seed) places a person directly in an organisation."""
    with transaction.atomic():
        earlier = Membership.objects.select_for_update().filter(user=user).first()
        membership, _ = Membership.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "role": role,
                "status": Membership.Status.APPROVED,
                "via": Membership.Via.SECRETARIAT,
                "decided_at": timezone.now(),
            },
        )
        sync_member_access(user)
        if earlier and earlier.is_approved and earlier.organisation_id != organisation.id:
            new_private_links(user)  # moved from another city: they left that one
        return membership


def set_organisation_status(*, organisation: Organisation, status: str) -> Organisation:
    """Suspend, reactivate or retire an organisation; access follows at once."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.status = status
        organisation.save(update_fields=["status"])
        sync_organisation_access(organisation)
        return organisation


# --- Invitations ---------------------------------------------------------------------------------


def parse_addresses(text):
    """Split pasted addresses (one per line, or separated by commas or semicolons) into valid and invalid."""
    valid, invalid = [], []
    for raw in text.replace(",", "\n").replace(";", "\n").splitlines():
        address = raw.strip().strip("<>").lower()
        if not address:
            continue
        try:
            validate_email(address)
        except Exception:
            invalid.append(raw.strip())
        else:
            if address not in valid:
                valid.append(address)
    return valid, invalid


def invite(*, organisation: Organisation, addresses: list[str], by: User, role=Membership.Role.STAFF):
    """Send an invitation to each address; an address with an open invitation gets it again."""
    ensure_can_manage(by, organisation)
    if organisation.status != Organisation.Status.ACTIVE:
        raise OrganisationNotAccepting
    invitations = []
    with transaction.atomic():
        for address in addresses:
            invitation = Invitation.objects.open().filter(organisation=organisation, email=address).first()
            if invitation is None:
                Invitation.objects.filter(
                    organisation=organisation,
                    email=address,
                    accepted_at__isnull=True,
                    revoked_at__isnull=True,
                ).update(revoked_at=timezone.now())  # an expired one makes way for the new one
                invitation = Invitation.objects.create(
                    organisation=organisation,
                    email=address,
                    role=role,
                    token=secrets.token_urlsafe(32),
                    invited_by=by,
                    expires_at=timezone.now() + INVITATION_LIFETIME,
                )
            invitations.append(invitation)
    enqueue_on_commit(tasks.send_invitations, invitation_ids=[invitation.pk for invitation in invitations])
    return invitations


def resend_invitation(*, invitation: Invitation, by: User) -> Invitation:
    ensure_can_manage(by, invitation.organisation)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at or invitation.revoked_at:
            raise InvitationUsed if invitation.accepted_at else InvitationRevoked
        invitation.expires_at = timezone.now() + INVITATION_LIFETIME
        invitation.save(update_fields=["expires_at"])
        enqueue_on_commit(tasks.send_invitations, invitation_ids=[invitation.pk])
        return invitation


def revoke_invitation(*, invitation: Invitation, by: User) -> Invitation:
    ensure_can_manage(by, invitation.organisation)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is None and invitation.revoked_at is None:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
        return invitation


def check_invitation(invitation: Invitation):
    if invitation.accepted_at:
        raise InvitationUsed
    if invitation.revoked_at:
        raise InvitationRevoked
    if invitation.expires_at <= timezone.now():
        raise InvitationExpired


def accept_invitation(*, token: str, user: User) -> Membership:
    """The invited person, signed in with the invited address, lands approved."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("organisation").get(token=token)
        check_invitation(invitation)
        if invitation.email.lower() not in {
            e.lower() for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
        }:
            raise InvitationForAnotherAddress
        organisation = invitation.organisation
        if organisation.status != Organisation.Status.ACTIVE:
            raise OrganisationNotAccepting
        existing = Membership.objects.select_for_update().filter(user=user).first()
        if existing and existing.organisation_id != organisation.id and existing.is_approved:
            raise AlreadyInAnotherOrganisation
        membership, _ = Membership.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "role": invitation.role,
                "status": Membership.Status.APPROVED,
                "via": Membership.Via.INVITATION,
                "decided_at": timezone.now(),
                "decided_by": invitation.invited_by,
                "rejection_reason": "",
            },
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        sync_member_access(user)
        return membership


# --- Members-only content (Wagtail privacy restricted to the Members group) ------------------------

MEMBERS_COLLECTION = "Members only"


def restrict_page_to_members(page):
    """Make ``page`` and its subtree visible only to the Members group."""
    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page, defaults={"restriction_type": PageViewRestriction.GROUPS}
    )
    if restriction.restriction_type != PageViewRestriction.GROUPS:
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save()
    restriction.groups.set([members_group()])
    return restriction


def members_only_collection():
    """The document collection whose files only members can download, even by their direct URL."""
    collection = Collection.objects.filter(name=MEMBERS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=MEMBERS_COLLECTION)
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    restriction.groups.set([members_group()])
    return collection
