"""The secretariat's forms, one per step of an application: screen, ask for information, assign a reviewer, decide,
start the project."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cases.review import CONSULTANTS
from members.models import Membership

from .. import access
from ..models import Application, Milestone

MESSAGE_MAX_LENGTH = 5000


def reviewers_group():
    """Active members of the "Consultation reviewers" group (partner experts included)."""
    return (
        get_user_model()
        .objects.filter(groups__name=access.REVIEWERS_GROUP, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def offered_reviewers(application):
    """The reviewers the secretariat may still assign: not staff of the application's city, not assigned yet."""
    return list(
        reviewers_group()
        .exclude(membership__organisation_id=application.organisation_id, membership__status=Membership.Status.APPROVED)
        .exclude(pk__in=application.assignments.filter(reviewer__isnull=False).values("reviewer_id"))
    )


def consultants_group():
    return (
        get_user_model()
        .objects.filter(groups__name=CONSULTANTS, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def person_label(user):
    return f"{user.display_name} ({user.email})"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class ScreenForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Is the application eligible?"),
        choices=[("eligible", _("Eligible: send it to review")), ("ineligible", _("Not eligible"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the application is not eligible: the city reads it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "ineligible" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the application is not eligible, in a sentence the city will read."))
        return cleaned

    def service_arguments(self):
        return {"eligible": self.cleaned_data["decision"] == "eligible", "reason": self.cleaned_data["reason"]}


class InformationRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What should the city add or explain?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The city can edit its application again until it submits it with this information."),
    )


class AssignForm(forms.Form):
    """The select offers only the reviewers who may review this application; the service checks the choice again
    (a reviewer posted by hand from the city is refused there, with a clear message)."""

    reviewer = PersonChoiceField(
        label=_("Reviewer"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Choose a reviewer"),
        help_text=_("Members of the consultation reviewers group who are not staff of this city."),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reviewer"]
        field.queryset = reviewers_group()
        self.offered = offered_reviewers(application)
        field.widget.choices = [("", field.empty_label), *((user.pk, person_label(user)) for user in self.offered)]


class DetermineForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[(status.value, status.label) for status in Application.DETERMINATIONS],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the city"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the city by email. Say what happens next."),
    )


class StartProjectForm(forms.Form):
    consultants = PeopleChoiceField(
        label=_("Consultants"),
        queryset=get_user_model().objects.none(),
        help_text=_("Members of the Consultants group. Hold Ctrl (or Cmd) to choose more than one."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = consultants_group()
        for kind in Milestone.ORDER:
            self.fields[f"due_{kind.value}"] = forms.DateField(
                label=_("%(milestone)s: due date") % {"milestone": kind.label},
                widget=forms.DateInput(attrs={"type": "date"}),
            )

    def due_dates(self):
        return {kind: self.cleaned_data[f"due_{kind.value}"] for kind in Milestone.ORDER}

    def clean(self):
        cleaned = super().clean()
        previous = None
        for kind in Milestone.ORDER:
            due = cleaned.get(f"due_{kind.value}")
            if due and previous and due < previous:
                self.add_error(f"due_{kind.value}", _("A milestone cannot be due before the one it follows."))
            previous = due or previous
        return cleaned
