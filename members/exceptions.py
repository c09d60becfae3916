"""What can go wrong in a membership workflow; views turn these into plain-language messages."""

from django.utils.translation import gettext_lazy as _

from core.exceptions import UserFacingError


class MembershipError(UserFacingError):
    pass


class OrganisationNotAccepting(MembershipError):
    message = _("This organisation is not accepting new members at the moment.")


class AlreadyInAnotherOrganisation(MembershipError):
    message = _("You already belong to another organisation. Leave it first, or ask the secretariat.")


class NotAllowed(MembershipError):
    message = _("You are not allowed to manage this organisation.")


class NotConfirmedYet(MembershipError):
    message = _("This person has not confirmed their email address yet. Their request can be decided once they do.")


class InvitationInvalid(MembershipError):
    message = _("This invitation can no longer be used.")


class InvitationExpired(InvitationInvalid):
    message = _("This invitation has expired. Ask your focal point to send a new one.")


class InvitationUsed(InvitationInvalid):
    message = _("This invitation has already been used.")


class InvitationRevoked(InvitationInvalid):
    message = _("This invitation was withdrawn by your focal point.")


class InvitationForAnotherAddress(InvitationInvalid):
    message = _(
        "This invitation was sent to another email address. Sign in with that address, "
        "or ask your focal point to invite this one."
    )
