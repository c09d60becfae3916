"""Quizzes: a snippet of questions and choices, attached to a lesson; attempts are graded on the server."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class Quiz(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Leave empty for unlimited attempts.")
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title


class Question(Orderable, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One answer")
        MULTIPLE = "multiple", _("Several answers")

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"), max_length=1000)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.SINGLE)
    explanation = models.TextField(
        _("explanation"), blank=True, max_length=2000, help_text=_("Shown after the learner submits.")
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("kind"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
        FieldPanel("explanation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")

    def __str__(self):
        return self.text[:80]


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=500)
    correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("correct")])]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")

    def __str__(self):
        return self.text


class QuizAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    answers = models.JSONField(_("answers"), default=dict)  # {question id: [choice ids]}, as submitted
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        indexes = [models.Index(fields=["user", "lesson", "-submitted_at"], name="courses_attempt_latest")]

    def __str__(self):
        return f"{self.user} – {self.quiz} – {self.score}%"
