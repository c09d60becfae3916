"""An awarded application becomes a project: consultants, four milestones, deliverables, and at the end a draft case."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .applications import Application


class Project(models.Model):
    class Status(models.TextChoices):
        UNDER_WAY = "under_way", _("Under way")
        COMPLETED = "completed", pgettext_lazy("project status", "Completed")

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="project")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.UNDER_WAY)
    consultants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="consultation_projects", verbose_name=_("consultants")
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # The draft case that the completed project became (a page id: the case library is not imported by models).
    case = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("case"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("project")

    def __str__(self):
        return self.application.title


def deliverable_path(instance, filename):
    return f"consultations/projects/{instance.project_id}/{uuid.uuid4().hex}/{filename}"


class Milestone(models.Model):
    class Kind(models.TextChoices):
        INCEPTION = "inception", _("Inception")
        SITE_VISIT = "site_visit", _("Site visit")
        DRAFT_REPORT = "draft_report", _("Draft report")
        FINAL_REPORT = "final_report", _("Final report")

    ORDER = [Kind.INCEPTION, Kind.SITE_VISIT, Kind.DRAFT_REPORT, Kind.FINAL_REPORT]

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("milestone"), max_length=16, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(default=0, editable=False)
    due_on = models.DateField(_("due"))
    completed_at = models.DateTimeField(_("done"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    deliverable = models.FileField(_("deliverable"), upload_to=deliverable_path, max_length=300, blank=True)

    class Meta:
        verbose_name = _("milestone")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["project", "kind"], name="one_milestone_of_each_kind")]

    def __str__(self):
        return self.get_kind_display()

    @property
    def is_done(self):
        return self.completed_at is not None

    @property
    def is_late(self):
        return not self.is_done and self.due_on < timezone.localdate()

    @property
    def deliverable_filename(self):
        return self.deliverable.name.rsplit("/", 1)[-1] if self.deliverable else ""
