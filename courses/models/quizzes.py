"""Quizzes: a snippet of questions and choices, attached to a lesson; attempts are graded on the server."""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin

from courses.exceptions import NoAttemptsLeft, QuizAlreadyPassed, RetryTooSoon

MAX_RETRY_WAIT_MINUTES = 7 * 24 * 60  # a week
MAX_DRAWN_QUESTIONS = 200


class Quiz(TranslatableMixin, ClusterableModel):
    class ReviewPolicy(models.TextChoices):
        NEVER = "never", _("Never")
        AFTER_PASSING = "after_passing", _("After the learner passes")
        AFTER_LAST_ATTEMPT = "after_last_attempt", _("After the learner's last attempt (passed, or none left)")

    title = models.CharField(_("title"), max_length=200)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Leave empty for unlimited attempts.")
    )
    review_policy = models.CharField(
        _("show the right answers"),
        max_length=24,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.AFTER_PASSING,
        help_text=_(
            "When a learner sees which answers were right and the explanations. Until then they see only their "
            "score. A learner's attempts are over when they pass or have used every attempt allowed; with "
            "unlimited attempts that is when they pass."
        ),
    )
    retry_wait_minutes = models.PositiveSmallIntegerField(
        _("wait between attempts (minutes)"),
        default=10,
        validators=[MaxValueValidator(MAX_RETRY_WAIT_MINUTES)],
        help_text=_("How long a learner waits after an attempt before trying again. 0: no wait. At most a week."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
        FieldRowPanel([FieldPanel("review_policy"), FieldPanel("retry_wait_minutes")], heading=_("Attempts")),
        InlinePanel("questions", heading=_("Questions asked every time"), label=_("Question")),
        InlinePanel(
            "draws",
            heading=_("Questions drawn from banks"),
            label=_("Draw"),
            help_text=_("Each attempt draws this many questions at random from the bank, after the questions above."),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title

    def attempts_over(self, *, passed, used):
        """A learner's attempts are over once they passed (a passed quiz takes no more attempts) or used the last
        one allowed; with unlimited attempts only passing ends them."""
        return passed or (self.max_attempts is not None and used >= self.max_attempts)

    def shows_review(self, *, passed, used):
        """Whether a learner who ``passed`` (or not) after ``used`` attempts may see the right answers."""
        if self.review_policy == self.ReviewPolicy.AFTER_PASSING:
            return passed
        if self.review_policy == self.ReviewPolicy.AFTER_LAST_ATTEMPT:
            return self.attempts_over(passed=passed, used=used)
        return False

    def retry_at(self, last_submitted_at):
        """When a learner whose latest attempt was at ``last_submitted_at`` may submit again."""
        return last_submitted_at + dt.timedelta(minutes=self.retry_wait_minutes)

    def attempt_refusal(self, *, attempts, now):
        """Why a learner with these earlier ``attempts`` may not submit at ``now`` (an error to raise or show), or
        None. The service refuses with it; the page shows it instead of the form."""
        if any(attempt.passed for attempt in attempts):
            return QuizAlreadyPassed()
        if self.max_attempts is not None and len(attempts) >= self.max_attempts:
            return NoAttemptsLeft()
        if attempts:
            retry_at = self.retry_at(max(attempt.submitted_at for attempt in attempts))
            if retry_at > now:
                return RetryTooSoon(retry_at)
        return None


def shuffled(choices, *, user_id, question_id, attempt_number):
    """The choices in the order one attempt shows them: fixed for (learner, question, attempt), so a reload shows
    the same order, and in general different for the next attempt. The ids stay: grading does not see the order."""

    def key(choice):
        return hashlib.sha256(f"{user_id}:{question_id}:{attempt_number}:{choice.id}".encode()).digest()

    return sorted(choices, key=key)


class QuestionBank(TranslatableMixin, ClusterableModel):
    """Questions a quiz draws from at random: a course's own bank, or a shared one (no course)."""

    title = models.CharField(_("title"), max_length=200)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for a bank that every course's quizzes may draw from."),
    )
    description = models.TextField(_("description"), blank=True, max_length=1000)

    panels = [
        FieldPanel("title"),
        FieldPanel("course"),
        FieldPanel("description"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self):
        return self.title


class QuizDraw(Orderable):
    """One line of a quiz's draw: ``count`` questions at random from ``bank`` (of one topic, if given). The draw is
    made per attempt and kept with it (QuizAttempt.question_ids); the original quiz's draws are the ones that count."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="draws")
    bank = models.ForeignKey(QuestionBank, verbose_name=_("bank"), on_delete=models.PROTECT, related_name="draws")
    count = models.PositiveSmallIntegerField(
        _("questions drawn"), default=5, validators=[MinValueValidator(1), MaxValueValidator(MAX_DRAWN_QUESTIONS)]
    )
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Draw only the bank's questions tagged with this topic. Leave empty for any."),
    )

    panels = [FieldRowPanel([FieldPanel("bank"), FieldPanel("count"), FieldPanel("topic")])]

    class Meta(Orderable.Meta):
        verbose_name = _("draw")
        verbose_name_plural = _("draws")


class Question(TranslatableMixin, Orderable, ClusterableModel):
    """A question of one quiz (asked at every attempt) or of one bank (drawn at random): exactly one of the two."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("One answer")
        MULTIPLE = "multiple", _("Several answers")
        TRUE_FALSE = "true_false", _("True or false")

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions", null=True, blank=True)
    bank = ParentalKey(QuestionBank, on_delete=models.CASCADE, related_name="questions", null=True, blank=True)
    text = models.TextField(_("question"), max_length=1000)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    topic = models.ForeignKey(
        "core.Topic", verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    explanation = models.TextField(
        _("explanation"), blank=True, max_length=2000, help_text=_("Shown after the learner submits.")
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("points"), FieldPanel("topic")]),
        InlinePanel(
            "choices",
            heading=_("Choices"),
            label=_("Choice"),
            min_num=2,
            help_text=_("A true-or-false question has exactly two choices, such as “True” and “False”."),
        ),
        FieldPanel("explanation"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quiz__isnull=True, bank__isnull=False)
                | models.Q(quiz__isnull=False, bank__isnull=True),
                name="question_in_a_quiz_or_a_bank",
            ),
        ]

    def get_default_locale(self):
        """A bank's question takes the bank's locale (Wagtail's default reads only the first parental key, the
        quiz, which a bank's question has none of)."""
        if self.bank_id and not self.quiz_id:
            return QuestionBank.objects.select_related("locale").get(id=self.bank_id).locale
        return super().get_default_locale()

    @property
    def has_one_answer(self):
        return self.kind != self.Kind.MULTIPLE

    def __str__(self):
        return self.text[:80]


class Choice(TranslatableMixin, Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=500)
    correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("correct")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("choice")

    def __str__(self):
        return self.text


class QuizAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    answers = models.JSONField(_("answers"), default=dict)  # {question id: [choice ids]}, as submitted
    # The questions this attempt asked, in order, as the original questions' ids: the quiz's own and those drawn
    # from its banks. Grading and review use exactly these, whatever the banks hold later.
    question_ids = models.JSONField(_("questions asked"), default=list)
    score = models.PositiveSmallIntegerField(_("score (%)"))  # points / max_points, in percent
    points = models.PositiveIntegerField(_("points scored"), default=0)
    max_points = models.PositiveIntegerField(_("points possible"), default=0)
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        indexes = [models.Index(fields=["user", "lesson", "-submitted_at"], name="courses_attempt_latest")]

    def __str__(self):
        return f"{self.user} – {self.quiz} – {self.score}%"


class AttemptAnswer(models.Model):
    """One question of one attempt, graded: what the gradebook and the item statistics count in SQL."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="results")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="results")
    correct = models.BooleanField(_("correct"))
    points = models.PositiveSmallIntegerField(_("points scored"), default=0)

    class Meta:
        verbose_name = _("graded answer")
        verbose_name_plural = _("graded answers")
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="one_result_per_question")]
        indexes = [models.Index(fields=["question", "correct"], name="courses_result_item")]

    def __str__(self):
        return f"{self.attempt_id} – {self.question_id}: {self.points}"
