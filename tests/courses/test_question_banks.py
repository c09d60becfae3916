"""Question banks: each attempt draws its questions at random from the quiz's banks, fixed for the learner and the
attempt, carried signed in the form and kept with the attempt, so grading and review use exactly what was asked."""

import io
import re
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import selectors, services
from courses.draws import drawn_question_ids, sign_draw
from courses.exceptions import DrawNotRecognised, TamperedAnswers
from courses.models import AttemptAnswer, Choice, Question, QuestionBank, Quiz, QuizAttempt, QuizDraw
from tests.courses.test_quizzes import QUIZ_FORM, quiz_url
from tests.courses.test_translations import translate_course, translate_quiz, viewing
from tests.factories import TopicFactory, UserFactory, make_course
from tests.translations import locale

pytestmark = pytest.mark.django_db


def make_bank(size, title="Open data bank", topic=None, start=0, bank=None):
    """A bank of one-answer questions "Bank question k", each with the right choice "Right k" and "Wrong k"."""
    bank = bank or QuestionBank.objects.create(title=title)
    for number in range(start, start + size):
        question = Question.objects.create(bank=bank, text=f"Bank question {number}", topic=topic, sort_order=number)
        Choice.objects.create(question=question, text=f"Right {number}", correct=True, sort_order=0)
        Choice.objects.create(question=question, text=f"Wrong {number}", sort_order=1)
    return bank


def make_drawing_quiz(bank, count=3, **fields):
    """A quiz with one own question ("Own question", right choice "Own right") and a draw of ``count`` from ``bank``."""
    quiz = Quiz.objects.create(**{"title": "Open data check", "pass_mark": 50, "retry_wait_minutes": 0, **fields})
    own = Question.objects.create(quiz=quiz, text="Own question", explanation="Own explanation.")
    Choice.objects.create(question=own, text="Own right", correct=True, sort_order=0)
    Choice.objects.create(question=own, text="Own wrong", sort_order=1)
    QuizDraw.objects.create(quiz=quiz, bank=bank, count=count)
    return quiz


@pytest.fixture
def drawing_lesson(site_tree):
    def build(bank_size=10, count=3, **quiz_fields):
        course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=2)
        lesson = lessons[-1]
        lesson.quiz = make_drawing_quiz(make_bank(bank_size), count=count, **quiz_fields)
        lesson.save_revision().publish()
        lesson.refresh_from_db()
        return course, lesson

    return build


@pytest.fixture
def learner(client):
    def enrol(course, **fields):
        person = UserFactory(**fields)
        services.enroll(user=person, course=course)
        client.force_login(person)
        return person

    return enrol


def shown_form(client, lesson):
    """(question ids in the page's order, the signed ``drawn`` value, the HTML) of the lesson's quiz form."""
    html = client.get(lesson.url).content.decode()
    ids = [int(value) for value in dict.fromkeys(re.findall(r'name="question-(\d+)"', html))]
    drawn = re.search(r'name="drawn" value="([^"]*)"', html).group(1)
    return ids, drawn, html


def right_answers(question_ids, wrong=()):
    """Form data answering each question right (or wrong, for those in ``wrong``)."""
    data = {}
    for question in Question.objects.filter(id__in=question_ids).prefetch_related("choices"):
        picked = next(c for c in question.choices.all() if c.correct != (question.id in wrong))
        data[f"question-{question.id}"] = [picked.id]
    return data


def answers_for(question_ids):
    return {int(name.removeprefix("question-")): set(ids) for name, ids in right_answers(question_ids).items()}


