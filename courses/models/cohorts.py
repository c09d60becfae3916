"""Cohort runs: the dated runs of a cohort course, each with its own seats and enrolment window."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class CohortRun(models.Model):
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="runs", verbose_name=_("course")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    enrollment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrollment_closes_at = models.DateTimeField(
        _("enrolment closes"), null=True, blank=True, help_text=_("Leave empty to close when the run starts.")
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=30)
    facilitator = models.ForeignKey(
        "courses.Instructor", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("course"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("enrollment_opens_at"), FieldPanel("enrollment_closes_at")]),
        FieldRowPanel([FieldPanel("seats"), FieldPanel("facilitator")]),
    ]

    class Meta:
        verbose_name = _("cohort run")
        verbose_name_plural = _("cohort runs")
        ordering = ["starts_on", "id"]

    def __str__(self):
        return f"{self.course.title}: {self.starts_on:%d %b %Y} – {self.ends_on:%d %b %Y}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A run cannot end before it starts.")})
        if (
            self.enrollment_opens_at
            and self.enrollment_closes_at
            and self.enrollment_closes_at < self.enrollment_opens_at
        ):
            raise ValidationError({"enrollment_closes_at": _("Enrolment cannot close before it opens.")})

    @property
    def closes_at(self):
        if self.enrollment_closes_at:
            return self.enrollment_closes_at
        return timezone.make_aware(timezone.datetime.combine(self.starts_on, timezone.datetime.min.time()))

    def closed_reason(self, now=None):
        """Why enrolment is closed now, in plain words, or '' when it is open."""
        now = now or timezone.now()
        if self.enrollment_opens_at and now < self.enrollment_opens_at:
            return _("Enrolment for this run has not opened yet.")
        if now >= self.closes_at:
            return _("Enrolment for this run has closed.")
        return ""
