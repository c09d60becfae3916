"""Reviews: the secretariat assigns reviewers to an eligible application; each scores every criterion of the call."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .applications import Application
from .pages import Criterion

LOWEST_SCORE, HIGHEST_SCORE = 1, 5


class AssignmentQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=Assignment.Status.SUBMITTED)

    def open(self):
        return self.filter(status=Assignment.Status.ASSIGNED)


class Assignment(models.Model):
    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("To review")
        SUBMITTED = "submitted", _("Submitted")
        CONFLICT = "conflict", _("Conflict of interest declared")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ASSIGNED)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    assigned_at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(_("overall comment"), blank=True, max_length=5000)
    conflict_note = models.TextField(_("conflict of interest"), blank=True, max_length=1000)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("review assignment")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="one_review_per_reviewer")]
        indexes = [models.Index(fields=["reviewer", "status"])]

    def __str__(self):
        return f"{self.reviewer} → {self.application}"


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(LOWEST_SCORE), MaxValueValidator(HIGHEST_SCORE)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("score")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(score__gte=LOWEST_SCORE, score__lte=HIGHEST_SCORE), name="score_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.score}"