def test_the_draw_is_shown_stored_and_graded_on(client, drawing_lesson, learner):
    course, lesson = drawing_lesson(bank_size=10, count=3)
    person = learner(course)
    ids, drawn, html = shown_form(client, lesson)

    own = lesson.quiz.questions.get()
    assert len(ids) == 4 and ids[0] == own.id  # the quiz's own question first, then three from the bank
    assert set(Question.objects.filter(id__in=ids[1:]).values_list("bank_id", flat=True)) == {
        lesson.quiz.draws.get().bank_id
    }
    assert ids == drawn_question_ids(lesson.quiz, user_id=person.pk, attempt_number=1)
    assert html.count('type="radio"') == 8

    response = client.post(quiz_url(course, lesson), {**right_answers(ids, wrong={ids[1]}), "drawn": drawn})
    assert response.status_code == 302
    attempt = QuizAttempt.objects.get()
    assert attempt.question_ids == ids
    assert (attempt.points, attempt.max_points, attempt.score, attempt.passed) == (3, 4, 75, True)
    results = dict(AttemptAnswer.objects.filter(attempt=attempt).values_list("question_id", "correct"))
    assert results == {question_id: question_id != ids[1] for question_id in ids}


def test_a_reload_shows_the_same_draw_and_the_next_attempt_another(client, drawing_lesson, learner):
    course, lesson = drawing_lesson(bank_size=40, count=5, pass_mark=100)
    learner(course)
    first, drawn, _html = shown_form(client, lesson)
    assert shown_form(client, lesson)[:2] == (first, drawn)  # a reload: the same questions, the same value

    client.post(quiz_url(course, lesson), {**right_answers(first, wrong={first[0]}), "drawn": drawn})
    second, second_drawn, _html = shown_form(client, lesson)
    assert second[0] == first[0]  # the quiz's own question is asked every time
    assert set(second[1:]) != set(first[1:])
    client.post(quiz_url(course, lesson), {**right_answers(second), "drawn": second_drawn})
    assert [attempt.question_ids for attempt in QuizAttempt.objects.order_by("id")] == [first, second]


def test_another_learner_gets_another_draw(drawing_lesson, site_tree):
    _course, lesson = drawing_lesson(bank_size=40, count=5)
    draws = {tuple(drawn_question_ids(lesson.quiz, user_id=user_id, attempt_number=1)[1:]) for user_id in range(1, 6)}
    assert len(draws) > 1


@pytest.mark.parametrize("tamper", ["garbage", "another learner's", "missing", "edited ids"])
def test_a_forged_or_missing_draw_is_refused_and_stores_nothing(client, drawing_lesson, learner, tamper):
    course, lesson = drawing_lesson(bank_size=10, count=3)
    person = learner(course)
    ids, drawn, _html = shown_form(client, lesson)
    other_ids = [question.id for question in Question.objects.filter(bank__isnull=False) if question.id not in ids]
    forged = {
        "garbage": "not-a-signed-value",
        "another learner's": sign_draw(ids, user_id=person.pk + 1, quiz_id=lesson.quiz_id, attempt_number=1),
        "missing": "",
        "edited ids": drawn.replace(drawn.split(":")[0], "e30"),  # a payload whose signature no longer matches
    }[tamper]
    data = right_answers(ids)
    if tamper == "another learner's":  # answer the questions the other draw would have shown
        data = right_answers([ids[0], *other_ids[:3]])
    response = client.post(quiz_url(course, lesson), {**data, "drawn": forged})
    assert response.status_code == 400
    assert "does not say which questions it showed" in response.content.decode()
    assert not QuizAttempt.objects.exists() and not AttemptAnswer.objects.exists()
    with pytest.raises(DrawNotRecognised):
        services.submit_quiz(user=person, course=course, lesson=lesson, answers=answers_for(ids), drawn=forged)


def test_a_form_from_another_tab_or_before_the_quiz_changed_is_stale(client, drawing_lesson, learner):
    course, lesson = drawing_lesson(bank_size=10, count=3)
    learner(course)
    ids, drawn, _html = shown_form(client, lesson)
    assert client.post(quiz_url(course, lesson), {**right_answers(ids, wrong=set(ids)), "drawn": drawn}).status_code
    # The same form again, as if from a second tab: its questions were attempt 1's.
    response = client.post(quiz_url(course, lesson), {**right_answers(ids), "drawn": drawn})
    assert response.status_code == 409
    assert "you submitted it in another tab" in response.content.decode()
    assert QuizAttempt.objects.count() == 1

    ids, drawn, _html = shown_form(client, lesson)
    extra = Question.objects.create(quiz=lesson.quiz, text="Added later", sort_order=5)
    Choice.objects.create(question=extra, text="Yes", correct=True)
    Choice.objects.create(question=extra, text="No")
    response = client.post(quiz_url(course, lesson), {**right_answers(ids), "drawn": drawn})
    assert response.status_code == 409
    assert QuizAttempt.objects.count() == 1 and AttemptAnswer.objects.count() == 4


