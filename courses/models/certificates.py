"""Certificates: issued once per completed enrolment, verifiable by anyone at /certificates/<code>/."""

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: a code read aloud or typed from paper cannot be mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12  # 31^12 ≈ 7.9 × 10^17 codes: not guessable


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """What a person typed or scanned, as a stored code: upper case, without spaces and dashes; '' if impossible."""
    code = "".join(text.split()).replace("-", "").upper()[:64]
    return code if len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code) else ""


class Certificate(models.Model):
    enrollment = models.OneToOneField(
        "courses.Enrollment", on_delete=models.PROTECT, related_name="certificate", verbose_name=_("enrolment")
    )
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True, default=new_code)
    # As issued: the certificate says what it said on the day, whatever changes later.
    name = models.CharField(_("name as issued"), max_length=300)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("hours"))
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    issuer = models.CharField(_("issuer"), max_length=255)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(
        _("reason for revoking"),
        blank=True,
        max_length=1000,
        help_text=_("Write a reason to revoke the certificate; clear it to reinstate. The reason is shown publicly."),
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.code} {self.name} – {self.course_title}"

    def get_absolute_url(self):
        return reverse("certificates:verify", args=[self.code])

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def display_code(self):
        return f"{self.code[:4]}-{self.code[4:8]}-{self.code[8:]}"

    @property
    def pdf_url(self):
        return reverse("certificates:pdf", args=[self.code])
