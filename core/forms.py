import functools
import re

from django import forms
from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .timezones import available_time_zones, time_zone_choices
from .widgets import TimeZoneSelect

MAX_QUERY_LENGTH = 100


def plain_query(text):
    """A search box's text as the listings read it: control characters as spaces, one space between words, at most
    MAX_QUERY_LENGTH characters."""
    query = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


# The largest value a database id (bigint) holds. Anything bigger cannot be a row, and PostgreSQL rejects it.
MAX_ID = 2**63 - 1
ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value):
    """A database id typed by a client, or None: ASCII digits only, within the bigint range.

    ``str.isdigit()`` is not enough: it accepts "²" (which ``int()`` refuses) and strings of any length.
    """
    if not isinstance(value, str) or not ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


class CatalogueFilterForm(forms.Form):
    """A catalogue's query string: a bounded text query and one choice per facet, each choice with its count.

    Subclasses name their facets in ``facet_labels`` (in the order shown) and pass each facet's choices.
    """

    q = forms.CharField(label=_("Search"), required=False, max_length=1000)
    facet_labels = {}

    def __init__(self, data=None, *, choices):
        super().__init__(data)
        self.base_choices = choices
        for name, label in self.facet_labels.items():
            self.fields[name] = forms.ChoiceField(label=label, required=False, choices=[("", _("Any")), *choices[name]])

    def clean_q(self):
        return plain_query(self.cleaned_data["q"])

    def filters(self):
        """What the catalogue applies: an unknown value in one facet is ignored; the others still apply."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned.get(name, "") for name in ("q", *self.facet_labels)}

    def attach_counts(self, counts):
        """Show how many items each choice would give, e.g. "Introductory (4)"."""
        for name, choices in self.base_choices.items():
            facet = counts.get(name, {})
            self.fields[name].choices = [
                ("", _("Any")),
                *((value, f"{label} ({facet.get(value, 0)})") for value, label in choices),
            ]


class TimeZoneField(forms.ChoiceField):
    """Pick a time zone from the current IANA names (UTC first, then grouped by region).

    It offers canonical names only, yet accepts any real zone: a stored older name (Asia/Calcutta, US/Pacific)
    is shown selected and kept when the rest of the form is saved, rather than silently cleared.
    """

    widget = TimeZoneSelect

    def __init__(self, *, blank_label=None, **kwargs):
        # A callable, so that each form instance does not deep-copy ~420 choices.
        kwargs.setdefault("choices", functools.partial(time_zone_choices, blank_label=blank_label))
        super().__init__(**kwargs)

    def valid_value(self, value):
        return value in available_time_zones()


class LanguageChoiceForm(forms.Form):
    """The language switcher's link: a language of settings.LANGUAGES and the page of ours to go back to."""

    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False, max_length=2000)

    def clean_next(self):
        # Only a path on this site: never another host, a scheme or a protocol-relative "//host".
        path = self.cleaned_data["next"]
        if not url_has_allowed_host_and_scheme(path, allowed_hosts=None) or not path.startswith("/"):
            return ""
        return path


def question_field(question, *, max_length, long_max_length=None):
    """The form field that asks an editor-defined ``core.models.questions.FormQuestion``."""
    Kind = question.Kind
    if question.kind in (Kind.YES_NO, Kind.CHOICE):
        if question.kind == Kind.YES_NO:
            choices = [("yes", _("Yes")), ("no", _("No"))]
        else:
            choices = [(choice, choice) for choice in question.choice_list()]
        return forms.ChoiceField(
            label=question.label, required=question.required, choices=choices, widget=forms.RadioSelect
        )
    if question.kind == Kind.LONG_TEXT:
        return forms.CharField(
            label=question.label,
            required=question.required,
            max_length=long_max_length or max_length,
            widget=forms.Textarea(attrs={"rows": 5}),
        )
    return forms.CharField(label=question.label, required=question.required, max_length=max_length)


def question_answers(cleaned_data, questions, prefix="q_"):
    """{question label: answer} for the questions answered, as the organisers read them in an export."""
    return {
        question.label: cleaned_data[f"{prefix}{question.id}"]
        for question in questions
        if cleaned_data.get(f"{prefix}{question.id}")
    }