def test_true_or_false_questions_and_points_are_graded_right(client, site_tree, learner):
    course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=1)
    quiz = Quiz.objects.create(title="Mixed", pass_mark=60, retry_wait_minutes=0)
    statement = Question.objects.create(
        quiz=quiz, text="Open data may be re-used by anyone.", kind="true_false", points=2, sort_order=0
    )
    true = Choice.objects.create(question=statement, text="True", correct=True, sort_order=0)
    false = Choice.objects.create(question=statement, text="False", sort_order=1)
    several = Question.objects.create(quiz=quiz, text="Which are formats?", kind="multiple", points=3, sort_order=1)
    csv = Choice.objects.create(question=several, text="CSV", correct=True)
    json = Choice.objects.create(question=several, text="JSON", correct=True)
    Choice.objects.create(question=several, text="Fax")
    lessons[0].quiz = quiz
    lessons[0].save_revision().publish()
    person = learner(course)

    html = client.get(lessons[0].url).content.decode()
    assert html.count('type="radio"') == 2 and html.count('type="checkbox"') == 3
    assert "(2 points)" in html and "(3 points)" in html
    with pytest.raises(TamperedAnswers):  # one answer only to a true-or-false question
        services.submit_quiz(
            user=person,
            course=course,
            lesson=lessons[0],
            answers={statement.id: {true.id, false.id}, several.id: {csv.id}},
        )

    attempt = services.submit_quiz(
        user=person, course=course, lesson=lessons[0], answers={statement.id: {true.id}, several.id: {csv.id}}
    )
    assert (attempt.points, attempt.max_points, attempt.score, attempt.passed) == (2, 5, 40, False)
    assert dict(attempt.results.values_list("question_id", "points")) == {statement.id: 2, several.id: 0}
    attempt = services.submit_quiz(
        user=person, course=course, lesson=lessons[0], answers={statement.id: {false.id}, several.id: {csv.id, json.id}}
    )
    assert (attempt.points, attempt.max_points, attempt.score, attempt.passed) == (3, 5, 60, True)


def translate_bank(bank, code, words):
    """The bank as wagtail-localize translates it: the same translation keys, the words translated."""
    translated = QuestionBank.objects.create(
        title=words.get(bank.title, bank.title), locale=locale(code), translation_key=bank.translation_key
    )
    for question in bank.questions.all():
        copy = Question.objects.create(
            bank=translated,
            text=words.get(question.text, question.text),
            kind=question.kind,
            sort_order=question.sort_order,
            locale=translated.locale,
            translation_key=question.translation_key,
        )
        for choice in question.choices.all():
            Choice.objects.create(
                question=copy,
                text=words.get(choice.text, choice.text),
                correct=choice.correct,
                sort_order=choice.sort_order,
                locale=translated.locale,
                translation_key=choice.translation_key,
            )
    return translated


