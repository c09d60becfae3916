"""The gradebook: a learner per row, best and last score and attempts per quiz, filters, exports, access, and a
fixed number of queries whatever the number of learners and attempts."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import services
from courses.models import Choice, CohortRun, CoursePage, Question, Quiz
from tests.factories import OrganisationFactory, UserFactory, make_course, make_member

pytestmark = pytest.mark.django_db


def make_quiz(title):
    """Two one-point questions, a pass only with both right: 0, 50 or 100, and never a pass at 50."""
    quiz = Quiz.objects.create(title=title, pass_mark=100, retry_wait_minutes=0)
    for number in (1, 2):
        question = Question.objects.create(quiz=quiz, text=f"{title}: question {number}?", sort_order=number)
        Choice.objects.create(question=question, text="Right", correct=True)
        Choice.objects.create(question=question, text="Wrong")
    return quiz


def answers(quiz, right):
    """Answers to ``quiz`` with the first ``right`` questions right and the rest wrong."""
    result = {}
    for number, question in enumerate(quiz.questions.order_by("sort_order")):
        text = "Right" if number < right else "Wrong"
        result[question.id] = {question.choices.get(text=text).id}
    return result


def attempt(person, course, lesson, right):
    return services.submit_quiz(user=person, course=course, lesson=lesson, answers=answers(lesson.quiz, right))


def add_quizzes(lessons, *indexes):
    quiz_lessons = []
    for index in indexes:
        lesson = lessons[index]
        lesson.quiz = make_quiz(f"Check {index}")
        lesson.save_revision().publish()
        lesson.refresh_from_db()
        quiz_lessons.append(lesson)
    return quiz_lessons


@pytest.fixture
def book(site_tree):
    seoul = OrganisationFactory(name="Seoul")
    hamburg = OrganisationFactory(name="Hamburg")
    course, lessons = make_course(site_tree["courses"], title="Open data basics")
    first, second = add_quizzes(lessons, 1, 3)
    kim = make_member(seoul, first_name="Jiho", last_name="Kim")
    lee = make_member(seoul, first_name="Mina", last_name="Lee")
    weber = make_member(hamburg, first_name="Anna", last_name="Weber")
    loner = UserFactory(first_name="Sam", last_name="Zed")  # nobody's staff
    for person in (kim, lee, weber, loner):
        services.enroll(user=person, course=course)
    attempt(kim, course, first, 1)  # 50
    attempt(kim, course, first, 2)  # 100, passed: best 100, last 100, 2 attempts
    attempt(lee, course, first, 1)  # 50
    attempt(lee, course, first, 0)  # 0: best 50, last 0, 2 attempts
    attempt(lee, course, second, 1)  # 50 on the second quiz, once
    attempt(weber, course, second, 0)  # 0
    # Kim completes the course: every lesson done.
    for lesson in lessons:
        if lesson.quiz_id is None:
            services.mark_lesson_complete(user=kim, course=course, lesson=lesson)
    attempt(kim, course, second, 2)
    return {"course": course, "quizzes": (first, second), "seoul": seoul, "hamburg": hamburg, "lessons": lessons}


def url(course, query=""):
    return f"/admin/reports/gradebook/{course.pk}/{query}"


def scores(row):
    return [(s.best, s.last, s.attempts) if s else None for s in row.scores]


def test_best_last_and_attempts_per_quiz_in_lesson_order(admin_client, book):
    response = admin_client.get(url(book["course"]))
    assert response.status_code == 200
    columns = response.context["columns"]
    assert [column.quiz_title for column in columns] == ["Check 1", "Check 3"]
    rows = {row.name: row for row in response.context["rows"]}
    assert list(rows) == ["Jiho Kim", "Mina Lee", "Anna Weber", "Sam Zed"]  # by family name
    assert scores(rows["Jiho Kim"]) == [(100, 100, 2), (100, 100, 1)]
    assert scores(rows["Mina Lee"]) == [(50, 0, 2), (50, 50, 1)]
    assert scores(rows["Anna Weber"]) == [None, (0, 0, 1)]
    assert scores(rows["Sam Zed"]) == [None, None]
    assert rows["Jiho Kim"].status == "Completed" and rows["Jiho Kim"].completed_on is not None
    assert rows["Mina Lee"].status == "In progress" and rows["Mina Lee"].completed_on is None
    assert (rows["Jiho Kim"].city, rows["Anna Weber"].city, rows["Sam Zed"].city) == ("Seoul", "Hamburg", "")
    page = response.content.decode()
    assert "Check 3" in page and "Jiho Kim" in page and "Download XLSX" in page


def test_the_filters_by_city_and_status(admin_client, book):
    seoul = admin_client.get(url(book["course"], f"?city={book['seoul'].pk}"))
    assert [row.name for row in seoul.context["rows"]] == ["Jiho Kim", "Mina Lee"]
    completed = admin_client.get(url(book["course"], "?status=completed"))
    assert [row.name for row in completed.context["rows"]] == ["Jiho Kim"]
    services.unenroll(user=book["hamburg"].memberships.get().user, course=book["course"])
    current = admin_client.get(url(book["course"]))
    assert "Anna Weber" not in [row.name for row in current.context["rows"]]
    withdrawn = admin_client.get(url(book["course"], "?status=withdrawn"))
    assert [row.name for row in withdrawn.context["rows"]] == ["Anna Weber"]
    # A city is offered only when its staff take the course; anything else is refused by the form, not obeyed.
    other = OrganisationFactory(name="Elsewhere")
    refused = admin_client.get(url(book["course"], f"?city={other.pk}&status=nonsense"))
    assert refused.status_code == 200
    assert set(refused.context["form"].errors) == {"city", "status"}
    assert len(refused.context["rows"]) == 3  # unfiltered: the current learners
    assert admin_client.get(url(book["course"], "?city=abc")).status_code == 200


def test_the_filter_by_cohort_run(admin_client, site_tree):
    course, lessons = make_course(site_tree["courses"], title="Smart-city strategy", format=CoursePage.Format.COHORT)
    (quiz_lesson,) = add_quizzes(lessons, 0)
    today = timezone.localdate()
    spring = CohortRun.objects.create(
        course=course, starts_on=today + dt.timedelta(days=10), ends_on=today + dt.timedelta(days=40)
    )
    autumn = CohortRun.objects.create(
        course=course, starts_on=today + dt.timedelta(days=90), ends_on=today + dt.timedelta(days=120)
    )
    city = OrganisationFactory(name="Seoul")
    early, late = make_member(city, last_name="Early"), make_member(city, last_name="Late")
    services.enroll(user=early, course=course, run=spring)
    services.enroll(user=late, course=course, run=autumn)
    attempt(late, course, quiz_lesson, 1)
    response = admin_client.get(url(course, f"?run={autumn.pk}"))
    (row,) = response.context["rows"]
    assert row.email == late.email and scores(row) == [(50, 50, 1)]
    assert "–" in row.run
    assert [row.email for row in admin_client.get(url(course, f"?run={spring.pk}")).context["rows"]] == [early.email]


def test_the_first_step_lists_the_courses_with_learners(admin_client, book):
    index = admin_client.get("/admin/reports/gradebook/")
    assert index.status_code == 200
    assert [(course.title, course.learners) for course in index.context["courses"]] == [("Open data basics", 4)]
    assert f'href="/admin/reports/gradebook/{book["course"].pk}/"' in index.content.decode()
    assert admin_client.get("/admin/reports/gradebook/999999/").status_code == 404


def test_the_exports_are_the_whole_filtered_gradebook_with_formulas_neutralised(admin_client, book):
    kim = book["seoul"].memberships.get(user__last_name="Kim").user
    kim.first_name = "=HYPERLINK(1)"
    kim.save()
    exported = admin_client.get(url(book["course"], f"?city={book['seoul'].pk}&export=csv&p=2"))
    assert exported.status_code == 200
    assert exported["Content-Disposition"] == 'attachment; filename="gradebook-open-data-basics.csv"'
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert table[0][:6] == ["Learner", "Email", "City", "Cohort run", "Status", "Completed on"]
    assert table[0][6:] == [
        "Open data basics: lesson 1.2: best score (%)",
        "Open data basics: lesson 1.2: last score (%)",
        "Open data basics: lesson 1.2: attempts",
        "Open data basics: lesson 2.2: best score (%)",
        "Open data basics: lesson 2.2: last score (%)",
        "Open data basics: lesson 2.2: attempts",
    ]
    assert [row[0] for row in table[1:]] == ["'=HYPERLINK(1) Kim", "Mina Lee"]
    assert table[2][6:] == ["50", "0", "2", "50", "50", "1"]

    workbook = admin_client.get(url(book["course"], "?export=xlsx"))
    assert workbook["Content-Disposition"] == 'attachment; filename="gradebook-open-data-basics.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 5
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["'=HYPERLINK(1) Kim"][6:] == (100, 100, 2, 100, 100, 1)  # numbers stay numbers
    assert by_name["Sam Zed"][6:] == (None, None, 0, None, None, 0)
    assert by_name["Mina Lee"][2] == "Seoul"
    assert sheet.cell(row=2, column=1).data_type == "s"  # text, never a formula


def test_the_page_shows_fifty_learners_and_the_export_all(admin_client, site_tree):
    course, lessons = make_course(site_tree["courses"], title="Large course")
    add_quizzes(lessons, 0)
    city = OrganisationFactory()
    for _ in range(52):
        services.enroll(user=make_member(city), course=course)
    first = admin_client.get(url(course))
    assert len(first.context["rows"]) == 50
    assert len(admin_client.get(url(course, "?p=2")).context["rows"]) == 2
    exported = admin_client.get(url(course, "?export=csv"))
    assert len(list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))) == 53


def grant(user, *codenames):
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", *codenames], content_type__app_label__in=["wagtailadmin", "courses"]
        )
    )


@pytest.mark.parametrize("role", ["staff", "focal_point"])
def test_members_and_focal_points_may_not_see_the_gradebook(client, book, role):
    client.force_login(make_member(book["seoul"], role=role))
    for path in ("/admin/reports/gradebook/", url(book["course"]), url(book["course"], "?export=xlsx")):
        refused = client.get(path)
        assert refused.status_code == 302 and refused["Location"].startswith("/accounts/login/")


def test_the_admin_without_the_gradebook_permissions_is_refused(client, book):
    editor = UserFactory(is_staff=True)
    grant(editor, "view_enrollment")  # the learning report's permission: not quiz results
    client.force_login(editor)
    assert client.get("/admin/reports/learning/").status_code == 200
    for path in ("/admin/reports/gradebook/", url(book["course"]), url(book["course"], "?export=csv")):
        refused = client.get(path)  # Wagtail's admin turns the refusal into a message on its dashboard
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "/admin/reports/gradebook/" not in client.get("/admin/").content.decode()
    grant(editor, "view_quizattempt")
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached on the instance
    client.force_login(editor)
    assert client.get(url(book["course"])).status_code == 200
    assert client.get(url(book["course"], "?export=csv")).status_code == 200


def learners_with_attempts(site_tree, learners, attempts):
    course, lessons = make_course(site_tree["courses"], title=f"Course of {learners}×{attempts}")
    quiz_lessons = add_quizzes(lessons, 1, 3)
    city = OrganisationFactory()
    for _ in range(learners):
        person = make_member(city)
        services.enroll(user=person, course=course)
        for lesson in quiz_lessons:
            for _ in range(attempts):
                attempt(person, course, lesson, 1)
    return course, city


def test_the_number_of_queries_does_not_grow_with_learners_or_attempts(
    admin_client, site_tree, django_assert_num_queries
):
    books = [learners_with_attempts(site_tree, learners, attempts) for learners, attempts in ((3, 1), (30, 1), (3, 5))]
    for query in ("", "?city={city}&status=active", "?p=1", "?export=csv", "?export=xlsx"):
        expected = None
        for course, city in books:
            path = url(course, query.format(city=city.pk))
            admin_client.get(path)  # the session and the admin's menus, once
            if expected is None:
                with CaptureQueriesContext(connection) as captured:
                    assert admin_client.get(path).status_code == 200
                expected = len(captured)
                continue
            with django_assert_num_queries(expected):
                assert admin_client.get(path).status_code == 200
