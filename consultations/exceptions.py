"""What can go wrong in the programme's workflow, in words a city, a reviewer or the secretariat understands."""

from django.utils.translation import gettext_lazy as _

from core.exceptions import UserFacingError


class NotAllowed(UserFacingError):
    message = _("You cannot do that with this application.")
    status = 403


class NotFocalPoint(NotAllowed):
    message = _("Only your city's focal point can do this. Ask them, or ask them to make you an editor.")


class CityNotEligible(UserFacingError):
    message = _("This call is not open to your city.")
    status = 403


class CallNotOpen(UserFacingError):
    message = _("This call is not open for applications.")
    status = 409


class DeadlinePassed(UserFacingError):
    message = _("The call closed: applications can no longer be submitted or changed.")
    status = 409


class ApplicationLimitReached(UserFacingError):
    message = _("Your city has already applied to this call as many times as it allows.")
    status = 409


class NotEditable(UserFacingError):
    message = _(
        "This application cannot be changed now: it was submitted. The secretariat may ask for more information."
    )
    status = 409


class IncompleteApplication(UserFacingError):
    status = 400

    def __init__(self, missing):
        self.missing = list(missing)
        super().__init__(_("Fill in before you submit: %(parts)s.") % {"parts": ", ".join(map(str, self.missing))})


class NotColleague(UserFacingError):
    message = _("Only approved staff of your city can edit its applications.")
    status = 400


class WrongStep(UserFacingError):
    message = _("This application is not at that step any more. Reload the page to see where it is.")
    status = 409


class ReasonRequired(UserFacingError):
    message = _("Say why, in a sentence the city will read.")
    status = 400


class NotAReviewer(UserFacingError):
    message = _("This person is not in the consultation reviewers group.")
    status = 400


class OwnCity(UserFacingError):
    message = _("A reviewer never reviews an application from their own city.")
    status = 409


class AlreadyAssigned(UserFacingError):
    message = _("This reviewer is already assigned to this application.")
    status = 409


class ReviewClosed(UserFacingError):
    message = _("This review was submitted or withdrawn: it cannot be changed.")
    status = 409


class IncompleteReview(UserFacingError):
    message = _("Score every criterion from 1 to 5 before you submit.")
    status = 400


class AwardsExhausted(UserFacingError):
    message = _(
        "All the call's awards are given. Put the application on the waiting list, or change another decision first."
    )
    status = 409


class ProjectNotReady(UserFacingError):
    message = _("Complete every milestone, with the final report uploaded, before the project is completed.")
    status = 409


class DeliverableRequired(UserFacingError):
    message = _("Upload the final report to complete this milestone.")
    status = 400
