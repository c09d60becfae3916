"""Releases of a toolkit and their files. Wagtail has no document versioning (wagtail/roadmap#58): a release is
a dated, labelled set of documents, kept with the page's revisions; older releases stay listed."""

from pathlib import PurePosixPath

from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .pages import ToolkitPage

# Files come in many more languages than the site's interface: offer Django's full list.
FILE_LANGUAGES = global_settings.LANGUAGES

# What the visitor sees before downloading, from the file's own extension (checked against its content on upload).
FORMAT_LABELS = {
    "pdf": _("PDF"),
    "docx": _("Word document (DOCX)"),
    "xlsx": _("Excel workbook (XLSX)"),
    "pptx": _("PowerPoint slides (PPTX)"),
    "odt": _("OpenDocument text (ODT)"),
    "ods": _("OpenDocument spreadsheet (ODS)"),
    "odp": _("OpenDocument slides (ODP)"),
    "csv": _("CSV table"),
    "txt": _("Plain text"),
    "zip": _("ZIP archive"),
}


class ToolkitRelease(Orderable, ClusterableModel):
    toolkit = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="releases")
    version = models.CharField(_("version"), max_length=40, help_text=_("For example “2.1” or “2026 edition”."))
    released_on = models.DateField(_("release date"), default=timezone.localdate)
    changelog = models.TextField(_("what changed"), blank=True, max_length=4000)

    panels = [
        FieldRowPanel([FieldPanel("version"), FieldPanel("released_on")]),
        FieldPanel("changelog"),
        InlinePanel("files", heading=_("Files"), label=_("File"), min_num=1),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("release")
        verbose_name_plural = _("releases")

    def __str__(self):
        return f"{self.toolkit.title} {self.version}"

    def clean(self):
        super().clean()
        if self.released_on and self.released_on > timezone.localdate():
            raise ValidationError({"released_on": _("A release date cannot be in the future.")})


class ReleaseFile(Orderable):
    release = ParentalKey(ToolkitRelease, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    title = models.CharField(
        _("title"), max_length=120, blank=True, help_text=_("Leave empty to use the document's title.")
    )
    language = models.CharField(_("language"), max_length=10, choices=FILE_LANGUAGES, default="en")

    panels = [FieldRowPanel([FieldPanel("document"), FieldPanel("language")]), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title

    @property
    def extension(self):
        return PurePosixPath(self.document.file.name).suffix.lower().lstrip(".")

    @property
    def format_label(self):
        return FORMAT_LABELS.get(self.extension, self.extension.upper())

    @property
    def size(self):
        """Bytes, as Wagtail recorded them on upload (read from the file once if it did not)."""
        return self.document.get_file_size() or 0

    @property
    def download_name(self):
        """The name the file was uploaded as, not the storage's (which may carry a suffix against collisions)."""
        return self.document.filename
