"""Learning workflows: enrol, complete a lesson, unenrol, certificates. Idempotent, each in one transaction.

A learner may do each of these on any translation of a course (or on the alias standing in for one not translated
yet): what they do belongs to the course, not to its wording, so every row is written against the original page
(core.i18n.original) of the course, the lesson and the quiz. One enrolment, one progress, one certificate, whatever
language the learner reads the course in."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone

from core.i18n import original
from core.locking import lock_for_seats
from members.services import qualifies_as_member

from .credentials import attach_credential
from .draws import drawn_question_ids, has_draws, questions_as_shown, read_draw
from .exceptions import (
    ChooseARun,
    CourseNotAvailable,
    CourseNotCompleted,
    DrawNotRecognised,
    LessonNotAvailable,
    LessonNotInCourse,
    MembersOnlyCourse,
    NoQuiz,
    NotEnrolled,
    PrerequisitesMissing,
    QuizCompletesLesson,
    RevocationNeedsReason,
    RunClosed,
    RunFull,
    TamperedAnswers,
    UnansweredQuestions,
)
from .models import (
    AttemptAnswer,
    Certificate,
    CohortRun,
    CoursePage,
    Enrollment,
    LearningPathPage,
    LessonPage,
    LessonProgress,
    PathCompletion,
    PathCourse,
    QuizAttempt,
)
from .models.certificates import completion_date, learner_time_zone
from .path_selectors import path_courses_by_key
from .selectors import completed_course_keys, missing_prerequisites, progress_for


def enroll(*, user, course: CoursePage, run: CohortRun | None = None) -> Enrollment:
    """Enrol (or re-enrol after withdrawing). Enrolling twice returns the same enrolment.
    A cohort course needs one of its runs, and the run's seats are counted under its row lock.
    Refused, writing nothing, until the learner has completed every course this one requires; someone enrolled
    before (who left, or moves to another run) is not held back by a requirement added since."""
    if not course.live:
        raise CourseNotAvailable
    course = original(course)
    if not course.live:
        raise CourseNotAvailable
    if course.is_members_only and not qualifies_as_member(user):
        raise MembersOnlyCourse
    missing = missing_prerequisites(user, course)  # nothing for someone enrolled before (selectors)
    if missing:
        raise PrerequisitesMissing(missing)
    if course.format == CoursePage.Format.COHORT:
        return _enroll_in_run(user=user, course=course, run=run)
    with transaction.atomic():
        enrollment = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
        if enrollment is None:
            try:
                with transaction.atomic():
                    return Enrollment.objects.create(user=user, course=course)
            except IntegrityError:  # a double click: the other request created it
                return Enrollment.objects.get(user=user, course=course)
        if enrollment.status == Enrollment.Status.WITHDRAWN:
            _rejoin(enrollment)
        return enrollment


def _rejoin(enrollment, changed=()):
    """Save an enrolment coming back (after withdrawing, or into another run): active, completion re-checked."""
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        enrollment.status, enrollment.withdrawn_at = Enrollment.Status.ACTIVE, None
    enrollment.save(update_fields=["status", "withdrawn_at", *changed])
    _update_completion(enrollment)


def _enroll_in_run(*, user, course, run):
    # A run is the course's whichever translation an editor attached it to.
    if run is None or (run.course_id != course.id and run.course.translation_key != course.translation_key):
        raise ChooseARun
    with transaction.atomic():
        run = lock_for_seats(CohortRun, run.pk)  # the events' rule: count the seats under the owner's lock
        reason = run.closed_reason()
        if reason:
            raise RunClosed(reason)
        enrollment = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
        if enrollment is not None and enrollment.is_current and enrollment.run_id == run.id:
            return enrollment
        if Enrollment.objects.current().filter(run=run).count() >= run.seats:
            raise RunFull
        if enrollment is None:
            return Enrollment.objects.create(user=user, course=course, run=run)
        enrollment.run = run  # a move from another run, or back after withdrawing
        _rejoin(enrollment, changed=["run"])
        return enrollment


def unenroll(*, user, course: CoursePage) -> Enrollment | None:
    """Withdraw; progress is kept in case the person comes back. Withdrawing twice changes nothing."""
    course = original(course)
    with transaction.atomic():
        enrollment = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
        if enrollment and enrollment.status != Enrollment.Status.WITHDRAWN:
            enrollment.status = Enrollment.Status.WITHDRAWN
            enrollment.withdrawn_at = timezone.now()
            enrollment.save(update_fields=["status", "withdrawn_at"])
        return enrollment


def _check_lesson(course, lesson):
    if not lesson.live:
        raise LessonNotAvailable
    if not lesson.path.startswith(course.path) or lesson.depth != course.depth + 2:
        raise LessonNotInCourse


def _locked_enrollment(user, course):
    enrollment = Enrollment.objects.current().select_for_update().filter(user=user, course=course).first()
    if enrollment is None:
        raise NotEnrolled
    return enrollment


def mark_lesson_complete(*, user, course: CoursePage, lesson: LessonPage) -> Enrollment:
    """Record the lesson as done and complete the course when every required live lesson is done."""
    _check_lesson(course, lesson)
    if lesson.quiz_id:
        raise QuizCompletesLesson
    course, lesson = original(course), original(lesson)
    with transaction.atomic():
        enrollment = _locked_enrollment(user, course)
        _record_lesson_done(enrollment, lesson)
        return enrollment


def _record_lesson_done(enrollment, lesson):
    try:
        with transaction.atomic():
            LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
    except IntegrityError:  # recorded by a simultaneous request
        pass
    _update_completion(enrollment)


# --- Quizzes ----------------------------------------------------------------------------------------


def quiz_questions(quiz):
    """The quiz's questions with their choices: two queries, read once per submission."""
    return list(quiz.questions.prefetch_related("choices"))


