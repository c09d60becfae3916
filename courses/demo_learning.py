"""Demo learning beyond the pages: a final assessment quiz, cohort runs, and a few people who finished a course
(with their certificates), so the quiz, the runs, My certificates and the reports show something."""

import datetime as dt

from django.utils import timezone

from core.demo import ensure_child
from core.i18n import in_default_language
from members.models import User

from . import demo_assessment, services
from .demo_content import FINAL_ASSESSMENT_MINUTES
from .models import Choice, CohortRun, CoursePage, LessonPage, ModulePage, Question, Quiz

OPEN_DATA_QUIZ = (
    "Open data for cities: final assessment",
    [
        (
            "single",
            "What should a city publish first?",
            [
                ("The datasets residents and businesses ask for most", True),
                ("Every table the city holds, all at once", False),
                ("Only data nobody has requested", False),
            ],
            "Start with high-value datasets that people already ask for: they get re-used and build support.",
        ),
        (
            "multiple",
            "What makes a published dataset easy to re-use?",
            [
                ("An open licence stated next to the data", True),
                ("A machine-readable format such as CSV", True),
                ("A scanned PDF of a printed table", False),
            ],
            "A clear open licence and a machine-readable format let anyone re-use the data without asking.",
        ),
        (
            "single",
            "Why talk to re-users after publishing?",
            [
                ("To learn what to fix and what to publish next", True),
                ("To ask them to stop using the data", False),
            ],
            "Re-users show which data is useful and where its quality needs work.",
        ),
    ],
)

FINAL_QUIZ = (
    "E-government foundations: final assessment",
    [
        (
            "single",
            "What should a city map before putting a service online?",
            [
                ("The resident's journey from need to result", True),
                ("The org chart of the department", False),
                ("The colours of the website", False),
            ],
            "Start from what the resident needs to get done, then remove every step that does not help.",
        ),
        (
            "multiple",
            "Which of these help residents actually use a digital service?",
            [
                ("Plain-language forms", True),
                ("An offline alternative for those who need it", True),
                ("Asking for the same document twice", False),
            ],
            "Plain language and a way for everyone to get the service matter; asking twice drives people away.",
        ),
        (
            "single",
            "Which services should a city move online first?",
            [("Frequent, simple services many residents use", True), ("The rarest, most complex procedure", False)],
            "Frequent, simple services give the most benefit early and build trust.",
        ),
    ],
)


FINAL_QUIZZES = {"e-government-foundations": FINAL_QUIZ, "open-data-for-cities": OPEN_DATA_QUIZ}


def ensure_final_quiz(progress):
    """A final assessment (a quiz of three questions) at the end of two courses."""
    for slug, quiz in FINAL_QUIZZES.items():
        progress.record(ensure_course_quiz(slug, *quiz))


FINAL_ASSESSMENT_SUMMARY = "Three questions on the whole course. 70% passes; you can try as often as you need."
# The e-government course's final assessment also draws from the shared bank (courses.demo_assessment).
FINAL_ASSESSMENT_SUMMARIES = {
    "e-government-foundations": (
        "Eight questions on the whole course: three set ones and five drawn at random for each attempt. "
        "70% of the points passes; you can try as often as you need."
    ),
}


def ensure_course_quiz(slug, title, questions):
    course = CoursePage.objects.filter(slug=slug).order_by("pk").first()
    module = ModulePage.objects.child_of(course).order_by("path").last() if course else None
    if module is None or LessonPage.objects.child_of(module).filter(slug="final-assessment").exists():
        return False
    quiz = Quiz.objects.create(title=title, pass_mark=70)
    for order, (kind, text, choices, explanation) in enumerate(questions):
        question = Question.objects.create(quiz=quiz, kind=kind, text=text, explanation=explanation, sort_order=order)
        for number, (choice, correct) in enumerate(choices):
            Choice.objects.create(question=question, text=choice, correct=correct, sort_order=number)
    ensure_child(
        module,
        LessonPage,
        "final-assessment",
        title="Final assessment",
        summary=FINAL_ASSESSMENT_SUMMARIES.get(slug, FINAL_ASSESSMENT_SUMMARY),
        estimated_minutes=FINAL_ASSESSMENT_MINUTES[slug],
        quiz=quiz,
        is_final_assessment=True,
    )
    return True


def ensure_cohort_runs(progress):
    today = timezone.localdate()
    for course in in_default_language(CoursePage.objects.live().filter(format=CoursePage.Format.COHORT)):
        if course.runs.exists():
            progress.record(False)
            continue
        # Each run is facilitated by one of the course's own instructors, in turn.
        facilitators = list(course.instructors.order_by("name")) or [None]
        for number, (starts_in, seats, opens_in) in enumerate(((30, 25, None), (120, 25, 40), (60, 3, None))):
            start = today + dt.timedelta(days=starts_in)
            CohortRun.objects.create(
                course=course,
                starts_on=start,
                ends_on=start + dt.timedelta(days=42),
                seats=seats,
                facilitator=facilitators[number % len(facilitators)],
                enrollment_opens_at=timezone.now() + dt.timedelta(days=opens_in) if opens_in else None,
            )
        progress.record(True)


def ensure_graduates(progress):
    """Two staff members completed the open-data course (and hold its certificate)."""
    course = CoursePage.objects.filter(slug="open-data-for-cities").first()
    if course is None:
        return
    for email in ("jiho.kim@seoul.city.example", "lena.fischer@hamburg.city.example"):
        person = User.objects.filter(email=email).first()
        if person is None or course.enrollments.filter(user=person).exists():
            progress.record(False)
            continue
        services.enroll(user=person, course=course)
        for lesson in course.required_lessons():
            if lesson.quiz_id:
                services.submit_quiz(user=person, course=course, lesson=lesson, answers=right_answers(lesson.quiz))
            else:
                services.mark_lesson_complete(user=person, course=course, lesson=lesson)
        progress.record(True)


def right_answers(quiz):
    """{question id: the ids of its right choices}: what a graduate answered."""
    return {
        question.id: {choice.id for choice in question.choices.all() if choice.correct}
        for question in quiz.questions.prefetch_related("choices")
    }


def seed(progress):
    from . import demo_paths

    ensure_final_quiz(progress)
    demo_assessment.seed(progress)  # a shared question bank, and one final assessment drawing from it
    ensure_cohort_runs(progress)
    ensure_graduates(progress)
    demo_paths.seed(progress)  # after the graduates: a required course must not block their demo journeys
