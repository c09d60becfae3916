"""Our own image and document models, so fields can be added without a painful swap later."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
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


class CustomDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

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
