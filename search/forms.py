from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CatalogueFilterForm
from core.search_backend import plain_words

from .kinds import KINDS

MAX_QUERY_LENGTH = 200


def clean_query(text):
    """The words the engines can take (core.search_backend.plain_words); very long queries are cut rather than
    refused, so a pasted paragraph still finds something."""
    return plain_words(text, max_length=MAX_QUERY_LENGTH)


class SearchForm(CatalogueFilterForm):
    """``?q=`` words, ``?type=`` one kind, ``?topic=`` one topic; an unknown type or topic is ignored."""

    q = forms.CharField(label=_("Words to look for"), required=False)
    facet_labels = {"type": _("Type"), "topic": _("Topic")}

    def __init__(self, data=None, *, topics=()):
        super().__init__(
            data,
            choices={
                "type": [(kind.key, kind.label) for kind in KINDS],
                "topic": [(topic.slug, topic.name) for topic in topics],
            },
        )

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])


def page_number(value):
    """?page= as a positive number; anything else is the first page."""
    try:
        return max(1, int(str(value)[:6]))
    except ValueError:
        return 1
