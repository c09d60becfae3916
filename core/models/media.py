"""Our own image and document models, so fields can be added without a painful swap later."""

import re
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# How each allowed format begins. A renamed program or script is refused, not merely an unknown extension.
ZIP_SIGNATURE = b"PK\x03\x04"
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP_SIGNATURE,),
    "xlsx": (ZIP_SIGNATURE,),
    "pptx": (ZIP_SIGNATURE,),
    "odt": (ZIP_SIGNATURE,),
    "ods": (ZIP_SIGNATURE,),
    "odp": (ZIP_SIGNATURE,),
    "zip": (ZIP_SIGNATURE,),
}
TEXT_FORMATS = {"csv", "txt"}


def content_matches_extension(extension, head):
    if extension in TEXT_FORMATS:
        return b"\x00" not in head
    signatures = DOCUMENT_SIGNATURES.get(extension)
    return signatures is None or head.startswith(signatures)


def clean_file_name(name):
    """The name a file was uploaded as, without its folders, safe in a URL and a Content-Disposition header."""
    name = re.split(r"[\\/]", str(name))[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"\\')
    return " ".join(name.split())[:255]


class DocumentFieldFile(FieldFile):
    def save(self, name, content, save=True):
        # Every way a file is stored passes here (an upload in the admin, ``document.file.save()`` in code),
        # before the storage renames it to avoid a collision ("guide.pdf" stored as "guide_6kbN5ZK.pdf").
        self.instance.original_filename = clean_file_name(name)
        super().save(name, content, save)


class DocumentFileField(models.FileField):
    attr_class = DocumentFieldFile


class CustomDocument(AbstractDocument):
    file = DocumentFileField(upload_to="documents", verbose_name=_("file"))
    original_filename = models.CharField(
        _("original file name"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The file's name as uploaded; downloads carry it, whatever name the storage gave the file."),
    )
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def filename(self):
        """The name people get: as uploaded (Wagtail's serve view and ours send it, and the document's URL ends
        with it). Documents stored before the name was kept fall back to the storage's name, so their URLs stay."""
        return self.original_filename or super().filename

    def clean(self):
        super().clean()  # the allowed extensions
        if not self.file or getattr(self.file, "_committed", True):
            return  # only a new upload is read
        extension = PurePosixPath(self.file.name).suffix.lower().lstrip(".")
        self.file.seek(0)
        head = self.file.read(2048)
        self.file.seek(0)
        if not content_matches_extension(extension, head):
            raise ValidationError(
                {
                    "file": _(
                        "This file's content is not a %(format)s file, whatever its name says. Upload the document "
                        "itself, saved in one of the allowed formats."
                    )
                    % {"format": extension.upper()}
                }
            )
