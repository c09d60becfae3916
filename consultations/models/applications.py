"""A city's application to a call: drafted by the city, submitted before the deadline, screened, reviewed, decided.

Every step is a service in consultations.services; each one writes an ``ApplicationEvent``, so the secretariat reads
the whole history of an application (who did what, when).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from members.models import Organisation

from .pages import CallPage


class ApplicationQuerySet(models.QuerySet):
    def submitted(self):
        return self.exclude(status__in=[Application.Status.DRAFT, Application.Status.WITHDRAWN])

    def in_review(self):
        return self.filter(status__in=Application.REVIEWABLE)


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        INFORMATION_REQUESTED = "information_requested", _("More information requested")
        INELIGIBLE = "ineligible", _("Not eligible")
        IN_REVIEW = "in_review", _("In review")
        AWARDED = "awarded", _("Awarded")
        WAITING_LIST = "waiting_list", _("On the waiting list")
        DECLINED = "declined", _("Not selected")
        WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")

    REVIEWABLE = (Status.IN_REVIEW, Status.AWARDED, Status.WAITING_LIST, Status.DECLINED)
    DETERMINATIONS = (Status.AWARDED, Status.WAITING_LIST, Status.DECLINED)
    EDITABLE = (Status.DRAFT, Status.INFORMATION_REQUESTED)

    call = models.ForeignKey(CallPage, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("city"), on_delete=models.PROTECT, related_name="consultation_applications"
    )
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.DRAFT, db_index=True)
    title = models.CharField(_("project title"), max_length=200)
    challenge = models.TextField(_("the challenge"), blank=True, max_length=5000)
    objectives = models.TextField(_("what the city wants to achieve"), blank=True, max_length=5000)
    expected_outcomes = models.TextField(_("expected outcomes"), blank=True, max_length=5000)
    partners = models.TextField(_("partners"), blank=True, max_length=1000, help_text=_("One per line."))
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # Which of the call's places for this city the application takes (1 … applications_per_city); a withdrawn
    # application frees its place. The unique constraint stops a double click from starting two.
    slot = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last edited"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    information_request = models.TextField(_("information requested"), blank=True)
    screening_reason = models.TextField(_("screening note"), blank=True)
    determination_message = models.TextField(_("message to the city"), blank=True)
    determined_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Reminders sent for this draft (by days before the deadline), so a rerun of the reminder task sends none twice.
    reminded_for = models.CharField(max_length=40, blank=True, default="", editable=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        permissions = [
            ("manage_programme", _("Can run the consultation programme")),
            ("review_applications", _("Can review the applications assigned to them")),
        ]
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["call", "status"]), models.Index(fields=["organisation", "call"])]
        constraints = [
            models.UniqueConstraint(fields=["call", "organisation", "slot"], name="one_application_per_city_place")
        ]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    @property
    def is_editable(self):
        return self.status in self.EDITABLE

    @property
    def is_determined(self):
        return self.status in self.DETERMINATIONS

    @property
    def reference(self):
        return f"{self.call.programme_year}-{self.pk:04d}" if self.pk else ""


class Editor(models.Model):
    """A colleague of the city's focal point who may edit the city's draft."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="editors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("editor")
        constraints = [models.UniqueConstraint(fields=["application", "user"], name="one_editor_row_per_person")]

    def __str__(self):
        return str(self.user)


def attachment_path(instance, filename):
    # Outside the public media prefixes (settings.PUBLIC_MEDIA_PREFIXES) and unguessable: served only by the
    # access-checked view.
    return f"consultations/applications/{instance.application_id}/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]


class ApplicationEvent(models.Model):
    """One step in an application's history."""

    class Verb(models.TextChoices):
        STARTED = "started", _("started the application")
        EDITED = "edited", _("edited the application")
        EDITOR_ADDED = "editor_added", _("invited a colleague to edit")
        EDITOR_REMOVED = "editor_removed", _("removed a colleague from the editors")
        ATTACHED = "attached", _("attached a file")
        DETACHED = "detached", _("removed a file")
        SUBMITTED = "submitted", _("submitted the application")
        WITHDRAWN = "withdrawn", _("withdrew the application")
        INFORMATION_REQUESTED = "information_requested", _("asked the city for more information")
        SCREENED_ELIGIBLE = "screened_eligible", _("found the application eligible")
        SCREENED_INELIGIBLE = "screened_ineligible", _("found the application not eligible")
        REVIEWER_ASSIGNED = "reviewer_assigned", _("assigned a reviewer")
        CONFLICT_DECLARED = "conflict_declared", _("declared a conflict of interest")
        REVIEW_SUBMITTED = "review_submitted", _("submitted a review")
        DETERMINED = "determined", _("recorded the decision")
        PROJECT_STARTED = "project_started", _("started the project")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    verb = models.CharField(max_length=32, choices=Verb.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("application history entry")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.get_verb_display()}"
