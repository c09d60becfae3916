"""Certificates: issued once per completed enrolment, verifiable by anyone at /certificates/<code>/."""

import secrets
import zoneinfo

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.timezones import zone_or_none

# No 0/O, 1/I/L: a code read aloud or typed from paper cannot be mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12  # 31^12 ≈ 7.9 × 10^17 codes: not guessable


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """What a person typed or scanned, as a stored code: upper case, without spaces and dashes; '' if impossible."""
    code = "".join(text.split()).replace("-", "").upper()[:64]
    return code if len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code) else ""


def learner_time_zone(user):
    """The zone a learner's completion date is in: their profile's zone, else UTC. Never the zone of whoever
    happens to be viewing (or of the request that completed the course): one person, one date."""
    return zone_or_none(getattr(user, "time_zone", "")) or zoneinfo.ZoneInfo("UTC")


def completion_date(user, moment):
    """The calendar date of ``moment`` in the learner's zone."""
    return timezone.localtime(moment, learner_time_zone(user)).date()


class Certificate(models.Model):
    """A course's certificate (``enrollment``) or a learning path's (``path_completion``): exactly one of the two."""

    enrollment = models.OneToOneField(
        "courses.Enrollment",
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
    )
    path_completion = models.OneToOneField(
        "courses.PathCompletion",
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("learning path completed"),
        null=True,
        blank=True,
    )
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True, default=new_code)
    # As issued: the certificate says what it said on the day, whatever changes later. Empty when the holder's
    # profile had no name: the public page and the PDF then say so, never showing the email address instead.
    name = models.CharField(_("name as issued"), max_length=300, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("hours"))
    # A calendar date, not a moment: the completion date in ``time_zone``, the same for every viewer anywhere.
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    time_zone = models.CharField(
        _("time zone of the date"),
        max_length=64,
        blank=True,
        help_text=_("The learner's time zone when it was issued (empty for certificates issued before it was kept)."),
    )
    issuer = models.CharField(_("issuer"), max_length=255)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(
        _("reason for revoking"),
        blank=True,
        max_length=1000,
        help_text=_("Write a reason to revoke the certificate; clear it to reinstate. The reason is shown publicly."),
    )

    # The Open Badges 3.0 credential as issued: a JWT-secured verifiable credential (courses.badges), signed once
    # with the key current then. Empty until first asked for (certificates issued before credentials existed).
    credential = models.TextField(_("signed credential"), blank=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enrollment__isnull=False, path_completion__isnull=True)
                | models.Q(enrollment__isnull=True, path_completion__isnull=False),
                name="certificate_of_a_course_or_a_path",
            )
        ]

    def __str__(self):
        return f"{self.code} {self.name} – {self.course_title}"

    def get_absolute_url(self):
        return reverse("certificates:verify", args=[self.code])

    @property
    def holder(self):
        """The person it was issued to. Select ``enrollment__user`` or ``path_completion__user`` to read it free."""
        return self.enrollment.user if self.enrollment_id else self.path_completion.user

    @property
    def holder_id(self):
        return self.enrollment.user_id if self.enrollment_id else self.path_completion.user_id

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def holder_name(self):
        """What the public page and the PDF print as the holder."""
        return self.name or _("Name withheld by the holder")

    @property
    def display_code(self):
        return f"{self.code[:4]}-{self.code[4:8]}-{self.code[8:]}"

    @property
    def pdf_url(self):
        return reverse("certificates:pdf", args=[self.code])
