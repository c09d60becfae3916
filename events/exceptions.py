from django.utils.translation import gettext_lazy as _

from core.exceptions import UserFacingError


class RegistrationError(UserFacingError):
    pass


class RegistrationsOff(RegistrationError):
    message = _("This event does not take registrations on the hub. See the event page for how to attend.")
    status = 409


class EventCancelled(RegistrationError):
    message = _("This event has been cancelled, so registration is closed.")
    status = 409


class RegistrationNotOpenYet(RegistrationError):
    message = _("Registration for this event has not opened yet. Come back when it opens.")
    status = 409


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is closed.")
    status = 409


class ModeNotOffered(RegistrationError):
    message = _("This event cannot be attended that way. Choose one of the options offered.")
    status = 400


class ConsentRequired(RegistrationError):
    message = _("Please agree to the use of your details for this event: we cannot register you without it.")
    status = 400


class NotAllowedToDecide(RegistrationError):
    message = _("Only the focal point of this person's city can approve or decline their registration.")
    status = 403


class NotAwaitingApproval(RegistrationError):
    message = _("This registration is not waiting for approval any more.")
    status = 409


class NotConfirmed(RegistrationError):
    message = _("Only confirmed attendees can be checked in.")
    status = 409
