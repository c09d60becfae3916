from django.utils.translation import gettext_lazy as _

from core.exceptions import UserFacingError


class LearningError(UserFacingError):
    pass


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


class CourseNotCompleted(LearningError):
    message = _("A certificate is issued when the course is completed.")
    status = 400


class RevocationNeedsReason(LearningError):
    message = _("Say why the certificate is revoked: the verification page shows the reason.")
    status = 400


class NoQuiz(LearningError):
    message = _("This lesson has no quiz.")
    status = 404


class TamperedAnswers(LearningError):
    message = _("Those answers do not belong to this quiz. Reload the lesson and answer again.")
    status = 400


class UnansweredQuestions(LearningError):
    message = _("Answer every question, then submit.")
    status = 400


class NoAttemptsLeft(LearningError):
    message = _("You have used every attempt this quiz allows. Ask the course team if you need another.")
    status = 403


class QuizCompletesLesson(LearningError):
    message = _("This lesson is completed by passing its quiz.")
    status = 400


class ChooseARun(LearningError):
    message = _("This course runs in cohorts: choose one of its runs.")
    status = 400


class RunClosed(LearningError):
    status = 409


class RunFull(LearningError):
    message = _("This run is full. Choose another run, or ask the course team about the next one.")
    status = 409
