"""The city's forms: starting an application, writing it, its editors and its files. They parse and validate; the
services in consultations.services decide and write."""

from pathlib import PurePosixPath

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.forms import MAX_ID, question_answers, question_field
from core.models.media import content_matches_extension

from ..models import Application
from ..services import CITY_FIELDS

ANSWER_MAX_LENGTH = 300
LONG_ANSWER_MAX_LENGTH = 5000

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENTS = 10
ATTACHMENT_EXTENSIONS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "png", "jpg")
# core.models.media knows how the office formats and PDF begin; images are not documents there, so their
# signatures are here. A renamed program or script is refused, not merely an unknown extension.
IMAGE_SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff"}
HEAD_BYTES = 16

# What a submission needs (consultations.services.missing_parts); a draft may be saved without them.
NEEDED_TO_SUBMIT = ("challenge", "objectives", "expected_outcomes")


class StartApplicationForm(forms.Form):
    title = forms.CharField(
        label=_("Project title"),
        max_length=Application._meta.get_field("title").max_length,
        help_text=_("A working title: you can change it until you submit."),
    )


class ApplicationForm(forms.Form):
    """The application's text and the call's own questions (fields q_<id>). Everything but the title may stay empty
    in a draft; what a submission needs is said next to each field and checked when the focal point submits."""

    def __init__(self, *args, application, questions, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                **{name: getattr(application, name) for name in CITY_FIELDS},
                **{f"q_{question.id}": application.answers.get(question.label, "") for question in questions},
            },
        )
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(Application, fields=CITY_FIELDS))
        for name in (*NEEDED_TO_SUBMIT, "partners"):
            self.fields[name].widget.attrs["rows"] = 6
        for name in NEEDED_TO_SUBMIT:
            self.fields[name].help_text = _("Needed before the application is submitted.")
        self.fields["partners"].help_text = Application._meta.get_field("partners").help_text
        self.questions = list(questions)
        for question in self.questions:
            field = question_field(question, max_length=ANSWER_MAX_LENGTH, long_max_length=LONG_ANSWER_MAX_LENGTH)
            if question.required:  # asked for at submission, so that a draft can be saved half-written
                field.required = False
                field.help_text = _("Needed before the application is submitted.")
            self.fields[f"q_{question.id}"] = field

    def city_fields(self):
        return [self[name] for name in CITY_FIELDS]

    def question_fields(self):
        return [self[f"q_{question.id}"] for question in self.questions]

    def service_arguments(self):
        return {
            "data": {name: self.cleaned_data[name] for name in CITY_FIELDS},
            "answers": question_answers(self.cleaned_data, self.questions),
        }


class EditorForm(forms.Form):
    """On the application's page with its other forms: ids of its own (the names stay "email")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "editor-%s")
        super().__init__(*args, **kwargs)

    email = forms.EmailField(
        label=_("Colleague's email address"),
        max_length=254,
        help_text=_("An approved member of your city's staff on WeGo Hub."),
    )


class IdForm(forms.Form):
    """One row of the application, named by its id (an editor, an attachment)."""

    id = forms.IntegerField(min_value=1, max_value=MAX_ID)


class AttachmentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file's name."),
    )
    file = forms.FileField(label=_("File"), max_length=200)

    def __init__(self, *args, attached=0, **kwargs):
        kwargs.setdefault("auto_id", "attachment-%s")  # ids of its own beside the application's "title"
        super().__init__(*args, **kwargs)
        self.attached = attached
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, PowerPoint, OpenDocument text or spreadsheet, PNG or JPEG; at most %(size)s each."
        ) % {"size": filesizeformat(MAX_ATTACHMENT_BYTES)}
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{extension}" for extension in ATTACHMENT_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = PurePosixPath(upload.name).suffix.lower().lstrip(".")
        extension = "jpg" if extension == "jpeg" else extension
        if extension not in ATTACHMENT_EXTENSIONS:
            raise forms.ValidationError(
                _("Attach a file of one of these kinds: %(extensions)s.")
                % {"extensions": ", ".join(ATTACHMENT_EXTENSIONS)}
            )
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise forms.ValidationError(
                _("This file is %(size)s: attach files of at most %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_ATTACHMENT_BYTES)}
            )
        upload.seek(0)
        head = upload.read(HEAD_BYTES)
        upload.seek(0)
        if extension in IMAGE_SIGNATURES:
            matches = head.startswith(IMAGE_SIGNATURES[extension])
        else:
            matches = content_matches_extension(extension, head)
        if not matches:
            raise forms.ValidationError(
                _("This file's content is not a %(extension)s file. Attach the document itself, saved in its format.")
                % {"extension": extension.upper()}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.attached >= MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("An application has at most %(count)s files. Remove one before you attach another.")
                % {"count": MAX_ATTACHMENTS}
            )
        return cleaned

    def service_arguments(self):
        return {"title": self.cleaned_data["title"], "file": self.cleaned_data["file"]}


class ConfirmForm(forms.Form):
    """A step that asks first: the POST without ``confirmed`` shows what will happen; the one with it does it."""

    confirmed = forms.BooleanField(required=False)
