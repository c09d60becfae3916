"""Assessment a certificate can stand on: the right answers reach the page only when the quiz's review policy
allows, the wait between attempts is enforced on the server, and choices are shuffled per attempt."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from courses import services
from courses.exceptions import QuizAlreadyPassed, RetryTooSoon
from courses.models import Choice, Question, Quiz, QuizAttempt
from tests.courses.test_quizzes import QUIZ_FORM as EDITOR_FORM
from tests.courses.test_quizzes import answers, choice, make_quiz, quiz_url
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db

NEVER, AFTER_PASSING, AFTER_LAST_ATTEMPT = (
    Quiz.ReviewPolicy.NEVER,
    Quiz.ReviewPolicy.AFTER_PASSING,
    Quiz.ReviewPolicy.AFTER_LAST_ATTEMPT,
)
# What gives the right answers away: the explanations, the right-answer marks, the per-question verdicts.
SECRETS = ("CC BY asks only for credit", "CSV and JSON are", "(a right answer)", "✔", "quiz-review", "Not right")
WRONG = ("All rights reserved", "A scanned PDF")  # 0%
RIGHT = ("CC BY 4.0", "CSV", "JSON")  # 100%


@pytest.fixture
def quiz_lesson(site_tree):
    def build(**quiz_fields):
        course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=2)
        lesson = lessons[-1]
        lesson.quiz = make_quiz(**quiz_fields)
        lesson.save_revision().publish()
        lesson.refresh_from_db()
        return course, lesson

    return build


@pytest.fixture
def enrolled(client):
    def enrol(course, **user_fields):
        person = UserFactory(**user_fields)
        services.enroll(user=person, course=course)
        client.force_login(person)
        return person

    return enrol


def form_data(quiz, *texts):
    return {f"question-{question}": sorted(ids) for question, ids in answers(quiz, *texts).items()}


def assert_no_answers(response):
    html = response.content.decode()
    for secret in SECRETS:
        assert secret not in html, secret


def assert_answers_shown(response):
    html = response.content.decode()
    for secret in SECRETS[:3]:
        assert secret in html, secret


def has_form(response, course, lesson):
    html = response.content.decode()
    return quiz_url(course, lesson) in html and 'name="question-' in html


@pytest.mark.parametrize("policy", [NEVER, AFTER_PASSING, AFTER_LAST_ATTEMPT])
def test_failed_attempts_never_show_the_right_answers_before_the_policy_allows(client, quiz_lesson, enrolled, policy):
    course, lesson = quiz_lesson(review_policy=policy, max_attempts=2, retry_wait_minutes=0)
    enrolled(course)
    assert_no_answers(client.get(lesson.url))

    response = client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG))
    assert response.status_code == 302
    assert_no_answers(response)
    page = client.get(response.url)
    assert "You scored 0%: not yet a pass." in page.content.decode()
    assert "You scored 0%; 50% passes." in page.content.decode()  # the message no longer points to explanations
    assert_no_answers(page)
    assert has_form(page, course, lesson)

    last = client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG), follow=True)
    assert QuizAttempt.objects.count() == 2
    assert not has_form(last, course, lesson)
    if policy == AFTER_LAST_ATTEMPT:
        assert_answers_shown(last)  # no attempts left: the review is the learner's now
    else:
        assert_no_answers(last)
        refused = client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG))
        assert refused.status_code == 403
        assert_no_answers(refused)
        assert_no_answers(client.get(lesson.url))
        note = (
            "This quiz does not show the right answers."
            if policy == NEVER
            else "The right answers and their explanations are shown once you pass."
        )
        assert note in last.content.decode()


@pytest.mark.parametrize(
    "policy, shown_after_passing", [(NEVER, False), (AFTER_PASSING, True), (AFTER_LAST_ATTEMPT, True)]
)
def test_after_passing_the_review_follows_the_policy(client, quiz_lesson, enrolled, policy, shown_after_passing):
    # Unlimited attempts: passing is what ends a learner's attempts, so "after the last attempt" shows them then.
    course, lesson = quiz_lesson(review_policy=policy, retry_wait_minutes=0)
    enrolled(course)
    failed = client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG), follow=True)
    assert_no_answers(failed)
    assert has_form(failed, course, lesson)
    passed = client.post(quiz_url(course, lesson), form_data(lesson.quiz, *RIGHT), follow=True)
    assert "You passed with 100%." in passed.content.decode()
    assert not has_form(passed, course, lesson)  # answers and a usable form never appear together
    if shown_after_passing:
        assert_answers_shown(passed)
    else:
        assert_no_answers(passed)


def test_a_passed_quiz_takes_no_more_attempts(client, quiz_lesson, enrolled):
    course, lesson = quiz_lesson(retry_wait_minutes=0)
    person = enrolled(course)
    services.submit_quiz(user=person, course=course, lesson=lesson, answers=answers(lesson.quiz, *RIGHT))
    response = client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG))
    assert response.status_code == 409
    assert "You have already passed this quiz" in response.content.decode()
    with pytest.raises(QuizAlreadyPassed):
        services.submit_quiz(user=person, course=course, lesson=lesson, answers=answers(lesson.quiz, *RIGHT))
    assert QuizAttempt.objects.count() == 1


def test_a_retry_inside_the_wait_is_refused_on_the_server_and_stores_nothing(client, quiz_lesson, enrolled):
    course, lesson = quiz_lesson()  # the default: 10 minutes between attempts
    assert lesson.quiz.retry_wait_minutes == 10
    person = enrolled(course, time_zone="Asia/Seoul")
    client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG))
    attempt = QuizAttempt.objects.get()
    retry_at = attempt.submitted_at + dt.timedelta(minutes=10)
    in_seoul = formats.date_format(timezone.localtime(retry_at, zoneinfo.ZoneInfo("Asia/Seoul")), "DATETIME_FORMAT")
    expected = f"You can try this quiz again from {in_seoul} (Asia/Seoul)."

    refused = client.post(quiz_url(course, lesson), form_data(lesson.quiz, *RIGHT))
    assert refused.status_code == 429
    assert expected in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 600
    assert QuizAttempt.objects.count() == 1  # nothing written, not even the right answers
    with pytest.raises(RetryTooSoon):
        services.submit_quiz(user=person, course=course, lesson=lesson, answers=answers(lesson.quiz, *RIGHT))
    assert QuizAttempt.objects.count() == 1

    page = client.get(lesson.url)
    assert expected in page.content.decode()
    assert not has_form(page, course, lesson)  # no usable form while waiting
    assert_no_answers(page)

    QuizAttempt.objects.filter(pk=attempt.pk).update(submitted_at=attempt.submitted_at - dt.timedelta(minutes=11))
    assert has_form(client.get(lesson.url), course, lesson)
    assert client.post(quiz_url(course, lesson), form_data(lesson.quiz, *RIGHT)).status_code == 302
    assert QuizAttempt.objects.filter(passed=True).count() == 1


def test_the_wait_is_told_in_utc_by_name_when_the_profile_has_no_zone(client, quiz_lesson, enrolled):
    course, lesson = quiz_lesson(retry_wait_minutes=60)
    enrolled(course, time_zone="")
    client.cookies["tz"] = "America%2FLos_Angeles"  # what the old time-zone hint script left: never read
    client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG))
    retry_at = QuizAttempt.objects.get().submitted_at + dt.timedelta(minutes=60)
    local = timezone.localtime(retry_at, dt.UTC)
    expected = f"from {formats.date_format(local, 'DATETIME_FORMAT')} (UTC)"
    assert expected in client.get(lesson.url).content.decode()
    assert expected in client.post(quiz_url(course, lesson), form_data(lesson.quiz, *RIGHT)).content.decode()


def test_no_wait_allows_an_immediate_retry(client, quiz_lesson, enrolled):
    course, lesson = quiz_lesson(retry_wait_minutes=0)
    enrolled(course)
    assert client.post(quiz_url(course, lesson), form_data(lesson.quiz, *WRONG)).status_code == 302
    assert has_form(client.get(lesson.url), course, lesson)
    assert client.post(quiz_url(course, lesson), form_data(lesson.quiz, *RIGHT)).status_code == 302
    assert list(QuizAttempt.objects.order_by("id").values_list("passed", flat=True)) == [False, True]


def choice_order(response, question_id):
    html = response.content.decode()
    return tuple(int(value) for value in re.findall(rf'name="question-{question_id}" value="(\d+)"', html))


def test_choices_are_shuffled_per_attempt_and_grading_ignores_the_order(client, quiz_lesson, enrolled):
    course, lesson = quiz_lesson(retry_wait_minutes=0)
    cities = Question.objects.create(quiz=lesson.quiz, text="Which city hosts the secretariat?")
    names = ["Seoul", "Hamburg", "Bogotá", "Nairobi", "Lyon", "Jakarta"]
    ids = [Choice.objects.create(question=cities, text=name, correct=name == "Seoul").id for name in names]
    enrolled(course)

    orders = []
    for _ in range(4):
        order = choice_order(client.get(lesson.url), cities.id)
        assert order == choice_order(client.get(lesson.url), cities.id)  # a reload shows the same order
        assert sorted(order) == sorted(ids)
        orders.append(order)
        wrong = {**form_data(lesson.quiz, *WRONG), f"question-{cities.id}": [choice(lesson.quiz, "Lyon").id]}
        assert client.post(quiz_url(course, lesson), wrong).status_code == 302
    assert len(set(orders)) > 1  # another attempt, another order

    right = {**form_data(lesson.quiz, *RIGHT), f"question-{cities.id}": [choice(lesson.quiz, "Seoul").id]}
    client.post(quiz_url(course, lesson), right)
    attempt = QuizAttempt.objects.latest("id")
    assert (attempt.score, attempt.passed) == (100, True)
    scores = list(QuizAttempt.objects.order_by("id").values_list("score", flat=True))
    assert scores == [0, 0, 0, 0, 100]  # the order of the choices never changes a grade


QUIZ_FORM = {**EDITOR_FORM, "max_attempts": "3", "questions-0-choices-0-correct": "on"}


def test_an_editor_sets_the_review_policy_and_the_wait_in_the_snippet_editor(admin_client):
    add = reverse("wagtailsnippets_courses_quiz:add")
    form = admin_client.get(add).content.decode()
    assert 'name="review_policy"' in form and 'name="retry_wait_minutes"' in form
    assert 'value="after_passing" selected' in form  # the default

    too_long = admin_client.post(add, {**QUIZ_FORM, "review_policy": "never", "retry_wait_minutes": "20000"})
    assert "Ensure this value is less than or equal to 10080." in too_long.content.decode()
    assert not Quiz.objects.exists()

    data = {**QUIZ_FORM, "review_policy": "after_last_attempt", "retry_wait_minutes": "30"}
    assert admin_client.post(add, data).status_code == 302
    quiz = Quiz.objects.get()
    assert (quiz.review_policy, quiz.retry_wait_minutes) == (AFTER_LAST_ATTEMPT, 30)

    edit = admin_client.get(reverse("wagtailsnippets_courses_quiz:edit", args=[quiz.pk])).content.decode()
    assert 'value="after_last_attempt" selected' in edit
    assert re.search(r'name="retry_wait_minutes"[^>]*value="30"|value="30"[^>]*name="retry_wait_minutes"', edit)
