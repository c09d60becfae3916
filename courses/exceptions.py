from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext
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


class QuizAlreadyPassed(LearningError):
    message = _("You have already passed this quiz: there is nothing more to submit.")
    status = 409


def retry_message(retry_at):
    """When the learner may try again, in the time zone they read times in (the one active for the request)."""
    text = gettext(
        "You can try this quiz again from %(time)s (%(zone)s). In the meantime, you can read the lesson again."
    )
    return text % {
        "time": formats.date_format(timezone.localtime(retry_at), "DATETIME_FORMAT"),
        "zone": timezone.get_current_timezone_name(),
    }


class RetryTooSoon(LearningError):
    """An attempt before the quiz's wait between attempts is over."""

    status = 429

    def __init__(self, retry_at):
        self.retry_at = retry_at
        super().__init__(retry_message(retry_at))


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


class DrawNotRecognised(LearningError):
    """The quiz form's signed list of the questions it showed is missing, or is not one this site signed."""

    message = _("This form does not say which questions it showed. Reload the lesson and answer again.")
    status = 400


class StaleQuizForm(LearningError):
    """The form was opened before an attempt made elsewhere (another tab), or before an editor changed the quiz."""

    message = _(
        "This quiz changed, or you submitted it in another tab, since you opened this page. Your answers were not "
        "saved: reload the lesson to see the current questions."
    )
    status = 409


class PrerequisitesMissing(LearningError):
    """Enrolling before completing every course the course requires. ``courses`` are the missing courses (pages,
    in the reader's language), named in the message."""

    status = 403

    def __init__(self, courses):
        self.courses = list(courses)
        names = get_text_list([f"“{course.title}”" for course in self.courses], gettext("and"))
        super().__init__(gettext("Before this course, complete: %(courses)s.") % {"courses": names})
