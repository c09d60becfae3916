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
