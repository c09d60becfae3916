from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the new token"),
        max_length=80,
        help_text=_("What it is for, so that you recognise it later: for example “City open-data portal”."),
    )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
