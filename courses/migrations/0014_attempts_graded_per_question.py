"""Attempts made before question banks: their questions were the quiz's own. Each gets the questions it asked,
its points, and a graded row per question, so the gradebook and the item statistics count them too."""

from django.db import migrations


def grade_earlier_attempts(apps, schema_editor):
    QuizAttempt = apps.get_model("courses", "QuizAttempt")
    Question = apps.get_model("courses", "Question")
    Choice = apps.get_model("courses", "Choice")
    AttemptAnswer = apps.get_model("courses", "AttemptAnswer")
    questions_by_quiz = {}
    for question in Question.objects.filter(quiz__isnull=False).order_by("quiz_id", "sort_order", "id"):
        questions_by_quiz.setdefault(question.quiz_id, []).append(question.id)
    right = {}
    for question_id, choice_id in Choice.objects.filter(correct=True).values_list("question_id", "id"):
        right.setdefault(question_id, set()).add(choice_id)
    for attempt in QuizAttempt.objects.filter(question_ids=[]).iterator():
        asked = questions_by_quiz.get(attempt.quiz_id, [])
        answers = {int(key): set(value) for key, value in (attempt.answers or {}).items()}
        results = [
            AttemptAnswer(
                attempt_id=attempt.id,
                question_id=question_id,
                correct=answers.get(question_id, set()) == right.get(question_id, set()),
            )
            for question_id in asked
        ]
        for result in results:
            result.points = 1 if result.correct else 0
        AttemptAnswer.objects.bulk_create(results, ignore_conflicts=True)
        attempt.question_ids = asked
        attempt.points = sum(result.points for result in results)
        attempt.max_points = len(asked)
        attempt.save(update_fields=["question_ids", "points", "max_points"])


class Migration(migrations.Migration):
    dependencies = [("courses", "0013_assessment_paths_credentials")]

    operations = [migrations.RunPython(grade_earlier_attempts, migrations.RunPython.noop)]
