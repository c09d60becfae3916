"""A course in several languages is one course: the enrolment, progress, quiz attempts and certificate belong to the
original page, whichever translation (or alias) the learner reads; listings show each course once per language."""

import io

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pypdf import PdfReader

from core.i18n import path_in_language
from core.models import Topic
from courses import selectors, services
from courses.certificates import render_pdf
from courses.exceptions import TamperedAnswers
from courses.models import Certificate, Choice, CoursePage, Enrollment, LessonProgress, Question, Quiz, QuizAttempt
from tests.factories import CoursePageFactory, TopicFactory, UserFactory, make_course
from tests.translations import alias, locale, translate

pytestmark = pytest.mark.django_db


def viewing(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def translate_course(course, lessons, code, title):
    """The course and each of its lessons (their modules with them) translated into ``code``."""
    translated = translate(course, code, title=title)
    return translated, [translate(lesson, code, title=f"{lesson.title} [{code}]") for lesson in lessons]


@pytest.fixture
def course_and_lessons(site_tree):
    return make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=2)


@pytest.fixture
def learner(db):
    return UserFactory(first_name="Camille", last_name="Martin")


def test_an_enrolment_on_the_english_course_shows_on_its_french_translation_and_on_an_alias(
    learner, course_and_lessons
):
    course, _lessons = course_and_lessons
    french = translate(course, "fr", title="Les bases des données ouvertes")
    spanish_alias = alias(course, "es")
    enrollment = services.enroll(user=learner, course=course)

    for page in (course, french, spanish_alias):
        assert selectors.course_page_context(viewing(learner), page)["enrollment"] == enrollment


def test_enrolling_on_a_translation_enrols_in_the_original_once(learner, course_and_lessons):
    course, _lessons = course_and_lessons
    french = translate(course, "fr", title="Les bases des données ouvertes")

    from_french = services.enroll(user=learner, course=french)
    from_english = services.enroll(user=learner, course=course)

    assert from_french.pk == from_english.pk
    assert Enrollment.objects.get().course_id == course.pk
    services.unenroll(user=learner, course=alias(course, "es"))
    assert Enrollment.objects.get().status == Enrollment.Status.WITHDRAWN


def test_lessons_completed_in_two_languages_complete_the_course_with_one_certificate(learner, course_and_lessons):
    course, lessons = course_and_lessons
    french, french_lessons = translate_course(course, lessons, "fr", "Les bases des données ouvertes")
    services.enroll(user=learner, course=french)

    services.mark_lesson_complete(user=learner, course=french, lesson=french_lessons[0])
    progress = selectors.course_page_context(viewing(learner), course)["progress"]
    assert (progress.done, progress.total) == (1, 2)
    assert progress.completed_lesson_ids == {lessons[0].pk}  # the English page marks its own lesson done
    french_progress = selectors.course_page_context(viewing(learner), french)["progress"]
    assert french_progress.completed_lesson_ids == {french_lessons[0].pk}
    assert selectors.lesson_page_context(viewing(learner), french_lessons[0])["is_completed"]

    enrollment = services.mark_lesson_complete(user=learner, course=course, lesson=lessons[1])

    assert enrollment.status == Enrollment.Status.COMPLETED
    assert set(LessonProgress.objects.values_list("lesson_id", flat=True)) == {lesson.pk for lesson in lessons}
    certificate = Certificate.objects.get()
    assert certificate.enrollment.course_id == course.pk
    assert certificate.course_title == "Open data basics"  # the original's, as issued


def translate_quiz(quiz, code, words):
    """The quiz as wagtail-localize translates it: another quiz, its questions and choices sharing the original's
    translation keys, with the text translated (``words``: {English: translation})."""
    translated = Quiz.objects.create(
        title=words.get(quiz.title, quiz.title),
        pass_mark=quiz.pass_mark,
        locale=locale(code),
        translation_key=quiz.translation_key,
    )
    for question in quiz.questions.all():
        copy = Question.objects.create(
            quiz=translated,
            text=words[question.text],
            kind=question.kind,
            sort_order=question.sort_order,
            locale=translated.locale,
            translation_key=question.translation_key,
        )
        for choice in question.choices.all():
            Choice.objects.create(
                question=copy,
                text=words[choice.text],
                correct=choice.correct,
                sort_order=choice.sort_order,
                locale=translated.locale,
                translation_key=choice.translation_key,
            )
    return translated