def grade(quiz, questions, answers):
    """(score in percent, passed, {question id: points earned}) for ``answers`` {question id: {choice ids}}.
    A question earns its points when exactly its right choices are chosen; the score is the share of the points."""
    earned = {}
    for question in questions:
        correct = {choice.id for choice in question.choices.all() if choice.correct}
        earned[question.id] = question.points if answers.get(question.id, set()) == correct else 0
    possible = sum(question.points for question in questions)
    score = round(100 * sum(earned.values()) / possible) if possible else 0
    return score, score >= quiz.pass_mark, earned


def validate_answers(questions, answers):
    """Refuse what the form could not have sent: unknown questions or choices, several answers to a one-answer
    question. Missing answers are the learner's to fix."""
    choices = {}
    one_answer = {}
    for question in questions:
        choices[question.id] = {choice.id for choice in question.choices.all()}
        one_answer[question.id] = question.has_one_answer
    for question_id, selected in answers.items():
        if question_id not in choices or not selected <= choices[question_id]:
            raise TamperedAnswers
        if one_answer[question_id] and len(selected) > 1:
            raise TamperedAnswers
    if set(choices) - {question_id for question_id, selected in answers.items() if selected}:
        raise UnansweredQuestions


def answers_on_original(questions, original_questions, answers):
    """``answers`` to the translated ``questions`` as the same answers to the original quiz's ``original_questions``
    ({question id: {choice ids}}): a question or choice and its translation share a translation key."""
    question_ids = {question.translation_key: question.id for question in original_questions}
    choice_ids = {
        choice.translation_key: choice.id for question in original_questions for choice in question.choices.all()
    }
    question_keys = {question.id: question.translation_key for question in questions}
    choice_keys = {choice.id: choice.translation_key for question in questions for choice in question.choices.all()}
    mapped = {}
    for question_id, selected in answers.items():
        question = question_ids.get(question_keys[question_id])
        if question is None:  # a question the original no longer has: nothing to keep it against
            continue
        mapped[question] = {choice_ids[choice_keys[choice]] for choice in selected if choice_keys[choice] in choice_ids}
    return mapped


def earned_on_original(questions, original_questions, earned):
    """``earned`` {translated question id: points} as {original question id: points}, in the same order; a question
    the original no longer has is left out."""
    original_ids = {question.translation_key: question.id for question in original_questions}
    keys = {question.id: question.translation_key for question in questions}
    return {
        original_ids[keys[question_id]]: points
        for question_id, points in earned.items()
        if keys[question_id] in original_ids
    }


def questions_asked(*, source_quiz, user, attempt_number, drawn):
    """The original question ids this attempt is graded on: those the form showed (its signed ``drawn`` value),
    when they are still this attempt's draw. A quiz without draws asks its own questions, so a submission without
    the value (an older page, a script) is graded on them as before."""
    expected = drawn_question_ids(source_quiz, user_id=user.pk, attempt_number=attempt_number)
    if drawn:
        return read_draw(
            drawn, expected=expected, user_id=user.pk, quiz_id=source_quiz.pk, attempt_number=attempt_number
        )
    if has_draws(source_quiz):
        raise DrawNotRecognised
    return expected


