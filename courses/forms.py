from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import CatalogueFilterForm

from .models.pages import CoursePage


class CourseCatalogueForm(CatalogueFilterForm):
    q = forms.CharField(label=_("Search courses"), required=False, max_length=1000)
    facet_labels = {
        "topic": _("Topic"),
        "level": _("Level"),
        "language": _("Language"),
        "format": _("Format"),
        "audience": _("Who may take it"),
    }

    def __init__(self, data=None, *, topics=()):
        super().__init__(
            data,
            choices={
                "topic": [(topic.slug, topic.name) for topic in topics],
                "level": list(CoursePage.Level.choices),
                "language": list(settings.LANGUAGES),
                "format": list(CoursePage.Format.choices),
                "audience": [
                    (CoursePage.Audience.PUBLIC, _("Everyone")),
                    (CoursePage.Audience.MEMBERS, _("Members only")),
                ],
            },
        )


CREDENTIAL_MAX_BYTES = 1024 * 1024
CREDENTIAL_EXTENSIONS = (".json", ".jwt", ".png")


class VerifyCredentialForm(forms.Form):
    """A credential someone was given: its file (JSON, JWT or the badge image) or its text, pasted."""

    file = forms.FileField(
        label=_("Credential file"),
        required=False,
        help_text=_("The JSON file, the badge image (PNG) or a .jwt file, up to 1 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(CREDENTIAL_EXTENSIONS)}),
    )
    text = forms.CharField(
        label=_("Or paste the credential"),
        required=False,
        max_length=CREDENTIAL_MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > CREDENTIAL_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB: a credential is much smaller."))
        if not upload.name.lower().endswith(CREDENTIAL_EXTENSIONS):
            raise forms.ValidationError(_("Give a .json, .jwt or .png file."))
        return upload.read(CREDENTIAL_MAX_BYTES + 1)

    def clean(self):
        cleaned = super().clean()
        given = [value for value in (cleaned.get("file"), (cleaned.get("text") or "").strip()) if value]
        if not given and not self.errors:
            raise forms.ValidationError(_("Choose a file or paste a credential."))
        if len(given) > 1:
            raise forms.ValidationError(_("Give a file or a pasted credential, not both."))
        cleaned["credential"] = given[0] if given else None
        return cleaned
