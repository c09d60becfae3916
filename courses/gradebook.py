"""The gradebook and the item statistics: reads for the admin, each a fixed number of queries whatever the number
of learners, quizzes, questions and attempts (the counting is done by the database).

Attempts and graded answers are kept against the original course, lesson, quiz and question (courses.services), so
a course's gradebook and a quiz's statistics are the original's, whichever translation was chosen.

Who may read them:
- the gradebook names learners and their scores: people who may view enrolments and quiz attempts
  (``GRADEBOOK_PERMISSIONS``: the secretariat, through its group; an instructor who should see it is given the same
  permissions). Focal points and members never: a city's report shows progress, never quiz results.
- item statistics are counts per question, never a name: whoever may edit the quiz or the question bank."""

from dataclasses import dataclass, field

from django.db.models import Avg, Case, Count, F, Max, OuterRef, Q, Subquery, When
from django.utils import formats

from members.models import Membership, Organisation

from .models import AttemptAnswer, CohortRun, CoursePage, Enrollment, LessonPage, Question, QuizAttempt

GRADEBOOK_PERMISSIONS = ("courses.view_enrollment", "courses.view_quizattempt")
GRADEBOOK_PAGE_SIZE = 50
# A question is flagged once it has been answered this many times, when nearly everyone gets it right or wrong.
FLAG_MIN_ANSWERS = 10
FLAG_EASY_PERCENT = 95
FLAG_HARD_PERCENT = 10


def may_see_gradebook(user):
    return user.is_authenticated and user.is_active and user.has_perms(GRADEBOOK_PERMISSIONS)


def may_see_item_statistics(user, model):
    """Editors of the quiz or bank: the permission to change ``model`` (Quiz or QuestionBank)."""
    return user.is_authenticated and user.is_active and user.has_perm(f"courses.change_{model._meta.model_name}")


# --- The gradebook -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuizColumn:
    """One quiz of the course, as the lesson that asks it."""

    lesson_id: int
    quiz_id: int
    lesson_title: str
    quiz_title: str


@dataclass(frozen=True)
class Score:
    best: int
    last: int
    attempts: int


@dataclass
class GradebookRow:
    enrollment: Enrollment
    name: str
    email: str
    city: str
    run: str  # its dates
    status: str
    completed_on: object  # a date, or None
    scores: list = field(default_factory=list)  # a Score or None per column, in the columns' order


def gradebook_courses():
    """The courses that have learners, with how many (enrolments are the originals'): one query."""
    return (
        CoursePage.objects.filter(enrollments__isnull=False)
        .annotate(learners=Count("enrollments", filter=~Q(enrollments__status=Enrollment.Status.WITHDRAWN)))
        .order_by("title", "id")
    )


def quiz_columns(course):
    """The course's lessons that ask a quiz, in lesson order: one query."""
    lessons = (
        LessonPage.objects.descendant_of(course)
        .filter(quiz__isnull=False)
        .order_by("path")
        .values_list("id", "quiz_id", "title", "quiz__title")
    )
    return [QuizColumn(*row) for row in lessons]


def city_choices(course):
    """The organisations whose approved staff are enrolled in ``course``: the gradebook's city filter."""
    return Organisation.objects.filter(
        memberships__status=Membership.Status.APPROVED, memberships__user__enrollments__course=course
    ).distinct()


def run_choices(course):
    return CohortRun.objects.filter(course__translation_key=course.translation_key).order_by("starts_on", "id")


def run_label(run):
    """A run as the gradebook names it: its dates (the course is the gradebook's; ``str(run)`` would read it)."""
    if run is None:
        return ""
    return f"{formats.date_format(run.starts_on, 'DATE_FORMAT')} – {formats.date_format(run.ends_on, 'DATE_FORMAT')}"


def gradebook_enrollments(course, *, organisation=None, run=None, status=""):
    """The course's enrolments under the filters, by name: a queryset (one query when read). Without a status, the
    current ones (in progress or completed); the city is the learner's organisation while their membership is
    approved."""
    enrollments = Enrollment.objects.filter(course=course)
    enrollments = enrollments.filter(status=status) if status else enrollments.current()
    if organisation is not None:
        enrollments = enrollments.filter(
            user__membership__organisation=organisation, user__membership__status=Membership.Status.APPROVED
        )
    if run is not None:
        enrollments = enrollments.filter(run=run)
    return (
        enrollments.select_related("user", "run", "certificate")  # the certificate for Enrollment.completed_on
        .annotate(
            city=Case(
                When(
                    user__membership__status=Membership.Status.APPROVED,
                    then=F("user__membership__organisation__name"),
                ),
                default=None,
            )
        )
        .order_by("user__last_name", "user__first_name", "user__email", "id")
    )