def submit_quiz(
    *, user, course: CoursePage, lesson: LessonPage, answers: dict, drawn: str | None = None
) -> QuizAttempt:
    """Grade an attempt on the server and keep it; passing completes the lesson (and perhaps the course).
    Refused, storing nothing, once passed, with no attempts left, or before the wait between attempts is over.

    The questions are the ones the form showed: ``drawn`` is its signed list (courses.draws), required when the quiz
    draws questions from banks, refused when forged or stale. The attempt is graded against those questions as the
    learner read them (their translation in the lesson's language) and kept against the original lesson, quiz and
    questions, its answers as the original's question and choice ids, so that the attempts, the wait and the review
    are one whatever the language."""
    _check_lesson(course, lesson)
    quiz = lesson.quiz
    if quiz is None:
        raise NoQuiz
    shown_locale = lesson.locale_id
    course, lesson, source_quiz = original(course), original(lesson), original(quiz)
    with transaction.atomic():
        enrollment = _locked_enrollment(user, course)  # one attempt at a time per learner and course
        earlier = list(
            QuizAttempt.objects.filter(user=user, lesson=lesson, quiz=source_quiz).only("passed", "submitted_at")
        )
        refusal = source_quiz.attempt_refusal(attempts=earlier, now=timezone.now())  # the rules are the original's
        if refusal is not None:
            raise refusal
        question_ids = questions_asked(source_quiz=source_quiz, user=user, attempt_number=len(earlier) + 1, drawn=drawn)
        pairs = questions_as_shown(question_ids, shown_locale)
        originals, questions = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
        validate_answers(questions, answers)
        score, passed, earned = grade(source_quiz, questions, answers)
        answers = answers_on_original(questions, originals, answers)
        earned = earned_on_original(questions, originals, earned)
        attempt = QuizAttempt.objects.create(
            user=user,
            lesson=lesson,
            quiz=source_quiz,
            answers={str(question): sorted(selected) for question, selected in answers.items()},
            question_ids=[question.id for question in originals],
            score=score,
            points=sum(earned.values()),
            max_points=sum(question.points for question in questions),
            passed=passed,
        )
        AttemptAnswer.objects.bulk_create(
            AttemptAnswer(attempt=attempt, question_id=question_id, correct=points > 0, points=points)
            for question_id, points in earned.items()
        )
        if passed:
            _record_lesson_done(enrollment, lesson)
        return attempt


def _update_completion(enrollment):
    progress = progress_for([enrollment])[enrollment.id]
    if progress.is_complete and enrollment.status != Enrollment.Status.COMPLETED:
        enrollment.status = Enrollment.Status.COMPLETED
        enrollment.completed_at = timezone.now()
        enrollment.save(update_fields=["status", "completed_at"])
        if enrollment.course.awards_certificate:
            issue_certificate(enrollment=enrollment)
        complete_paths(user=enrollment.user, course=enrollment.course)
    elif not progress.is_complete and enrollment.status == Enrollment.Status.COMPLETED:
        # A required lesson was added after completion: the course is in progress again.
        enrollment.status = Enrollment.Status.ACTIVE
        enrollment.completed_at = None
        enrollment.save(update_fields=["status", "completed_at"])


# --- Certificates -----------------------------------------------------------------------------------

ISSUER = "WeGo – World Smart Sustainable Cities Organization"


def issue_certificate(*, enrollment: Enrollment) -> Certificate:
    """The enrolment's certificate, issued the first time (idempotent, also under a double click)."""
    if (
        enrollment.status != Enrollment.Status.COMPLETED
        and not Certificate.objects.filter(enrollment=enrollment).exists()
    ):
        raise CourseNotCompleted
    course = enrollment.course  # the original course: the certificate's title is its own
    return _issue(
        {"enrollment": enrollment}, enrollment.user, course.title, course.effort_hours, enrollment.completed_at
    )


