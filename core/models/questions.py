"""A question an editor adds to a form of the site (an event's registration, a call's application).

The answers are kept as {question: answer}, so they read the same in an export after the question is edited.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class FormQuestion(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Short answer")
        LONG_TEXT = "long_text", _("Long answer")
        YES_NO = "yes_no", _("Yes or no")
        CHOICE = "choice", _("One of several choices")

    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(_("kind of answer"), max_length=12, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("For “one of several choices”: one per line."))
    required = models.BooleanField(_("required"), default=False)

    panels = [FieldPanel("label"), FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]), FieldPanel("choices")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def clean(self):
        if self.kind == self.Kind.CHOICE and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
