"""Quizzes: graded on the server, answers never in the page beforehand, attempts kept, tampering refused."""

import pytest
from django.urls import reverse

from courses import services
from courses.exceptions import NoAttemptsLeft, QuizCompletesLesson, TamperedAnswers, UnansweredQuestions
from courses.models import Certificate, Choice, Enrollment, Question, Quiz, QuizAttempt
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


def make_quiz(title="Open data check", pass_mark=50, max_attempts=None, **fields):
    quiz = Quiz.objects.create(title=title, pass_mark=pass_mark, max_attempts=max_attempts, **fields)
    licence = Question.objects.create(
        quiz=quiz, text="Which licence lets anyone re-use data?", explanation="CC BY asks only for credit."
    )
    Choice.objects.create(question=licence, text="CC BY 4.0", correct=True)
    Choice.objects.create(question=licence, text="All rights reserved")
    formats = Question.objects.create(
        quiz=quiz, text="Which formats are machine-readable?", kind="multiple", explanation="CSV and JSON are."
    )
    Choice.objects.create(question=formats, text="CSV", correct=True)
    Choice.objects.create(question=formats, text="JSON", correct=True)
    Choice.objects.create(question=formats, text="A scanned PDF")
    return quiz


def choice(quiz, text):
    return Choice.objects.get(question__quiz=quiz, text=text)


def answers(quiz, *texts):
    result = {}
    for text in texts:
        picked = choice(quiz, text)
        result.setdefault(picked.question_id, set()).add(picked.id)
    return result


@pytest.fixture
def course_with_final_quiz(site_tree):
    course, lessons = make_course(site_tree["courses"], title="Open data basics", effort_hours=3)
    final = lessons[-1]
    final.quiz = make_quiz()
    final.is_final_assessment = True
    final.optional = True  # a final assessment counts even when marked optional
    final.save_revision().publish()
    final.refresh_from_db()
    return course, lessons, final


@pytest.fixture
def learner(course_with_final_quiz):
    person = UserFactory(first_name="Jiho", last_name="Kim")
    services.enroll(user=person, course=course_with_final_quiz[0])
    return person


def quiz_url(course, lesson):
    return reverse("courses:submit_quiz", args=[course.id, lesson.id])


def test_the_right_answers_are_not_in_the_page_before_submitting(client, course_with_final_quiz, learner):
    final = course_with_final_quiz[2]
    client.force_login(learner)
    page = client.get(final.url).content.decode()
    assert "Which licence lets anyone re-use data?" in page and "A scanned PDF" in page
    quiz_part = page[page.index('id="quiz"') :]
    for secret in ("CC BY asks only for credit", "CSV and JSON are", "correct", "(a right answer)", "✔"):
        assert secret not in quiz_part
    assert 'type="checkbox"' in quiz_part and 'type="radio"' in quiz_part


def test_grading_on_the_server_keeps_the_attempt_and_shows_explanations(client, course_with_final_quiz, learner):
    course, _, final = course_with_final_quiz
    quiz = final.quiz
    client.force_login(learner)
    data = {
        f"question-{choice(quiz, 'CC BY 4.0').question_id}": [choice(quiz, "All rights reserved").id],
        f"question-{choice(quiz, 'CSV').question_id}": [choice(quiz, "CSV").id, choice(quiz, "JSON").id],
    }
    response = client.post(quiz_url(course, final), data)
    assert response.status_code == 302
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed, attempt.user) == (50, True, learner)  # pass mark 50%
    assert attempt.answers == {
        str(choice(quiz, "CC BY 4.0").question_id): [choice(quiz, "All rights reserved").id],
        str(choice(quiz, "CSV").question_id): sorted([choice(quiz, "CSV").id, choice(quiz, "JSON").id]),
    }
    page = client.get(final.url).content.decode()
    assert "You passed with 50%." in page
    assert "CC BY asks only for credit." in page and "CSV and JSON are." in page
    assert "Not right" in page


def test_partly_right_multiple_choice_is_wrong_and_a_fail_leaves_the_lesson_open(course_with_final_quiz, learner):
    course, _, final = course_with_final_quiz
    quiz = final.quiz
    attempt = services.submit_quiz(
        user=learner, course=course, lesson=final, answers=answers(quiz, "All rights reserved", "CSV")
    )
    assert (attempt.score, attempt.passed) == (0, False)
    enrollment = Enrollment.objects.get(user=learner)
    assert not enrollment.lesson_progress.filter(lesson=final).exists()


def test_the_course_completes_only_when_lessons_are_done_and_the_final_assessment_passed(
    course_with_final_quiz, learner
):
    course, lessons, final = course_with_final_quiz
    final.quiz.retry_wait_minutes = 0  # this test retries at once
    final.quiz.save()
    for lesson in lessons[:-1]:
        services.mark_lesson_complete(user=learner, course=course, lesson=lesson)
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.status == Enrollment.Status.ACTIVE
    with pytest.raises(QuizCompletesLesson):
        services.mark_lesson_complete(user=learner, course=course, lesson=final)
    failed = services.submit_quiz(
        user=learner, course=course, lesson=final, answers=answers(final.quiz, "All rights reserved", "CSV")
    )
    enrollment.refresh_from_db()
    assert not failed.passed and enrollment.status == Enrollment.Status.ACTIVE
    services.submit_quiz(
        user=learner, course=course, lesson=final, answers=answers(final.quiz, "CC BY 4.0", "CSV", "JSON")
    )
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1