def test_a_quiz_taken_in_french_is_graded_on_the_french_questions_and_kept_on_the_original(learner, course_and_lessons):
    course, lessons = course_and_lessons
    quiz = Quiz.objects.create(title="Licences", pass_mark=100)
    question = Question.objects.create(quiz=quiz, text="Which licence lets anyone re-use data?")
    right = Choice.objects.create(question=question, text="CC BY 4.0", correct=True)
    Choice.objects.create(question=question, text="All rights reserved")
    lessons[1].quiz = quiz
    lessons[1].save_revision().publish()
    french_quiz = translate_quiz(
        quiz,
        "fr",
        {
            "Which licence lets anyone re-use data?": "Quelle licence permet à chacun de réutiliser les données ?",
            "CC BY 4.0": "CC BY 4.0",
            "All rights reserved": "Tous droits réservés",
        },
    )
    french, french_lessons = translate_course(course, lessons, "fr", "Les bases des données ouvertes")
    french_lessons[1].quiz = french_quiz
    french_lessons[1].save_revision().publish()
    services.enroll(user=learner, course=course)
    french_question = french_quiz.questions.get()
    french_right = french_question.choices.get(correct=True)

    with pytest.raises(TamperedAnswers):  # the English ids are not the questions the French page showed
        services.submit_quiz(user=learner, course=french, lesson=french_lessons[1], answers={question.id: {right.id}})
    attempt = services.submit_quiz(
        user=learner, course=french, lesson=french_lessons[1], answers={french_question.id: {french_right.id}}
    )

    attempt.refresh_from_db()
    assert attempt.passed
    assert (attempt.quiz_id, attempt.lesson_id) == (quiz.pk, lessons[1].pk)
    assert attempt.answers == {str(question.id): [right.id]}  # as the original's question and choice
    assert LessonProgress.objects.filter(lesson=lessons[1]).exists()
    # The English page shows the same attempt, and its review marks the English choice the learner picked.
    english = selectors.lesson_page_context(viewing(learner), lessons[1])
    assert english["attempt"] == attempt
    assert english["questions"][0]["selected"] == {right.id}
    french_page = selectors.lesson_page_context(viewing(learner), french_lessons[1])
    assert french_page["questions"][0]["selected"] == {french_right.id}
    assert french_page["questions"][0]["text"].startswith("Quelle licence")
    assert QuizAttempt.objects.count() == 1


def complete(learner, course, lessons):
    services.enroll(user=learner, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=learner, course=course, lesson=lesson)
    return Certificate.objects.get(enrollment__user=learner)


def pdf_text(certificate):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(certificate))).pages)


def test_the_certificate_pdf_is_in_the_learners_language_with_the_course_title_in_it(course_and_lessons):
    course, lessons = course_and_lessons
    translate(course, "fr", title="Les bases des données ouvertes")
    french_learner = UserFactory(first_name="Camille", last_name="Martin", preferred_language="fr")
    english_learner = UserFactory(first_name="Jiho", last_name="Kim", preferred_language="en")

    french_text = pdf_text(complete(french_learner, course, lessons))
    english_text = pdf_text(complete(english_learner, course, lessons))

    assert "Les bases des données ouvertes" in french_text
    assert "Open data basics" not in french_text
    months_fr = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre")
    assert any(month in french_text for month in (*months_fr, "novembre", "décembre"))
    assert "Open data basics" in english_text


def test_a_certificate_in_a_language_without_a_translation_keeps_the_title_it_was_issued_with(course_and_lessons):
    course, lessons = course_and_lessons
    alias(course, "ko")  # an alias is not a translation
    learner = UserFactory(first_name="Jiho", last_name="Kim", preferred_language="ko")

    certificate = complete(learner, course, lessons)

    assert selectors.certificate_course_title(certificate, "ko") == "Open data basics"
    assert "Open data basics" in pdf_text(certificate)


def test_the_verification_page_shows_the_course_title_in_the_readers_language(client, course_and_lessons):
    course, lessons = course_and_lessons
    translate(course, "fr", title="Les bases des données ouvertes")
    certificate = complete(UserFactory(first_name="Jiho", last_name="Kim"), course, lessons)

    url = certificate.get_absolute_url()  # English: the address carries the language
    french = client.get(path_in_language(url, "fr")).content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Les bases des données ouvertes" in french
    assert "Open data basics" in english and "Les bases des données ouvertes" not in english


