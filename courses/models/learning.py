"""Learner data lives in plain models, never in pages: enrolments and completed lessons."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .certificates import completion_date


class EnrollmentQuerySet(models.QuerySet):
    def current(self):
        return self.exclude(status=Enrollment.Status.WITHDRAWN)


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="enrollments")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    run = models.ForeignKey(
        "courses.CohortRun",
        verbose_name=_("cohort run"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enrollments",
    )

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_enrollment_per_course")]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_current(self):
        return self.status != self.Status.WITHDRAWN

    @property
    def completed_on(self):
        """The completion date shown everywhere: the certificate's when there is one (it never changes), else the
        date in the learner's zone. Select ``user`` and ``certificate`` with the enrolment to read it for free."""
        if self.completed_at is None:
            return None
        certificate = getattr(self, "certificate", None)
        return certificate.issued_on if certificate is not None else completion_date(self.user, self.completed_at)


class LessonProgress(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completed")
        verbose_name_plural = _("lessons completed")
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="one_completion_per_lesson")]

    def __str__(self):
        return f"{self.enrollment} – {self.lesson_id}"
