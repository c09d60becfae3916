"""A learner takes a learning path end to end in the browser: refused a course before its prerequisite, a quiz drawn
from a question bank (failed, then passed), the attempt history, the path's certificate, the transcript, the badge
(verified from the PNG it downloads); then the secretariat reads the course's gradebook for one city."""

import io
import re

from django.contrib.auth.models import Permission
from PIL import Image
from pypdf import PdfReader

from courses import services
from courses.badges import PNG_KEYWORD
from courses.credentials import verify_credential
from courses.models import Certificate, Choice, PathCompletion, Question, QuestionBank, Quiz, QuizDraw
from tests.browser.helpers import sign_in
from tests.courses.test_learning_paths import make_path
from tests.factories import OrganisationFactory, UserFactory, make_course, make_member


def true_or_false_bank(count):
    """A bank of true-or-false questions whose right answer is always "True": the test knows what to tick."""
    bank = QuestionBank.objects.create(title="Open data facts")
    for number in range(count):
        question = Question.objects.create(
            bank=bank, locale=bank.locale, kind="true_false", text=f"Open data statement {number + 1} is true."
        )
        Choice.objects.create(question=question, text="True", correct=True)
        Choice.objects.create(question=question, text="False")
    return bank


def answer_every_question(page, label):
    for fieldset in page.locator("form fieldset").all():
        fieldset.get_by_label(label, exact=True).check()


def test_a_learner_completes_a_path_and_the_secretariat_reads_the_gradebook_for_one_city(page, site):
    index = site["courses"]
    foundations, foundation_lessons = make_course(index, title="E-government foundations", modules=1)
    open_data, open_data_lessons = make_course(index, title="Open data for cities", modules=1, lessons_per_module=1)
    open_data.prerequisites.set([foundations])
    open_data.save_revision().publish()
    quiz = Quiz.objects.create(title="Open data check", pass_mark=100, retry_wait_minutes=0)
    QuizDraw.objects.create(quiz=quiz, bank=true_or_false_bank(6), count=3)
    final = open_data_lessons[0]
    final.quiz, final.is_final_assessment = quiz, True
    final.save_revision().publish()
    path = make_path(index, [foundations, open_data], title="Digital government essentials")
    seoul, hamburg = OrganisationFactory(name="Seoul"), OrganisationFactory(name="Hamburg")
    learner = make_member(seoul, first_name="Jiho", last_name="Kim")

    sign_in(page, learner.email)
    # The second course first: refused, with the course it needs linked.
    page.goto(open_data.url)
    page.get_by_text("Before this course, complete:").wait_for()
    assert page.get_by_role("button", name="Enrol").count() == 0
    page.get_by_role("main").get_by_role("link", name="E-government foundations").first.click()
    page.wait_for_url(f"**{foundations.url}")
    page.get_by_role("button", name="Enrol").click()
    page.get_by_text("You are enrolled in").wait_for()
    for lesson in foundation_lessons:
        page.goto(lesson.url)
        page.get_by_role("button", name="Mark as complete").click()
        page.get_by_text(re.compile("Lesson marked as complete|Congratulations")).first.wait_for()

    page.goto(path.url)
    page.get_by_text("1 of 2 courses completed").first.wait_for()
    page.goto(open_data.url)
    page.get_by_role("button", name="Enrol").click()
    page.get_by_text("You are enrolled in").wait_for()
    page.goto(final.url)
    assert page.locator("form fieldset").count() == 3  # drawn from the bank of six
    answer_every_question(page, "False")
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_text("not yet a pass").first.wait_for()
    answer_every_question(page, "True")
    page.get_by_role("button", name="Try again").click()
    page.get_by_text("You passed with 100%.").first.wait_for()

    page.get_by_role("link", name="Your attempts at this quiz").click()
    rows = page.locator("main table tbody tr")
    rows.first.wait_for()
    assert rows.count() == 2

    page.goto(path.url)
    page.get_by_text("You completed this learning path.").wait_for()
    completion = PathCompletion.objects.get(user=learner, path=path)
    assert Certificate.objects.filter(path_completion=completion).exists()

    page.goto("/me/transcript/")
    main = page.get_by_role("main")
    for title in ("E-government foundations", "Open data for cities", "Digital government essentials"):
        assert main.get_by_text(title).count() >= 1
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download the transcript (PDF)").click()
    with open(pdf_download.value.path(), "rb") as saved:
        text = "".join(part.extract_text() for part in PdfReader(io.BytesIO(saved.read())).pages)
    assert "Open data for cities" in text and "Digital government essentials" in text

    page.goto("/me/")
    with page.expect_download() as badge_download:
        page.get_by_role("link", name="Download badge (PNG)").first.click()
    with Image.open(badge_download.value.path()) as badge:
        badge.load()
        credential = badge.text[PNG_KEYWORD]
    result = verify_credential(credential)
    assert result.is_valid, result
    assert result.certificate.holder_id == learner.pk

    # The secretariat: the gradebook of the course, for Seoul only.
    weber = make_member(hamburg, first_name="Anna", last_name="Weber")
    services.enroll(user=weber, course=foundations)
    secretary = UserFactory(email="grades@secretariat.example", first_name="Sam", last_name="Secretary")
    secretary.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_enrollment", "view_quizattempt"],
            content_type__app_label__in=["wagtailadmin", "courses"],
        )
    )
    page.context.clear_cookies()
    sign_in(page, secretary.email)
    page.goto(f"/admin/reports/gradebook/{foundations.pk}/")
    page.get_by_text("Anna Weber").wait_for()
    page.get_by_label("City").select_option(label="Seoul")
    page.get_by_role("button", name="Show").click()
    page.get_by_text("Jiho Kim").wait_for()
    assert page.get_by_text("Anna Weber").count() == 0
