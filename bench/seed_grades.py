"""The gradebook and the question bank at the bench's scale (issue 21), written in bulk.

- A course whose gradebook has every seeded person (2,000 at the default scale) enrolled, each with one to three
  attempts at each of its three quizzes.
- A course whose quiz draws 20 questions from a bank of 500 (4 choices each), with the member persona enrolled.
- The secretariat persona may read the gradebook: the admin, the two permissions, and a second factor (production
  settings ask the admin for one; the bench signs in without it, as a real secretariat member has set it up)."""

import datetime as dt
import time

GRADEBOOK_COURSE = "gradebook-course"
BANK_COURSE = "question-bank-course"
GRADEBOOK_QUIZZES = 3
BANK_QUESTIONS = 500
DRAWN = 20


def say(message):
    from bench.seed import say as print_line

    print_line(message)


def course_with_quiz_lessons(course_index, slug, title, quizzes):
    """A course of one module whose lessons ask ``quizzes`` in order: a handful of pages, through Wagtail."""
    from courses.models import CoursePage, LessonPage, ModulePage

    course = course_index.add_child(
        instance=CoursePage(title=title, slug=slug, summary="Learn what a city can do online, and show it.")
    )
    module = course.add_child(instance=ModulePage(title="Module 1", slug="module-1"))
    lessons = [
        module.add_child(
            instance=LessonPage(
                title=f"Check {number}", slug=f"check-{number}", summary="A lesson with a quiz.", quiz=quiz
            )
        )
        for number, quiz in enumerate(quizzes, start=1)
    ]
    return course, lessons


def add_questions(quiz=None, bank=None, count=5, prefix="Question"):
    """``count`` one-answer questions of four choices (the first right), in two bulk inserts."""
    from courses.models import Choice, Question

    owner = quiz or bank
    questions = Question.objects.bulk_create(
        Question(
            quiz=quiz,
            bank=bank,
            text=f"{prefix} {number}: which of these is open data?",
            sort_order=number,
            locale_id=owner.locale_id,  # bulk_create skips the signal that sets a translatable row's locale
        )
        for number in range(count)
    )
    Choice.objects.bulk_create(
        Choice(question=question, text=f"Choice {n}", correct=n == 0, sort_order=n, locale_id=owner.locale_id)
        for question in questions
        for n in range(4)
    )
    return questions


def add_gradebook(course_index, users):
    """Every person enrolled in a course of three quizzes, with one to three attempts at each: bulk inserts."""
    from django.utils import timezone

    from courses.models import Enrollment, Quiz, QuizAttempt

    started = time.monotonic()
    quizzes = [Quiz.objects.create(title=f"Gradebook check {n}", pass_mark=70) for n in range(1, GRADEBOOK_QUIZZES + 1)]
    for quiz in quizzes:
        add_questions(quiz=quiz, count=5)
    course, lessons = course_with_quiz_lessons(course_index, GRADEBOOK_COURSE, "Gradebook course: open data", quizzes)
    now = timezone.now()
    Enrollment.objects.bulk_create(
        Enrollment(
            user=user,
            course=course,
            enrolled_at=now - dt.timedelta(days=60),
            status=Enrollment.Status.COMPLETED if n % 4 == 0 else Enrollment.Status.ACTIVE,
            completed_at=now - dt.timedelta(days=1) if n % 4 == 0 else None,
        )
        for n, user in enumerate(users)
    )
    attempts = []
    for n, user in enumerate(users):
        for q, (lesson, quiz) in enumerate(zip(lessons, quizzes, strict=True)):
            for number in range(1 + (n + q) % 3):
                score = (20 * (n + q + number)) % 101
                attempts.append(
                    QuizAttempt(
                        user=user,
                        lesson=lesson,
                        quiz=quiz,
                        score=score,
                        points=score // 20,
                        max_points=5,
                        passed=score >= quiz.pass_mark,
                        submitted_at=now - dt.timedelta(days=30 - number, minutes=n),
                    )
                )
    QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
    say(
        f"  gradebook: {len(users)} learners × {len(quizzes)} quizzes, {len(attempts)} attempts "
        f"({time.monotonic() - started:.1f} s)"
    )
    return f"/admin/reports/gradebook/{course.pk}/"


def add_bank_quiz(course_index, member):
    """A quiz drawing 20 questions from a bank of 500, on a course the member is enrolled in."""
    from courses import services
    from courses.models import QuestionBank, Quiz, QuizDraw

    started = time.monotonic()
    quiz = Quiz.objects.create(title="Drawn from the bank", pass_mark=70)
    bank = QuestionBank.objects.create(title="Open data question bank")
    add_questions(bank=bank, count=BANK_QUESTIONS, prefix="Bank question")
    QuizDraw.objects.create(quiz=quiz, bank=bank, count=DRAWN, sort_order=0)
    course, (lesson,) = course_with_quiz_lessons(course_index, BANK_COURSE, "Question bank course: open data", [quiz])
    QuestionBank.objects.filter(pk=bank.pk).update(course=course)
    services.enroll(user=member, course=course)
    say(f"  question bank: {BANK_QUESTIONS} questions, {DRAWN} drawn per attempt ({time.monotonic() - started:.1f} s)")
    return lesson.url


def let_read_the_gradebook(email):
    """The secretariat persona reads the gradebook in the admin."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Permission

    from courses.gradebook import GRADEBOOK_PERMISSIONS
    from members.models import User

    user = User.objects.get(email=email)
    codenames = ["access_admin", *(permission.split(".")[1] for permission in GRADEBOOK_PERMISSIONS)]
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=codenames, content_type__app_label__in=("wagtailadmin", "courses"))
    )
    Authenticator.objects.get_or_create(user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": ""}})


def seed(course_index, users, member, secretary_email):
    """All of the above; returns (the gradebook's URL, the bank quiz lesson's URL)."""
    gradebook_url = add_gradebook(course_index, users)
    lesson_url = add_bank_quiz(course_index, member)
    let_read_the_gradebook(secretary_email)
    return gradebook_url, lesson_url


def urls_from_database():
    """With --reuse: the two URLs of a database seeded before."""
    from courses.models import CoursePage, LessonPage

    course = CoursePage.objects.filter(slug=GRADEBOOK_COURSE).first()
    bank_course = CoursePage.objects.filter(slug=BANK_COURSE).first()
    lesson = LessonPage.objects.descendant_of(bank_course).first() if bank_course else None
    return {
        "gradebook_url": f"/admin/reports/gradebook/{course.pk}/" if course else "",
        "bank_lesson_url": lesson.url if lesson else "",
    }
