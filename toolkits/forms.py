from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CatalogueFilterForm

from .models import ToolkitPage

SORTS = [("title", _("Title")), ("updated", _("Recently updated"))]


class ToolkitCatalogueForm(CatalogueFilterForm):
    q = forms.CharField(label=_("Search toolkits"), required=False, max_length=1000)
    facet_labels = {
        "topic": _("Topic"),
        "kind": _("Kind"),
        "language": _("Language"),
        "audience": _("Who may download"),
    }

    def __init__(self, data=None, *, topics=(), languages=()):
        super().__init__(
            data,
            choices={
                "topic": [(topic.slug, topic.name) for topic in topics],
                "kind": list(ToolkitPage.Kind.choices),
                "language": list(languages),
                "audience": list(ToolkitPage.Audience.choices),
            },
        )
        self.fields["sort"] = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)

    def filters(self):
        filters = super().filters()
        filters["sort"] = self.cleaned_data.get("sort", "") if hasattr(self, "cleaned_data") else ""
        return filters
