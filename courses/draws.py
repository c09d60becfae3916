"""Which questions one attempt asks: the original quiz's own questions, then the questions drawn at random from its
banks. The draw is fixed for (learner, quiz, attempt number), so a reload shows the same questions and the next
attempt in general others. The page carries the drawn ids signed (``sign_draw``); the submission is graded on
exactly those (``read_draw``), and the attempt keeps them (QuizAttempt.question_ids).

Everything here is kept in the original language's ids: a reader sees each question's translation in their page's
language (``questions_as_shown``), matched by translation key."""

import hashlib
import random
from collections import defaultdict

from django.core import signing
from django.db.models import F, OuterRef, Q, Subquery

from .exceptions import DrawNotRecognised, StaleQuizForm
from .models import Question, QuestionBank, QuizDraw

SALT = "courses.quiz-draw"


def draw_seed(*, user_id, quiz_id, attempt_number, draw_id):
    digest = hashlib.sha256(f"{user_id}:{quiz_id}:{attempt_number}:{draw_id}".encode()).digest()
    return int.from_bytes(digest[:16], "big")


def drawn_question_ids(quiz, *, user_id, attempt_number):
    """[original question ids] one attempt asks, in order: three queries whatever the size of the banks.

    ``quiz`` is the original quiz (core.i18n.original): its own questions and its draw lines count. A draw line's
    bank is read as the bank's original (the first of its translations), and its topic by translation key, so an
    editor may have picked either in any language. A question is never drawn twice in one attempt."""
    own = list(Question.objects.filter(quiz=quiz).order_by("sort_order", "id").values_list("id", flat=True))
    draws = list(
        QuizDraw.objects.filter(quiz=quiz)
        .order_by("sort_order", "id")
        .values_list("id", "count", "bank__translation_key", "topic__translation_key")
    )
    if not draws:
        return own
    # Each bank's original: the lowest id of its translation key (core.i18n.original's rule), in the same query.
    first_bank = QuestionBank.objects.filter(translation_key=OuterRef("bank__translation_key")).order_by("pk")
    pool = defaultdict(list)  # {bank key: [(question id, topic key)]} in the bank's order
    rows = (
        Question.objects.filter(bank__translation_key__in={draw[2] for draw in draws})
        .annotate(original_bank=Subquery(first_bank.values("pk")[:1]))
        .filter(bank_id=F("original_bank"))
        .order_by("sort_order", "id")
        .values_list("id", "bank__translation_key", "topic__translation_key")
    )
    for question_id, bank_key, topic_key in rows:
        pool[bank_key].append((question_id, topic_key))
    asked = list(own)
    taken = set(own)
    for draw_id, count, bank_key, topic_key in draws:
        candidates = [
            question_id
            for question_id, question_topic in pool[bank_key]
            if question_id not in taken and (topic_key is None or question_topic == topic_key)
        ]
        seed = draw_seed(user_id=user_id, quiz_id=quiz.pk, attempt_number=attempt_number, draw_id=draw_id)
        # Not a secret: a fair, repeatable shuffle (the signed form, not the seed, keeps the draw honest).
        picked = random.Random(seed).sample(candidates, min(count, len(candidates)))  # noqa: S311
        asked.extend(picked)
        taken.update(picked)
    return asked


def has_draws(quiz):
    return QuizDraw.objects.filter(quiz=quiz).exists()


def _salt(*, user_id, quiz_id, attempt_number):
    return f"{SALT}:{user_id}:{quiz_id}:{attempt_number}"


def sign_draw(question_ids, *, user_id, quiz_id, attempt_number):
    """The value of the quiz form's hidden ``drawn`` field: the ids, signed for this learner, quiz and attempt. No
    timestamp, so a reload gives the same value (the page may be compared, or kept in the browser's cache)."""
    salt = _salt(user_id=user_id, quiz_id=quiz_id, attempt_number=attempt_number)
    return signing.Signer(salt=salt).sign_object(list(question_ids), compress=True)


def read_draw(token, *, expected, user_id, quiz_id, attempt_number):
    """The question ids the form showed, when ``token`` is this attempt's and still the quiz's current draw
    (``expected``). A value signed for the previous attempt (submitted meanwhile, in another tab) or a draw the quiz
    no longer makes (an editor changed it) is stale; anything else is not ours."""
    try:
        ids = _loads(token, user_id=user_id, quiz_id=quiz_id, attempt_number=attempt_number)
    except signing.BadSignature:
        earlier = {"user_id": user_id, "quiz_id": quiz_id, "attempt_number": attempt_number - 1}
        if attempt_number > 1 and _signed_for(token, **earlier):
            raise StaleQuizForm from None
        raise DrawNotRecognised from None
    if not isinstance(ids, list) or not all(isinstance(value, int) for value in ids):
        raise DrawNotRecognised
    if ids != list(expected):
        raise StaleQuizForm
    return ids


def _loads(token, **salt):
    return signing.Signer(salt=_salt(**salt)).unsign_object(token)


def _signed_for(token, **salt):
    try:
        _loads(token, **salt)
    except signing.BadSignature:
        return False
    return True


def questions_as_shown(question_ids, locale_id):
    """[(original question, question shown)] for ``question_ids`` (originals), in their order: each question's
    translation in ``locale_id`` where there is one, else the original. Two queries (questions, their choices)."""
    if not question_ids:
        return []
    keys = Question.objects.filter(id__in=question_ids).values("translation_key")
    questions = list(
        Question.objects.filter(Q(id__in=question_ids) | Q(translation_key__in=keys, locale_id=locale_id))
        .prefetch_related("choices")
        .order_by("id")
    )
    by_id = {question.id: question for question in questions}
    translated = {q.translation_key: q for q in questions if q.locale_id == locale_id}
    pairs = []
    for question_id in question_ids:
        original = by_id.get(question_id)
        if original is not None:  # a question deleted since: nothing to show
            pairs.append((original, translated.get(original.translation_key, original)))
    return pairs
