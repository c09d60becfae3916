from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=10_000, strip=True)

    def clean_q(self):
        # Control characters (a NUL byte breaks SQLite's FTS and PostgreSQL alike) become spaces;
        # very long queries are cut rather than refused, so a pasted paragraph still finds something.
        query = "".join(ch if ch.isprintable() else " " for ch in self.cleaned_data["q"])
        return " ".join(query.split())[:MAX_QUERY_LENGTH]