def test_a_bank_question_is_shown_in_the_readers_language_and_kept_on_the_original(site_tree):
    course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=1)
    bank = make_bank(1)
    quiz = make_drawing_quiz(bank, count=1, pass_mark=100)
    lessons[0].quiz = quiz
    lessons[0].save_revision().publish()
    french_words = {
        "Own question": "Question propre",
        "Own right": "Bonne réponse",
        "Own wrong": "Mauvaise réponse",
        "Bank question 0": "Question de la banque 0",
        "Right 0": "Juste 0",
        "Wrong 0": "Faux 0",
    }
    french_quiz = translate_quiz(quiz, "fr", french_words)
    translate_bank(bank, "fr", french_words)  # the French quiz has no draw lines: the original's count
    french, french_lessons = translate_course(course, lessons, "fr", "Les bases des données ouvertes")
    french_lessons[0].quiz = french_quiz
    french_lessons[0].save_revision().publish()
    person = UserFactory()
    services.enroll(user=person, course=course)

    page = selectors.lesson_page_context(viewing(person), french_lessons[0])
    assert [question["text"] for question in page["questions"]] == ["Question propre", "Question de la banque 0"]
    shown = Question.objects.filter(id__in=[question["id"] for question in page["questions"]])
    assert set(shown.values_list("locale__language_code", flat=True)) == {"fr"}
    french_answers = {
        question["id"]: {next(cid for cid, text in question["choices"] if text in ("Bonne réponse", "Juste 0"))}
        for question in page["questions"]
    }
    attempt = services.submit_quiz(
        user=person, course=french, lesson=french_lessons[0], answers=french_answers, drawn=page["drawn"]
    )

    original_bank_question = bank.questions.get()
    own = quiz.questions.get()
    assert attempt.passed and attempt.quiz_id == quiz.pk
    assert attempt.question_ids == [own.id, original_bank_question.id]
    assert attempt.answers == {
        str(own.id): [own.choices.get(correct=True).id],
        str(original_bank_question.id): [original_bank_question.choices.get(correct=True).id],
    }
    assert set(attempt.results.values_list("question_id", flat=True)) == {own.id, original_bank_question.id}


def test_the_draw_reads_only_the_original_bank_and_its_topic(site_tree):
    governance, data = TopicFactory(name="Governance"), TopicFactory(name="Data")
    bank = make_bank(5, topic=governance)
    make_bank(5, topic=data, start=5, bank=bank)
    translate_bank(bank, "fr", {})
    quiz = make_drawing_quiz(bank, count=5)
    quiz.draws.update(topic=data)
    for attempt_number in (1, 2, 3):
        drawn = drawn_question_ids(quiz, user_id=7, attempt_number=attempt_number)[1:]
        assert sorted(drawn) == sorted(bank.questions.filter(topic=data).values_list("id", flat=True))


def test_the_draw_and_the_quiz_page_take_the_same_queries_whatever_the_bank_size(client, site_tree, learner):
    counts = {}
    for size in (20, 200):
        course, lessons = make_course(site_tree["courses"], title=f"Course {size}", modules=1, lessons_per_module=1)
        lessons[0].quiz = make_drawing_quiz(make_bank(size), count=5)
        lessons[0].save_revision().publish()
        learner(course)
        client.get(lessons[0].url)  # warm the caches a first visit fills
        with CaptureQueriesContext(connection) as queries:
            ids, drawn, _html = shown_form(client, lessons[0])
        with CaptureQueriesContext(connection) as submitting:
            response = client.post(quiz_url(course, lessons[0]), {**right_answers(ids), "drawn": drawn})
        assert response.status_code == 302
        counts[size] = (len(queries), len(submitting))
    assert counts[20] == counts[200]


def test_drawing_from_a_bank_of_500_is_quick_and_three_queries(site_tree, django_assert_num_queries):
    quiz = make_drawing_quiz(make_bank(500), count=50)
    started = time.perf_counter()
    with django_assert_num_queries(3):
        drawn = drawn_question_ids(quiz, user_id=1, attempt_number=1)
    assert time.perf_counter() - started < 1  # about 10 ms; generous for a loaded machine
    assert len(drawn) == 51 and len(set(drawn)) == 51


# --- The editor ---------------------------------------------------------------------------------------------


BANK_FORM = {
    "title": "Open data bank",
    "course": "",
    "description": "",
    "questions-TOTAL_FORMS": "1",
    "questions-INITIAL_FORMS": "0",
    "questions-MIN_NUM_FORMS": "0",
    "questions-MAX_NUM_FORMS": "1000",
    "questions-0-text": "Open data may be re-used by anyone.",
    "questions-0-kind": "true_false",
    "questions-0-points": "1",
    "questions-0-explanation": "",
    "questions-0-ORDER": "1",
    "questions-0-choices-TOTAL_FORMS": "3",
    "questions-0-choices-INITIAL_FORMS": "0",
    "questions-0-choices-MIN_NUM_FORMS": "2",
    "questions-0-choices-MAX_NUM_FORMS": "1000",
    "questions-0-choices-0-text": "True",
    "questions-0-choices-0-correct": "on",
    "questions-0-choices-0-ORDER": "1",
    "questions-0-choices-1-text": "False",
    "questions-0-choices-1-ORDER": "2",
    "questions-0-choices-2-text": "Maybe",
    "questions-0-choices-2-ORDER": "3",
}


