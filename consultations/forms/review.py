"""A reviewer's forms: the scores (one 1–5 choice and a comment per criterion, an overall comment) and a declared
conflict of interest."""

from django import forms
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 2000
OVERALL_MAX_LENGTH = 5000
CONFLICT_MAX_LENGTH = 1000

SCORE_CHOICES = [
    (1, _("1 – weak")),
    (2, _("2 – fair")),
    (3, _("3 – good")),
    (4, _("4 – very good")),
    (5, _("5 – excellent")),
]


class ScoreForm(forms.Form):
    """Fields ``score_<criterion id>`` and ``comment_<criterion id>`` for each of the call's criteria, in order."""

    comment = forms.CharField(
        label=_("Overall comment"),
        required=False,
        max_length=OVERALL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the secretariat should know when it decides: strengths, doubts, conditions."),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        overall = self.fields.pop("comment")
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score from 1 to 5.")},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s (optional)") % {"criterion": criterion.name},
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["comment"] = overall

    def criterion_fields(self):
        """[(criterion, score field, comment field)] for the template, in the call's order."""
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]) for criterion in self.criteria
        ]

    def scores(self):
        """{criterion id: (score, comment)}, as services.submit_review takes them."""
        return {
            criterion.pk: (self.cleaned_data[f"score_{criterion.pk}"], self.cleaned_data[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        }


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("What is the conflict of interest?"),
        max_length=CONFLICT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: you work with the city's team, advised on this project, or compete with it. "
            "Only the secretariat reads this."
        ),
        error_messages={"required": _("Say what the conflict is, so the secretariat can assign someone else.")},
    )