def test_attempts_are_limited_when_the_author_says_so(course_with_final_quiz, learner):
    course, _, final = course_with_final_quiz
    final.quiz.max_attempts = 2
    final.quiz.retry_wait_minutes = 0
    final.quiz.save()
    wrong = answers(final.quiz, "All rights reserved", "A scanned PDF")
    for _ in range(2):
        services.submit_quiz(user=learner, course=course, lesson=final, answers=wrong)
    with pytest.raises(NoAttemptsLeft):
        services.submit_quiz(user=learner, course=course, lesson=final, answers=wrong)
    assert QuizAttempt.objects.count() == 2


@pytest.mark.parametrize(
    "tamper",
    [
        "unknown choice",
        "another question's choice",
        "another quiz's question",
        "two answers to a one-answer question",
        "not a number",
    ],
)
def test_tampered_answers_get_a_400_and_store_nothing(client, site_tree, course_with_final_quiz, learner, tamper):
    course, _, final = course_with_final_quiz
    quiz = final.quiz
    other = make_quiz(title="Another quiz")
    licence, formats = choice(quiz, "CC BY 4.0").question_id, choice(quiz, "CSV").question_id
    valid = {f"question-{licence}": [choice(quiz, "CC BY 4.0").id], f"question-{formats}": [choice(quiz, "CSV").id]}
    data = dict(valid)
    if tamper == "unknown choice":
        data[f"question-{licence}"] = [999999]
    elif tamper == "another question's choice":
        data[f"question-{licence}"] = [choice(quiz, "JSON").id]
    elif tamper == "another quiz's question":
        data[f"question-{choice(other, 'CSV').question_id}"] = [choice(other, "CSV").id]
    elif tamper == "two answers to a one-answer question":
        data[f"question-{licence}"] = [choice(quiz, "CC BY 4.0").id, choice(quiz, "All rights reserved").id]
    else:
        data["question-abc"] = ["1"]
    client.force_login(learner)
    response = client.post(quiz_url(course, final), data)
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_an_unanswered_question_is_a_plain_message_and_stores_nothing(client, course_with_final_quiz, learner):
    course, _, final = course_with_final_quiz
    client.force_login(learner)
    only_one = {f"question-{choice(final.quiz, 'CSV').question_id}": [choice(final.quiz, "CSV").id]}
    response = client.post(quiz_url(course, final), only_one, follow=True)
    assert "Answer every question, then submit." in response.content.decode()
    assert not QuizAttempt.objects.exists()
    with pytest.raises(UnansweredQuestions):
        services.validate_answers(services.quiz_questions(final.quiz), {})
    with pytest.raises(TamperedAnswers):
        services.validate_answers(services.quiz_questions(final.quiz), {123456: {1}})


def test_people_who_are_not_enrolled_cannot_submit(client, course_with_final_quiz):
    course, _, final = course_with_final_quiz
    client.force_login(UserFactory())
    data = {f"question-{choice(final.quiz, 'CSV').question_id}": [choice(final.quiz, "CSV").id]}
    assert client.post(quiz_url(course, final), data).status_code in (400, 403)
    assert client.get(quiz_url(course, final)).status_code == 405
    assert not QuizAttempt.objects.exists()


# A quiz as the snippet editor posts it: one one-answer question with two choices, neither marked right yet.
QUIZ_FORM = {
    "title": "Final assessment",
    "pass_mark": "70",
    "max_attempts": "",
    "review_policy": "after_passing",
    "retry_wait_minutes": "10",
    "questions-TOTAL_FORMS": "1",
    "questions-INITIAL_FORMS": "0",
    "questions-MIN_NUM_FORMS": "1",
    "questions-MAX_NUM_FORMS": "1000",
    "questions-0-text": "Pick one",
    "questions-0-kind": "single",
    "questions-0-points": "1",
    "questions-0-explanation": "",
    "questions-0-ORDER": "1",
    "questions-0-choices-TOTAL_FORMS": "2",
    "questions-0-choices-INITIAL_FORMS": "0",
    "questions-0-choices-MIN_NUM_FORMS": "2",
    "questions-0-choices-MAX_NUM_FORMS": "1000",
    "questions-0-choices-0-text": "A",
    "questions-0-choices-0-ORDER": "1",
    "questions-0-choices-1-text": "B",
    "questions-0-choices-1-ORDER": "2",
    "draws-TOTAL_FORMS": "0",
    "draws-INITIAL_FORMS": "0",
    "draws-MIN_NUM_FORMS": "0",
    "draws-MAX_NUM_FORMS": "1000",
}


def test_an_author_must_mark_right_answers(admin_client):
    data = {**QUIZ_FORM, "title": "Broken quiz"}
    response = admin_client.post(reverse("wagtailsnippets_courses_quiz:add"), data)
    assert "Mark at least one choice as correct." in response.content.decode()
    data.update({"questions-0-choices-0-correct": "on", "questions-0-choices-1-correct": "on"})
    response = admin_client.post(reverse("wagtailsnippets_courses_quiz:add"), data)
    assert "A one-answer question has exactly one correct choice." in response.content.decode()
    assert not Quiz.objects.exists()
    data.pop("questions-0-choices-1-correct")
    assert admin_client.post(reverse("wagtailsnippets_courses_quiz:add"), data).status_code == 302
    assert Quiz.objects.get().questions.get().choices.filter(correct=True).count() == 1
