from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import question_answers, question_field
from members.models import Region

from .models import EventPage, Registration

ANSWER_MAX_LENGTH = 300


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any")), *EventPage.Kind.choices])
    format = forms.ChoiceField(label=_("Format"), required=False, choices=[("", _("Any")), *EventPage.Format.choices])
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("Any")), *Region.choices])
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Any")), *((topic.slug, topic.name) for topic in topics)]


class RegistrationForm(forms.Form):
    """The attendee's choices and answers; event-specific questions become fields q_<id>.

    An event with one mode of attendance does not ask for it: the mode is implied. The event's own
    questions come before the consent, which is always last. ``full_modes`` are the modes whose seats
    are all taken: their choice says that it joins the waiting list.
    """

    mode = forms.ChoiceField(label=_("How will you attend?"), widget=forms.RadioSelect)
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        help_text=_("For example vegetarian, halal, or an allergy. Leave empty if none."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        help_text=_("For example step-free access, sign language or captions. Leave empty if none."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers use my name, email, city and answers to run this event."),
        error_messages={"required": _("Please agree, or we cannot register you.")},
    )

    def __init__(self, *args, event, full_modes=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Registration.Mode.choices)
        modes = event.offered_modes()
        self.implied_mode = modes[0] if len(modes) == 1 else None
        if self.implied_mode:
            del self.fields["mode"]
        else:
            full = _("%(mode)s (full: join the waiting list)")
            self.fields["mode"].choices = [
                (mode, full % {"mode": labels[mode]} if mode in full_modes else labels[mode]) for mode in modes
            ]
        if Registration.Mode.IN_PERSON not in modes:
            del self.fields["dietary_needs"]
        self.questions = list(event.questions.all())
        consent = self.fields.pop("consent")
        for question in self.questions:
            self.fields[f"q_{question.id}"] = question_field(question, max_length=ANSWER_MAX_LENGTH)
        self.fields["consent"] = consent

    def answers(self):
        """{question label: answer} as the organisers will read them in the export."""
        return question_answers(self.cleaned_data, self.questions)

    def service_arguments(self):
        return {
            "mode": self.implied_mode or self.cleaned_data["mode"],
            "answers": self.answers(),
            "dietary_needs": self.cleaned_data.get("dietary_needs", ""),
            "accessibility_needs": self.cleaned_data["accessibility_needs"],
            "consent": self.cleaned_data["consent"],
        }
