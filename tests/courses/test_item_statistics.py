"""Item statistics: per question of a quiz or a question bank, how often it is asked and answered right, the plain
flags for a question everybody passes or fails, counted in SQL in a fixed number of queries."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.models import AttemptAnswer, Choice, Question, QuestionBank, Quiz, QuizAttempt
from tests.factories import OrganisationFactory, UserFactory, make_course, make_member

pytestmark = pytest.mark.django_db


def make_quiz(texts, title="Open data check"):
    quiz = Quiz.objects.create(title=title, pass_mark=100, retry_wait_minutes=0)
    for number, text in enumerate(texts):
        question = Question.objects.create(quiz=quiz, text=text, sort_order=number, points=2)
        Choice.objects.create(question=question, text="Right", correct=True)
        Choice.objects.create(question=question, text="Wrong")
    return quiz


def quiz_lesson(site_tree, quiz):
    course, lessons = make_course(site_tree["courses"], title=f"Course for {quiz.title}")
    lesson = lessons[0]
    lesson.quiz = quiz
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return course, lesson


def submit(course, lesson, right_texts):
    """A new learner answers the quiz once: right to the questions in ``right_texts``, wrong to the others."""
    person = UserFactory()
    services.enroll(user=person, course=course)
    answers = {}
    for question in lesson.quiz.questions.all():
        text = "Right" if question.text in right_texts else "Wrong"
        answers[question.id] = {question.choices.get(text=text).id}
    return services.submit_quiz(user=person, course=course, lesson=lesson, answers=answers)


@pytest.fixture
def answered(site_tree):
    """Ten learners: everyone right to the licence question, one to the formats one, half to the portal one."""
    quiz = make_quiz(["Licence?", "Formats?", "Portal?"])
    course, lesson = quiz_lesson(site_tree, quiz)
    for number in range(10):
        right = {"Licence?"} | ({"Formats?"} if number == 0 else set()) | ({"Portal?"} if number % 2 else set())
        submit(course, lesson, right)
    Question.objects.create(quiz=quiz, text="Never asked yet?", sort_order=9)  # added since
    return quiz


def url(quiz):
    return f"/admin/quizzes/{quiz.pk}/item-statistics/"


def figures(response):
    return {
        row.question.text: (row.asked, row.right, row.percent_right, row.average_points, row.flag)
        for row in response.context["statistics"]
    }


def test_times_asked_percent_right_average_points_and_flags(admin_client, answered):
    response = admin_client.get(url(answered))
    assert response.status_code == 200
    assert figures(response) == {
        "Licence?": (10, 10, 100, 2.0, "easy"),
        "Formats?": (10, 1, 10, 0.2, "hard"),
        "Portal?": (10, 5, 50, 1.0, ""),
        "Never asked yet?": (0, 0, None, None, ""),
    }
    page = response.content.decode()
    assert page.count("Everyone gets this right") == 2  # the explanation above the table, and the licence question
    assert page.count("Almost nobody gets this right") == 2
    assert "Licence?" in page and "Never asked yet?" in page


def test_no_flag_before_ten_answers(admin_client, site_tree):
    quiz = make_quiz(["Easy?", "Hard?"])
    course, lesson = quiz_lesson(site_tree, quiz)
    for _ in range(9):
        submit(course, lesson, {"Easy?"})
    rows = figures(admin_client.get(url(quiz)))
    assert rows == {"Easy?": (9, 9, 100, 2.0, ""), "Hard?": (9, 0, 0, 0.0, "")}


def bank_with_answers(quiz, lesson, questions=3, learners=12):
    """A bank whose questions ``quiz`` drew for ``learners`` attempts: the draw is another part's, so the attempts
    and their graded answers are written as the service writes them. The first question is always right."""
    bank = QuestionBank.objects.create(title="Open data bank")
    drawn = [
        Question.objects.create(bank=bank, text=f"Bank question {n}?", sort_order=n, locale=bank.locale)
        for n in range(questions)
    ]
    for _number in range(learners):
        person = UserFactory()
        attempt = QuizAttempt.objects.create(
            user=person, lesson=lesson, quiz=quiz, score=0, passed=False, question_ids=[q.id for q in drawn]
        )
        AttemptAnswer.objects.bulk_create(
            AttemptAnswer(attempt=attempt, question=question, correct=n == 0, points=1 if n == 0 else 0)
            for n, question in enumerate(drawn)
        )
    return bank


def test_a_bank_counts_its_questions_in_every_quiz_and_a_quiz_shows_what_it_drew(admin_client, site_tree):
    quiz = make_quiz(["Own question?"], title="Final check")
    _course, lesson = quiz_lesson(site_tree, quiz)
    bank = bank_with_answers(quiz, lesson)
    other = make_quiz(["Other?"], title="Other quiz")
    _other_course, other_lesson = quiz_lesson(site_tree, other)
    attempt = QuizAttempt.objects.create(user=UserFactory(), lesson=other_lesson, quiz=other, score=0, passed=False)
    AttemptAnswer.objects.create(attempt=attempt, question=bank.questions.get(sort_order=0), correct=False)

    response = admin_client.get(f"/admin/question-banks/{bank.pk}/item-statistics/")
    assert response.status_code == 200
    assert figures(response) == {
        "Bank question 0?": (13, 12, 92, 12 / 13, ""),
        "Bank question 1?": (12, 0, 0, 0.0, "hard"),
        "Bank question 2?": (12, 0, 0, 0.0, "hard"),
    }
    # The quiz: its own question first, then what it drew, each counted in this quiz's attempts only.
    in_quiz = admin_client.get(url(quiz))
    assert list(figures(in_quiz).items())[:2] == [
        ("Own question?", (0, 0, None, None, "")),
        ("Bank question 0?", (12, 12, 100, 1.0, "easy")),
    ]
    assert "Open data bank" in in_quiz.content.decode()  # where a drawn question comes from
    assert admin_client.get("/admin/question-banks/999999/item-statistics/").status_code == 404


def test_the_number_of_queries_does_not_grow_with_questions_or_answers(
    admin_client, site_tree, django_assert_num_queries
):
    small = make_quiz(["One?"], title="Small")
    small_course, small_lesson = quiz_lesson(site_tree, small)
    submit(small_course, small_lesson, set())
    large = make_quiz([f"Question {n}?" for n in range(8)], title="Large")
    large_course, large_lesson = quiz_lesson(site_tree, large)
    for _ in range(6):
        submit(large_course, large_lesson, {"Question 1?"})
    small_bank = bank_with_answers(small, small_lesson, questions=1, learners=1)
    large_bank = bank_with_answers(large, large_lesson, questions=10, learners=8)
    pairs = [
        (url(small), url(large)),
        (
            f"/admin/question-banks/{small_bank.pk}/item-statistics/",
            f"/admin/question-banks/{large_bank.pk}/item-statistics/",
        ),
    ]
    for first, second in pairs:
        admin_client.get(first)
        admin_client.get(second)
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(first).status_code == 200
        with django_assert_num_queries(len(captured)):
            assert admin_client.get(second).status_code == 200


def test_the_quiz_listing_links_to_the_item_statistics(admin_client, answered):
    listing = admin_client.get("/admin/snippets/courses/quiz/")
    assert listing.status_code == 200
    assert url(answered) in listing.content.decode()


def grant(user, *codenames):
    permissions = Permission.objects.filter(
        codename__in=["access_admin", *codenames], content_type__app_label__in=["wagtailadmin", "courses"]
    )
    user.user_permissions.add(*permissions)
    return type(user).objects.get(pk=user.pk)  # permissions are cached on the instance


@pytest.mark.parametrize("role", ["staff", "focal_point"])
def test_members_and_focal_points_may_not_see_item_statistics(client, answered, role):
    client.force_login(make_member(OrganisationFactory(), role=role))
    refused = client.get(url(answered))
    assert refused.status_code == 302 and refused["Location"].startswith("/accounts/login/")


def test_only_the_quiz_editors_see_its_item_statistics(client, answered):
    reader = grant(UserFactory(is_staff=True), "view_enrollment", "view_quizattempt")
    client.force_login(reader)
    refused = client.get(url(answered))
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    editor = grant(reader, "change_quiz")
    client.force_login(editor)
    assert client.get(url(answered)).status_code == 200
    bank = QuestionBank.objects.create(title="A bank")
    assert client.get(f"/admin/question-banks/{bank.pk}/item-statistics/")["Location"] == "/admin/"
    client.force_login(grant(editor, "change_questionbank"))
    assert client.get(f"/admin/question-banks/{bank.pk}/item-statistics/").status_code == 200