def test_an_editor_writes_a_bank_with_true_or_false_questions_checked(admin_client):
    add = reverse("wagtailsnippets_courses_questionbank:add")
    response = admin_client.post(add, BANK_FORM)
    assert "A true-or-false question has exactly two choices" in response.content.decode()
    data = {**BANK_FORM, "questions-0-choices-TOTAL_FORMS": "2", "questions-0-choices-1-correct": "on"}
    response = admin_client.post(add, data)
    assert "A true-or-false question has exactly one correct choice." in response.content.decode()
    assert not QuestionBank.objects.exists()
    data.pop("questions-0-choices-1-correct")
    assert admin_client.post(add, data).status_code == 302
    assert QuestionBank.objects.get().questions.get().kind == "true_false"


def question_queries(captured):
    """The queries that read the questions table (not the banks' own): the count column's."""
    return [query["sql"] for query in captured.captured_queries if '"courses_question" ' in query["sql"]]


def test_the_bank_list_counts_questions_in_its_own_query(admin_client):
    # wagtail-localize adds its translate buttons to each row of a translatable snippet's list (two queries a row,
    # as for the quizzes); the questions column costs no query of its own.
    index = reverse("wagtailsnippets_courses_questionbank:list")
    make_bank(3, title="Small bank")
    admin_client.get(index)
    with CaptureQueriesContext(connection) as one:
        html = admin_client.get(index).content.decode()
    assert "Small bank" in html
    for number in range(5):
        make_bank(number + 1, title=f"Bank {number}")
    with CaptureQueriesContext(connection) as six:
        html = admin_client.get(index).content.decode()
    assert re.search(r"Bank 4.*?>\s*5\s*<", html, re.S)  # its five questions
    assert len(question_queries(six)) == len(question_queries(one)) == 2  # the page count and the rows


def test_a_quiz_needs_a_question_and_a_draw_that_fits_its_bank(admin_client):
    add = reverse("wagtailsnippets_courses_quiz:add")
    empty = {**QUIZ_FORM, "questions-TOTAL_FORMS": "0"}
    response = admin_client.post(add, empty)
    assert "Add at least one question, or a draw from a question bank." in response.content.decode()

    bank = make_bank(3, title="Small bank")
    draw = {
        **empty,
        "draws-TOTAL_FORMS": "1",
        "draws-0-bank": str(bank.pk),
        "draws-0-count": "4",
        "draws-0-topic": "",
        "draws-0-ORDER": "1",
    }
    response = admin_client.post(add, draw)
    assert "“Small bank” has 3 questions; this draw asks for 4." in response.content.decode()
    assert not Quiz.objects.exists()
    assert admin_client.post(add, {**draw, "draws-0-count": "3"}).status_code == 302
    assert Quiz.objects.get().draws.get().count == 3


def test_the_demo_seeds_a_shared_bank_and_a_final_assessment_drawing_from_it(demo_site):
    call_command("seed_demo", stdout=io.StringIO())  # safe to run twice

    bank = QuestionBank.objects.get(title="E-government fundamentals", locale__language_code="en")
    questions = list(bank.questions.prefetch_related("choices"))
    assert bank.course is None and len(questions) >= 12
    assert {question.kind for question in questions} == {"single", "multiple", "true_false"}
    assert any(question.points == 2 for question in questions) and all(q.topic_id for q in questions)
    for question in questions:
        right = sum(choice.correct for choice in question.choices.all())
        assert right == 1 if question.has_one_answer else right >= 1, question.text
        assert question.kind != "true_false" or len(question.choices.all()) == 2
    draw = QuizDraw.objects.get(bank=bank, quiz__locale__language_code="en")  # translations copy the line
    assert draw.count == 5
    own = draw.quiz.questions.count()
    assert len(drawn_question_ids(draw.quiz, user_id=1, attempt_number=1)) == own + 5
