from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pages import ToolkitPage
from .releases import ReleaseFile

# Requests for the same file by the same person within this many seconds count once (COUNTER's double-click rule).
CLICK_WINDOW_SECONDS = 30


class Download(models.Model):
    """One counted download. The toolkit, version and language are kept even if the file is later removed."""

    toolkit = models.ForeignKey(ToolkitPage, on_delete=models.CASCADE, related_name="downloads")
    file = models.ForeignKey(ReleaseFile, on_delete=models.SET_NULL, null=True, related_name="downloads")
    version = models.CharField(_("version"), max_length=40)
    language = models.CharField(_("language"), max_length=10)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A keyed hash of the person (or, signed out, of address and browser, salted per day) and the click window:
    # with the unique constraint, a double click is one download, whatever the race.
    visitor = models.CharField(max_length=64)
    click_window = models.BigIntegerField()
    created_at = models.DateTimeField(_("downloaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        constraints = [
            models.UniqueConstraint(fields=["file", "visitor", "click_window"], name="toolkits_one_download_per_click")
        ]
        indexes = [
            models.Index(fields=["toolkit", "created_at"], name="toolkits_download_toolkit"),
            models.Index(fields=["organisation", "created_at"], name="toolkits_download_org"),
            models.Index(fields=["created_at"], name="toolkits_download_created"),
        ]

    def __str__(self):
        return f"{self.toolkit_id} {self.version} {self.language} {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def of(cls, file, *, user_id, organisation_id, visitor, when):
        """An unsaved download of ``file`` (its release loaded) at ``when``, in that moment's click window."""
        return cls(
            toolkit_id=file.release.toolkit_id,
            file=file,
            version=file.release.version,
            language=file.language,
            user_id=user_id,
            organisation_id=organisation_id,
            visitor=visitor,
            click_window=int(when.timestamp()) // CLICK_WINDOW_SECONDS,
            created_at=when,
        )
