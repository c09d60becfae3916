import datetime as dt
import io

from django.utils import timezone
from pypdf import PdfReader

from courses.models import Certificate, QuizAttempt
from tests.browser.helpers import sign_in
from tests.courses.test_quizzes import make_quiz
from tests.factories import UserFactory, make_course


def test_a_member_passes_the_quiz_completes_the_course_and_anyone_can_verify_the_certificate(page, site):
    course, lessons = make_course(site["courses"], title="Open data basics", modules=1, lessons_per_module=2)
    final = lessons[-1]
    final.quiz, final.is_final_assessment = make_quiz(pass_mark=100), True
    final.save_revision().publish()
    person = UserFactory(first_name="Jiho", last_name="Kim")

    sign_in(page, person.email)
    page.goto(course.url)
    page.get_by_role("button", name="Enrol").click()
    page.goto(lessons[0].url)
    page.get_by_role("button", name="Mark as complete").click()
    page.goto(final.url)
    page.get_by_label("All rights reserved").check()  # wrong first
    page.get_by_label("CSV").check()
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_text("not yet a pass").first.wait_for()
    # The quiz keeps its answers until a pass, and asks for ten minutes before the next attempt.
    assert "CC BY asks only for credit." not in page.content()
    page.get_by_text("You can try this quiz again from").first.wait_for()
    assert page.get_by_role("button", name="Try again").count() == 0

    QuizAttempt.objects.update(submitted_at=timezone.now() - dt.timedelta(minutes=11))  # ten minutes later
    page.reload()
    page.get_by_label("CC BY 4.0").check()
    page.get_by_label("CSV").check()
    page.get_by_label("JSON").check()
    page.get_by_role("button", name="Try again").click()
    page.get_by_text("You passed with 100%.").first.wait_for()
    page.get_by_text("CC BY asks only for credit.").wait_for()  # the explanations, once passed

    page.goto("/me/")
    page.get_by_role("heading", name="My certificates").wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    with open(download_info.value.path(), "rb") as saved:
        text = PdfReader(io.BytesIO(saved.read())).pages[0].extract_text()
    certificate = Certificate.objects.get()
    assert "Jiho Kim" in text and "Open data basics" in text and certificate.display_code in text

    page.context.clear_cookies()  # signed out
    page.goto(certificate.get_absolute_url())
    page.get_by_role("heading", name="This certificate is valid").wait_for()
    assert "Jiho Kim" in page.content()
