"""Attempt history: a learner sees each of their attempts at a quiz (when, score, points, passed) and reviews each one
as it was asked; the right answers only when the quiz's review policy allows, and nobody else's attempts."""

import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from courses import services
from courses.models import Choice, Question, Quiz, QuizAttempt
from tests.courses.test_question_banks import make_bank, make_drawing_quiz, right_answers, shown_form
from tests.courses.test_quizzes import quiz_url
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_and_lesson(site_tree):
    def build(**quiz_fields):
        course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=2)
        lesson = lessons[-1]
        lesson.quiz = make_drawing_quiz(make_bank(12), count=3, **quiz_fields)
        lesson.save_revision().publish()
        lesson.refresh_from_db()
        return course, lesson

    return build


def history_url(course, lesson, attempt=None):
    if attempt is None:
        return reverse("courses:attempts", args=[course.id, lesson.id])
    return reverse("courses:attempt", args=[course.id, lesson.id, attempt.id])


def take(client, course, lesson, wrong_own=False):
    """One attempt through the page's form: every drawn question right, the quiz's own one wrong if asked."""
    ids, drawn, _html = shown_form(client, lesson)
    response = client.post(
        quiz_url(course, lesson), {**right_answers(ids, wrong={ids[0]} if wrong_own else ()), "drawn": drawn}
    )
    assert response.status_code == 302
    return QuizAttempt.objects.latest("id")


def learner_of(client, course, **fields):
    person = UserFactory(**fields)
    services.enroll(user=person, course=course)
    client.force_login(person)
    return person


def test_the_history_lists_each_attempt_with_its_time_in_the_viewers_zone(client, course_and_lesson):
    course, lesson = course_and_lesson(pass_mark=100)
    learner_of(client, course, time_zone="Asia/Seoul")
    first = take(client, course, lesson, wrong_own=True)
    second = take(client, course, lesson)

    lesson_page = client.get(lesson.url).content.decode()
    assert history_url(course, lesson) in lesson_page
    html = client.get(history_url(course, lesson)).content.decode()
    in_seoul = formats.date_format(
        timezone.localtime(first.submitted_at, zoneinfo.ZoneInfo("Asia/Seoul")), "DATETIME_FORMAT"
    )
    assert in_seoul in html and "Asia/Seoul" in html
    assert "Attempt 1" in html and "Attempt 2" in html
    assert "75%" in html and "3 of 4" in html and "100%" in html and "4 of 4" in html
    assert html.index("Attempt 2") < html.index("Attempt 1")  # newest first
    assert history_url(course, lesson, first) in html and history_url(course, lesson, second) in html


def test_a_review_shows_the_learners_answers_and_the_right_ones_only_once_the_policy_allows(client, course_and_lesson):
    course, lesson = course_and_lesson(pass_mark=100, review_policy=Quiz.ReviewPolicy.AFTER_PASSING)
    learner_of(client, course)
    failed = take(client, course, lesson, wrong_own=True)

    review = client.get(history_url(course, lesson, failed)).content.decode()
    assert "Own question" in review and "(your answer)" in review
    assert "Own explanation." not in review and "✔" not in review and "(a right answer)" not in review
    assert "Not right" not in review
    assert "The right answers and their explanations are shown once you pass." in review

    take(client, course, lesson)
    review = client.get(history_url(course, lesson, failed)).content.decode()
    assert "Own explanation." in review and "(a right answer)" in review and "Not right" in review
    assert "0 of 1 point" in review  # what the quiz's own question earned in that attempt


def test_a_review_shows_the_questions_the_attempt_asked_not_the_quizs_current_ones(client, course_and_lesson):
    course, lesson = course_and_lesson(review_policy=Quiz.ReviewPolicy.AFTER_PASSING)
    learner_of(client, course)
    attempt = take(client, course, lesson)
    asked = Question.objects.filter(id__in=attempt.question_ids)
    added = Question.objects.create(quiz=lesson.quiz, text="Added after the attempt", sort_order=9)
    Choice.objects.create(question=added, text="Yes", correct=True)

    review = client.get(history_url(course, lesson, attempt)).content.decode()
    assert "Added after the attempt" not in review
    for question in asked:
        assert question.text in review


def test_another_persons_attempt_is_not_found(client, course_and_lesson, site_tree):
    course, lesson = course_and_lesson()
    learner_of(client, course)
    attempt = take(client, course, lesson)
    other_course, other_lessons = make_course(
        site_tree["courses"], title="Other course", modules=1, lessons_per_module=1
    )

    learner_of(client, course)  # someone else, signed in now
    assert client.get(history_url(course, lesson, attempt)).status_code == 404
    assert "You have not taken this quiz yet." in client.get(history_url(course, lesson)).content.decode()
    assert client.get(history_url(other_course, lesson)).status_code == 404  # not that course's lesson
    assert client.get(history_url(other_course, other_lessons[0])).status_code == 404  # a lesson without a quiz
    client.logout()
    response = client.get(history_url(course, lesson, attempt))
    assert response.status_code == 302 and "login" in response.url


def test_the_history_and_a_review_take_the_same_queries_whatever_the_number_of_attempts(client, course_and_lesson):
    course, lesson = course_and_lesson(pass_mark=100)
    learner_of(client, course)
    counts = []
    for attempts in (1, 4):
        while QuizAttempt.objects.count() < attempts:
            latest = take(client, course, lesson, wrong_own=True)
        client.get(history_url(course, lesson))
        with CaptureQueriesContext(connection) as listing:
            client.get(history_url(course, lesson))
        with CaptureQueriesContext(connection) as review:
            assert client.get(history_url(course, lesson, latest)).status_code == 200
        counts.append((len(listing), len(review)))
    assert counts[0] == counts[1]
