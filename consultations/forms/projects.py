"""The project page's forms: a milestone marked done (with a note and a deliverable), by a consultant or the
secretariat."""

from pathlib import PurePosixPath

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import parse_id
from core.models.media import content_matches_extension

from ..exceptions import DeliverableRequired
from ..models import Milestone

DELIVERABLE_FORMATS = ("pdf", "docx", "odt", "pptx", "xlsx")
DELIVERABLE_MAX_BYTES = 50 * 1024 * 1024
NOTE_MAX_LENGTH = 2000


class IdField(forms.CharField):
    """A database id typed by a client (core.forms.parse_id): ASCII digits within the bigint range."""

    widget = forms.HiddenInput

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        number = parse_id(value)
        if number is None:
            raise forms.ValidationError(_("That request was not understood."), code="invalid")
        return number


class MilestoneChoiceForm(forms.Form):
    """Which milestone a "Mark done" form is about (read before the milestone's own form is bound)."""

    milestone = IdField()


class MilestoneForm(forms.Form):
    """Mark one milestone done. The final report's milestone needs its file; the others' file is optional."""

    milestone = IdField()
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was done, for the city and the secretariat."),
    )
    deliverable = forms.FileField(
        label=_("Deliverable (optional)"),
        required=False,
        help_text=_("PDF, DOCX, ODT, PPTX or XLSX, at most 50 MB."),
    )

    def __init__(self, *args, milestone: Milestone, **kwargs):
        kwargs.setdefault("auto_id", f"milestone-{milestone.pk}-%s")
        kwargs.setdefault("initial", {"milestone": milestone.pk})
        super().__init__(*args, **kwargs)
        self.milestone = milestone
        if milestone.kind == Milestone.Kind.FINAL_REPORT and not milestone.deliverable:
            field = self.fields["deliverable"]
            field.required = True
            field.label = _("The final report")
            field.error_messages["required"] = DeliverableRequired.message

    def clean_milestone(self):
        if self.cleaned_data["milestone"] != self.milestone.pk:
            raise forms.ValidationError(_("That request was not understood."), code="invalid")
        return self.cleaned_data["milestone"]

    def clean_deliverable(self):
        upload = self.cleaned_data["deliverable"]
        if not upload:
            return None
        extension = PurePosixPath(upload.name).suffix.lower().lstrip(".")
        if extension not in DELIVERABLE_FORMATS:
            raise forms.ValidationError(
                _("Upload a PDF, DOCX, ODT, PPTX or XLSX file. This one is not in a format the hub accepts."),
                code="format",
            )
        if upload.size > DELIVERABLE_MAX_BYTES:
            raise forms.ValidationError(_("This file is larger than 50 MB. Upload a smaller one."), code="size")
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(0)
        if not content_matches_extension(extension, head):
            raise forms.ValidationError(
                _(
                    "This file's content is not a %(format)s file, whatever its name says. Upload the document "
                    "itself, saved in one of the allowed formats."
                ),
                params={"format": extension.upper()},
                code="content",
            )
        return upload

    def service_arguments(self):
        return {"note": self.cleaned_data["note"], "deliverable": self.cleaned_data["deliverable"]}
