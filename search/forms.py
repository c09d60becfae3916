from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
QUERY_SYNTAX = set('"()[]{}:^*')


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=10_000, strip=True)

    def clean_q(self):
        # Control characters (a NUL byte breaks SQLite's FTS and PostgreSQL alike) and the query-syntax
        # characters the database backend passes through unescaped (a lone " is a 500 there: wagtail#13227)
        # become spaces; very long queries are cut rather than refused, so a pasted paragraph still finds something.
        query = "".join(" " if not ch.isprintable() or ch in QUERY_SYNTAX else ch for ch in self.cleaned_data["q"])
        return " ".join(query.split())[:MAX_QUERY_LENGTH]
