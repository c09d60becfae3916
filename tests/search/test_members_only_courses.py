"""A members-only course in the search: everyone finds the course page (public, marked); only members find its
lessons, and a lesson's words never bring it up for anyone else (nor in the suggestions)."""

import pytest
from wagtail.rich_text import RichText

from courses.models import CoursePage
from tests.factories import OrganisationFactory, UserFactory, make_course, make_member
from tests.search.test_contract import search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_course(site_tree, search_index):
    course, lessons = make_course(
        site_tree["courses"],
        title="Lighthouse strategy",
        audience=CoursePage.Audience.MEMBERS,
        modules=1,
        lessons_per_module=1,
    )
    lesson = lessons[0]
    lesson.title = "Lighthouse governance"
    lesson.body = [("paragraph", RichText("<p>The foghorn budget line every member city keeps.</p>"))]
    lesson.save_revision().publish()
    return course, lesson


def test_everyone_finds_the_course_and_only_members_find_its_lessons(client, members_course, search_index):
    outcome, html = search(client, search_index, q="lighthouse")
    assert titles(outcome) == ["Lighthouse strategy"]
    assert "Members only" in html
    assert search(client, search_index, q="foghorn")[0].total == 0

    client.force_login(UserFactory())
    assert titles(search(client, search_index, q="lighthouse")[0]) == ["Lighthouse strategy"]
    assert search(client, search_index, q="foghorn")[0].total == 0

    client.force_login(make_member(OrganisationFactory()))
    assert titles(search(client, search_index, q="lighthouse")[0]) == ["Lighthouse governance", "Lighthouse strategy"]
    assert titles(search(client, search_index, q="foghorn")[0]) == ["Lighthouse governance"]


def test_suggestions_offer_the_course_to_everyone_and_its_lessons_to_members(client, members_course, search_index):
    def suggested():
        search_index.refresh()
        return sorted(item["title"] for item in client.get("/search/suggest/", {"q": "lighth"}).json()["suggestions"])

    assert suggested() == ["Lighthouse strategy"]
    client.force_login(make_member(OrganisationFactory()))
    assert suggested() == ["Lighthouse governance", "Lighthouse strategy"]