def _issue(owner, user, title, hours, completed_at) -> Certificate:
    """The certificate of ``owner`` ({"enrollment": …} or {"path_completion": …}), created the first time with its
    signed Open Badges credential; a double click finds the one the other request created."""
    existing = Certificate.objects.filter(**owner).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            # The date is the completion's calendar date in the learner's zone at this moment, kept with the zone:
            # whoever views it later, and from wherever, reads the same date.
            certificate = Certificate.objects.create(
                **owner,
                # Never the email address: the name is printed on a public page (empty reads "name withheld").
                name=user.get_full_name(),
                course_title=title,
                hours=hours,
                issued_on=completion_date(user, completed_at),
                time_zone=learner_time_zone(user).key,
                issuer=ISSUER,
            )
            # Its Open Badges credential, signed once with the current key and kept with it (courses.credentials).
            attach_credential(certificate)
            return certificate
    except IntegrityError:  # issued by a simultaneous request
        return Certificate.objects.get(**owner)


# --- Learning paths ---------------------------------------------------------------------------------


def complete_paths(*, user, course: CoursePage) -> list[PathCompletion]:
    """Complete every live path with ``course`` (the original) whose courses ``user`` has now all completed: the
    completion, and the path's certificate when the path awards one. Idempotent, also under a double click (one
    completion per person and path, one certificate per completion). Called when an enrolment becomes completed."""
    path_keys = PathCourse.objects.filter(course__translation_key=course.translation_key).values(
        "path__translation_key"
    )
    # The originals (the lowest id of each key): completions are kept against them, and their courses are the path's.
    paths = {}
    for path in LearningPathPage.objects.filter(translation_key__in=path_keys).order_by("pk"):
        paths.setdefault(path.translation_key, path)
    paths = [path for path in paths.values() if path.live]
    if not paths:
        return []
    courses = path_courses_by_key([path.translation_key for path in paths])
    done = completed_course_keys(user)
    completed = []
    for path in paths:
        keys = {each.translation_key for each in courses.get(path.translation_key, [])}
        if keys and keys <= done:
            completed.append(_complete_path(user=user, path=path, courses=courses[path.translation_key]))
    return completed


def complete_path_for_those_already_finished(*, path: LearningPathPage) -> list[PathCompletion]:
    """Complete ``path`` for everyone who had completed all its courses before it was published (or before the
    course they completed last was added to it): the completion and certificate they would have had by completing
    that course afterwards, dated when they did complete it. Idempotent. Run after a path is published."""
    original = LearningPathPage.objects.filter(translation_key=path.translation_key).order_by("pk").first()
    if original is None or not original.live:
        return []
    courses = path_courses_by_key([original.translation_key]).get(original.translation_key, [])
    keys = {course.translation_key for course in courses}
    if not keys:
        return []
    finished = (
        Enrollment.objects.filter(completed_at__isnull=False, course__translation_key__in=keys)
        .exclude(user__path_completions__path=original)
        .values("user")
        .annotate(courses=Count("course__translation_key", distinct=True), last=Max("completed_at"))
        .filter(courses=len(keys))
        .order_by("user")
    )
    users = {user.pk: user for user in get_user_model().objects.filter(pk__in=[row["user"] for row in finished])}
    return [
        _complete_path(user=users[row["user"]], path=original, courses=courses, completed_at=row["last"])
        for row in finished
    ]


def _complete_path(*, user, path, courses, completed_at=None):
    try:
        with transaction.atomic():
            completion, _created = PathCompletion.objects.get_or_create(
                user=user, path=path, defaults={"completed_at": completed_at or timezone.now()}
            )
    except IntegrityError:  # completed by a simultaneous request
        completion = PathCompletion.objects.get(user=user, path=path)
    if path.awards_certificate:
        issue_path_certificate(completion=completion, hours=sum(course.effort_hours for course in courses))
    return completion


def issue_path_certificate(*, completion: PathCompletion, hours: int) -> Certificate:
    """The path's certificate, issued the first time (idempotent, also under a double click): the path's title and
    the hours of its courses, dated as a course's is."""
    return _issue(
        {"path_completion": completion}, completion.user, completion.path.title, hours, completion.completed_at
    )


def revoke_certificate(*, certificate: Certificate, reason: str) -> Certificate:
    """Revoke with a reason the verification page shows. Revoking again only updates the reason."""
    reason = reason.strip()
    if not reason:
        raise RevocationNeedsReason
    certificate.revoked_reason = reason
    certificate.revoked_at = certificate.revoked_at or timezone.now()
    certificate.save(update_fields=["revoked_reason", "revoked_at"])
    return certificate


def reinstate_certificate(*, certificate: Certificate) -> Certificate:
    certificate.revoked_reason = ""
    certificate.revoked_at = None
    certificate.save(update_fields=["revoked_reason", "revoked_at"])
    return certificate
