from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Region


class DirectoryFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        self.fields["country"].choices = [("", _("All countries")), *countries]