def test_latest_courses_lists_each_course_once_in_the_readers_language(site_tree):
    courses = [CoursePageFactory(parent=site_tree["courses"], title=f"Course {n}") for n in range(3)]
    french = {translate(course, "fr", title=f"Cours {n}").pk for n, course in enumerate(courses)}
    spanish = {alias(course, "es").pk for course in courses}

    with translation.override("fr"):
        assert {course.pk for course in selectors.latest_courses(limit=10)} == french
    with translation.override("es"):
        assert {course.pk for course in selectors.latest_courses(limit=10)} == spanish
    with translation.override("en"):
        assert {course.pk for course in selectors.latest_courses(limit=10)} == {course.pk for course in courses}


def test_my_learning_links_each_course_in_my_language_in_a_fixed_number_of_queries(site_tree):
    learner = UserFactory()
    french_pages = []

    def enrol_in_a_new_course(number):
        course, lessons = make_course(site_tree["courses"], title=f"Course {number}", modules=1, lessons_per_module=2)
        french, french_lessons = translate_course(course, lessons, "fr", f"Cours {number}")
        french_pages.append((french, french_lessons[0]))
        services.enroll(user=learner, course=course)

    enrol_in_a_new_course(1)
    with translation.override("fr"), CaptureQueriesContext(connection) as one:
        selectors.my_learning(learner)
    for number in (2, 3, 4):
        enrol_in_a_new_course(number)
    with translation.override("fr"), CaptureQueriesContext(connection) as four:
        rows = selectors.my_learning(learner)

    assert len(four) == len(one)
    shown = {(enrollment.shown_course.pk, next_lesson.pk) for enrollment, _progress, next_lesson in rows}
    assert shown == {(french.pk, lesson.pk) for french, lesson in french_pages}
    with translation.override("en"):
        assert {e.shown_course.pk for e, _p, _n in selectors.my_learning(learner)} == {
            e.course_id for e in Enrollment.objects.all()
        }


def test_the_topic_facet_matches_courses_tagged_with_any_translation_of_the_topic(rf, site_tree):
    english_topic = TopicFactory(name="Open data", slug="open-data")
    french_topic = english_topic.copy_for_translation(locale("fr"))
    french_topic.name, french_topic.slug = "Données ouvertes", "donnees-ouvertes"
    french_topic.save()
    tagged_in_english = CoursePageFactory(parent=site_tree["courses"], title="Open data basics")
    tagged_in_english.topics.set([english_topic])
    tagged_in_english.save_revision().publish()
    CoursePageFactory(parent=site_tree["courses"], title="Mobility")
    french_tagged = translate(tagged_in_english, "fr", title="Les bases des données ouvertes")
    french_only = translate(
        CoursePageFactory(parent=site_tree["courses"], title="Smart water"), "fr", title="L'eau intelligente"
    )
    french_only.topics.set([french_topic])
    french_only.save_revision().publish()
    french_index = french_tagged.get_parent().specific

    with translation.override("fr"):
        request = rf.get("/", {"topic": "donnees-ouvertes"})
        request.user = UserFactory()
        context = selectors.catalogue_context(request, french_index)
        assert [topic.slug for topic in Topic.objects.for_reader()] == ["donnees-ouvertes"]
    assert {course.pk for course in context["items"]} == {french_tagged.pk, french_only.pk}
    assert dict(context["form"].fields["topic"].choices)["donnees-ouvertes"] == "Données ouvertes (2)"

    with translation.override("en"):
        request = rf.get("/", {"topic": "open-data"})
        request.user = UserFactory()
        english = selectors.catalogue_context(request, site_tree["courses"])
    assert [course.pk for course in english["items"]] == [tagged_in_english.pk]


def test_a_translation_is_taught_in_its_own_language_and_an_alias_in_the_originals(site_tree):
    course = CoursePageFactory(parent=site_tree["courses"], title="Smart city strategy", language="en")
    french = translate(course, "fr", title="Stratégie de ville intelligente")
    spanish_alias = alias(course, "es")
    assert (french.language, spanish_alias.language, CoursePage.objects.get(pk=course.pk).language) == (
        "fr",
        "en",
        "en",
    )
    with translation.override("fr"):
        assert ("Langue", "Français") in [(str(label), str(value)) for label, value in french.facts()]