def scores_for(columns, users):
    """{(user id, lesson id, quiz id): Score} for ``users`` (ids, or a subquery of them) on ``columns``: one query.
    Best and attempts are aggregates; the last score is the latest attempt's, by a correlated subquery."""
    if not columns:
        return {}
    latest = (
        QuizAttempt.objects.filter(
            user_id=OuterRef("user_id"), lesson_id=OuterRef("lesson_id"), quiz_id=OuterRef("quiz_id")
        )
        .order_by("-submitted_at", "-id")
        .values("score")[:1]
    )
    rows = (
        QuizAttempt.objects.filter(
            user_id__in=users,
            lesson_id__in={column.lesson_id for column in columns},
            quiz_id__in={column.quiz_id for column in columns},
        )
        .values("user_id", "lesson_id", "quiz_id")
        .annotate(best=Max("score"), attempts=Count("id"), last=Subquery(latest))
        .order_by()
    )
    return {
        (row["user_id"], row["lesson_id"], row["quiz_id"]): Score(row["best"], row["last"], row["attempts"])
        for row in rows
    }


def gradebook_rows(enrollments, columns, users=None):
    """A GradebookRow per enrolment, with a score (or None) per column: two queries (the enrolments, the scores).
    ``users``: the learners' ids as a subquery, when ``enrollments`` is the whole filtered queryset (the export),
    so that the ids are not sent back to the database one by one."""
    enrollments = list(enrollments)
    scores = scores_for(columns, [e.user_id for e in enrollments] if users is None else users)
    rows = []
    for enrollment in enrollments:
        user = enrollment.user
        rows.append(
            GradebookRow(
                enrollment=enrollment,
                name=user.get_full_name() or user.email,
                email=user.email,
                city=enrollment.city or "",
                run=run_label(enrollment.run),
                status=enrollment.get_status_display(),
                completed_on=enrollment.completed_on,
                scores=[scores.get((user.pk, column.lesson_id, column.quiz_id)) for column in columns],
            )
        )
    return rows


# --- Item statistics -----------------------------------------------------------------------------


@dataclass
class ItemStatistic:
    question: Question
    asked: int
    right: int
    average_points: float | None

    @property
    def percent_right(self):
        return round(100 * self.right / self.asked) if self.asked else None

    @property
    def flag(self):
        """ "easy" when nearly everyone gets it right, "hard" when almost nobody does (after enough answers)."""
        if self.asked < FLAG_MIN_ANSWERS:
            return ""
        percent = 100 * self.right / self.asked
        if percent >= FLAG_EASY_PERCENT:
            return "easy"
        if percent <= FLAG_HARD_PERCENT:
            return "hard"
        return ""


def _statistics(questions, answered=None):
    """``questions`` annotated from their graded answers (those matching ``answered``, a Q on ``results``, if given):
    one query."""
    right = Q(results__correct=True)
    rows = questions.select_related("bank").annotate(
        asked=Count("results", filter=answered),
        right=Count("results", filter=right if answered is None else answered & right),
        average_points=Avg("results__points", filter=answered),
    )
    return [ItemStatistic(row, row.asked, row.right, row.average_points) for row in rows]


def quiz_item_statistics(quiz):
    """Per question asked in ``quiz``'s attempts (its own questions, asked or not yet, and those drawn from banks):
    times asked, times right, average points. One query; ``quiz`` is the original (attempts are kept against it)."""
    in_quiz = Q(results__attempt__quiz=quiz)
    asked_here = AttemptAnswer.objects.filter(attempt__quiz=quiz).values("question_id")
    questions = Question.objects.filter(Q(quiz=quiz) | Q(id__in=asked_here)).order_by(
        F("bank_id").asc(nulls_first=True), "sort_order", "id"
    )
    return _statistics(questions, in_quiz)


def bank_item_statistics(bank):
    """Per question of ``bank``: its answers in every quiz that drew it. One query; ``bank`` is the original."""
    questions = Question.objects.filter(bank=bank).order_by("sort_order", "id")
    return _statistics(questions)
