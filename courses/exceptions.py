from django.utils.translation import gettext_lazy as _


class LearningError(Exception):
    message = _("That could not be done.")
    status = 400

    def __init__(self, message=None):
        super().__init__(message or self.message)
        self.message = message or self.message


class MembersOnlyCourse(LearningError):
    message = _(
        "This course is for staff of member organisations. Ask to join your city from “My hub”, "
        "or ask your focal point for an invitation."
    )
    status = 403


class CourseNotAvailable(LearningError):
    message = _("This course is not published.")
    status = 404


class NotEnrolled(LearningError):
    message = _("Enrol in the course first: then you can mark its lessons as complete.")
    status = 403


class LessonNotAvailable(LearningError):
    message = _("This lesson is not published.")
    status = 404


class LessonNotInCourse(LearningError):
    message = _("This lesson does not belong to that course.")
    status = 400
