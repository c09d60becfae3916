from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models.pages import CoursePage

MAX_QUERY_LENGTH = 100


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search courses"), required=False, max_length=1000)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.base_choices = {
            "topic": [(topic.slug, topic.name) for topic in topics],
            "level": list(CoursePage.Level.choices),
            "language": list(settings.LANGUAGES),
            "format": list(CoursePage.Format.choices),
        }
        for name, choices in self.base_choices.items():
            self.fields[name].choices = [("", _("Any")), *choices]

    def clean_q(self):
        query = "".join(ch if ch.isprintable() else " " for ch in self.cleaned_data["q"])
        return " ".join(query.split())[:MAX_QUERY_LENGTH]

    def attach_counts(self, counts):
        """Show how many courses each choice would give, e.g. "Introductory (4)"."""
        for name, choices in self.base_choices.items():
            facet = counts.get(name, {})
            self.fields[name].choices = [
                ("", _("Any")),
                *((value, f"{label} ({facet.get(value, 0)})") for value, label in choices),
            ]
