from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Region

from .models import CasePage

MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
MAX_INPUT = 2_000  # read no further into a pasted essay
# The facets, in the order the library shows them; their checkboxes are drawn from CaseLibraryForm.facets().
FACET_LABELS = {
    "kind": _("Kind"),
    "stage": _("Stage"),
    "region": _("Region"),
    "country": _("Country"),
    "topic": _("Topic"),
    "budget": _("Budget"),
}
FACETS = tuple(FACET_LABELS)
SORTS = [("newest", _("Newest first")), ("title", _("Title")), ("relevance", _("Best match (with a search)"))]


class CaseLibraryForm(forms.Form):
    """The library's query string: facets combine with AND across and OR within, all in the URL."""

    q = forms.CharField(label=_("Search the cases"), required=False, max_length=20_000)
    year_from = forms.IntegerField(label=_("From year"), required=False, min_value=1990, max_value=2100)
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1990, max_value=2100)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)

    def __init__(self, data=None, *, topics=(), countries=()):
        super().__init__(data)
        self.base_choices = {
            "kind": list(CasePage.Kind.choices),
            "stage": list(CasePage.Stage.choices),
            "region": list(Region.choices),
            "country": list(countries),
            "topic": [(topic.slug, topic.name) for topic in topics],
            "budget": list(CasePage.BudgetBand.choices),
        }

    def filters(self):
        """What the library applies. Only valid parts count: an unknown value drops that value, never the page."""
        data = self.data
        sort = data.get("sort", "")
        return {
            "q": clean_query(data.get("q", "")),
            "year_from": _year(data.get("year_from")),
            "year_to": _year(data.get("year_to")),
            "sort": sort if sort in dict(SORTS) else "",
            **{
                name: [value for value in data.getlist(name) if value in dict(self.base_choices[name])][:50]
                for name in FACETS
            },
        }

    def facets(self, counts, filters):
        """[(name, label, [(value, label, count, checked)])]: prepared here because rendering ~200 checkboxes
        through Django's per-option widget templates cost tens of milliseconds per page."""
        return [
            (
                name,
                FACET_LABELS[name],
                [
                    (value, label, counts.get(name, {}).get(value, 0), value in filters[name])
                    for value, label in self.base_choices[name]
                ],
            )
            for name in FACETS
        ]


def clean_query(text):
    """Words only: no control characters or query syntax, at most 8 words and 100 characters."""
    text = "".join(ch if ch.isprintable() and ch not in "\"'`*()[]{}<>\\" else " " for ch in text[:MAX_INPUT])
    return " ".join(text.split()[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH]


def _year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1990 <= year <= 2100 else None
