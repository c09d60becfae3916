"""What a person follows (topics, cities), how often they want the digest, and which digests went out.

A topic is followed as a thing, not as one translation: the row points at the topic's original (the first row of its
``translation_key``), and the digest matches pages by translation key, so following "Open data" also brings pages
tagged "Données ouvertes"."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TopicFollow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_follows")
    topic = models.ForeignKey("core.Topic", on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))
    created_at = models.DateTimeField(_("followed since"), default=timezone.now)

    class Meta:
        verbose_name = _("followed topic")
        verbose_name_plural = _("followed topics")
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="community_topic_follow_once")]

    def __str__(self):
        return f"{self.user} → {self.topic}"


class CityFollow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="city_follows")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("city")
    )
    created_at = models.DateTimeField(_("followed since"), default=timezone.now)

    class Meta:
        verbose_name = _("followed city")
        verbose_name_plural = _("followed cities")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="community_city_follow_once")]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class DigestFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    DAILY = "daily", _("Daily")
    OFF = "off", pgettext_lazy("digest frequency", "Off")


class DigestSettings(models.Model):
    """How often one person gets the digest (weekly unless they chose otherwise)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_settings")
    frequency = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("digest setting")
        verbose_name_plural = _("digest settings")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"


class DigestSent(models.Model):
    """One digest to one person for one period ("2026-W49", "2026-12-05"): the unique row that makes a second run of
    the task (or two at once) send nothing twice. Written in the same transaction as the email into the outbox."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests_sent")
    period = models.CharField(_("period"), max_length=20)
    # The window it covered ends here; the next digest starts from it.
    covered_until = models.DateTimeField(_("covered until"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    # What it listed (the items' keys): the next digest leaves them out, so a window that overlaps lists nothing twice.
    item_keys = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "period"], name="community_digest_once_per_period")]
        indexes = [models.Index(fields=["user", "-covered_until"], name="community_digest_latest")]

    def __str__(self):
        return f"{self.user} {self.period}"
