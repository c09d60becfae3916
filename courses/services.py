"""Learning workflows: enrol, complete a lesson, unenrol. Idempotent, each in one transaction."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from members.services import qualifies_as_member

from .exceptions import CourseNotAvailable, LessonNotAvailable, LessonNotInCourse, MembersOnlyCourse, NotEnrolled
from .models import CoursePage, Enrollment, LessonPage, LessonProgress
from .selectors import progress_for


def enroll(*, user, course: CoursePage) -> Enrollment:
    """Enrol (or re-enrol after withdrawing). Enrolling twice returns the same enrolment."""
    if not course.live:
        raise CourseNotAvailable
    if course.is_members_only and not qualifies_as_member(user):
        raise MembersOnlyCourse
    with transaction.atomic():
        enrollment = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
        if enrollment is None:
            try:
                with transaction.atomic():
                    return Enrollment.objects.create(user=user, course=course)
            except IntegrityError:  # a double click: the other request created it
                return Enrollment.objects.get(user=user, course=course)
        if enrollment.status == Enrollment.Status.WITHDRAWN:
            enrollment.status = Enrollment.Status.ACTIVE
            enrollment.withdrawn_at = None
            enrollment.save(update_fields=["status", "withdrawn_at"])
            _update_completion(enrollment)
        return enrollment


def unenroll(*, user, course: CoursePage) -> Enrollment | None:
    """Withdraw; progress is kept in case the person comes back. Withdrawing twice changes nothing."""
    with transaction.atomic():
        enrollment = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
        if enrollment and enrollment.status != Enrollment.Status.WITHDRAWN:
            enrollment.status = Enrollment.Status.WITHDRAWN
            enrollment.withdrawn_at = timezone.now()
            enrollment.save(update_fields=["status", "withdrawn_at"])
        return enrollment


def mark_lesson_complete(*, user, course: CoursePage, lesson: LessonPage) -> Enrollment:
    """Record the lesson as done and complete the course when every required live lesson is done."""
    if not lesson.live:
        raise LessonNotAvailable
    if not lesson.path.startswith(course.path) or lesson.depth != course.depth + 2:
        raise LessonNotInCourse
    with transaction.atomic():
        enrollment = Enrollment.objects.current().select_for_update().filter(user=user, course=course).first()
        if enrollment is None:
            raise NotEnrolled
        try:
            with transaction.atomic():
                LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
        except IntegrityError:  # recorded by a simultaneous request
            pass
        _update_completion(enrollment)
        return enrollment


def _update_completion(enrollment):
    progress = progress_for([enrollment])[enrollment.id]
    if progress.is_complete and enrollment.status != Enrollment.Status.COMPLETED:
        enrollment.status = Enrollment.Status.COMPLETED
        enrollment.completed_at = timezone.now()
        enrollment.save(update_fields=["status", "completed_at"])
    elif not progress.is_complete and enrollment.status == Enrollment.Status.COMPLETED:
        # A required lesson was added after completion: the course is in progress again.
        enrollment.status = Enrollment.Status.ACTIVE
        enrollment.completed_at = None
        enrollment.save(update_fields=["status", "completed_at"])
