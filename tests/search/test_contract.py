"""The search contract: what /search/ must do whichever engine answers (tests/search/conftest.py picks it).

Every test goes through the view, as a visitor would, and reads the outcome the page was rendered from."""

import datetime as dt

import pytest
from django.core.management import call_command

from members.services import restrict_page_to_members
from tests.factories import (
    CasePageFactory,
    CoursePageFactory,
    EventPageFactory,
    OrganisationFactory,
    ToolkitPageFactory,
    TopicFactory,
    UserFactory,
    make_course,
    make_member,
)

pytestmark = pytest.mark.django_db


def search(client, index, **params):
    index.refresh()
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.context["outcome"], response.content.decode()


def titles(outcome):
    return sorted(hit.page.title for hit in outcome.hits)


def tagged(page, *topics):
    page.topics.set(topics)
    page.save()  # saves the topics with the page, and re-indexes it
    return page


@pytest.fixture
def library(site_tree, search_index):
    """One page of each kind that speaks of harbours, and pages that do not."""
    harbour = TopicFactory(name="Harbours", slug="harbours")
    water = TopicFactory(name="Water", slug="water")
    course, lessons = make_course(site_tree["courses"], title="Harbour logistics", modules=1, lessons_per_module=1)
    return {
        "topics": (harbour, water),
        "course": tagged(course, harbour),
        "lesson": lessons[0],
        "toolkit": tagged(
            ToolkitPageFactory(parent=site_tree["toolkits"], title="Harbour data toolkit"), harbour, water
        ),
        "case": tagged(
            CasePageFactory(parent=site_tree["cases"], title="Busan smart port", summary="The harbour pilot."), water
        ),
        "event": EventPageFactory(parent=site_tree["events"], title="Harbour cities forum"),
        "other": CasePageFactory(parent=site_tree["cases"], title="Parking sensors", summary="Cars, not ships."),
    }


def test_one_word_finds_every_kind_of_page_and_nothing_else(client, library, search_index):
    outcome, html = search(client, search_index, q="harbour")
    assert {hit.kind.key for hit in outcome.hits} == {"course", "lesson", "toolkit", "case", "event"}
    assert outcome.total == 5 and "Parking sensors" not in html
    assert outcome.kind_counts == {"course": 1, "lesson": 1, "toolkit": 1, "case": 1, "event": 1}
    assert "5 results for “harbour”" in html


def test_every_word_must_be_there(client, library, search_index):
    outcome, _ = search(client, search_index, q="harbour toolkit")
    assert titles(outcome) == ["Harbour data toolkit"]
    outcome, _ = search(client, search_index, q="harbour sensors")
    assert outcome.total == 0 and outcome.hits == []


def test_narrowing_by_type_counts_the_topics_of_that_type(client, library, search_index):
    outcome, html = search(client, search_index, q="harbour", type="toolkit")
    assert titles(outcome) == ["Harbour data toolkit"]
    assert outcome.total == 1
    # The type counts stay those of every type (counted under the other filter, the topic, which is unset) ...
    assert outcome.kind_counts["case"] == 1
    # ... while the topic counts are the toolkit's.
    assert outcome.topic_counts == {"harbours": 1, "water": 1}
    assert "Toolkits (1)" in html and "Water (1)" in html


def test_narrowing_by_topic_counts_the_types_of_that_topic(client, library, search_index):
    outcome, html = search(client, search_index, q="harbour", topic="water")
    assert titles(outcome) == ["Busan smart port", "Harbour data toolkit"]
    assert outcome.kind_counts == {"toolkit": 1, "case": 1}
    assert outcome.topic_counts == {"harbours": 2, "water": 2}
    assert "Cases (1)" in html and "Courses (0)" in html and "Harbours (2)" in html
    outcome, _ = search(client, search_index, q="harbour", topic="water", type="case")
    assert titles(outcome) == ["Busan smart port"]


def test_matches_are_marked_in_titles_and_snippets(client, library, search_index):
    outcome, html = search(client, search_index, q="harbour")
    case = next(hit for hit in outcome.hits if hit.kind.key == "case")
    assert "The <mark>harbour</mark> pilot." in case.snippet
    toolkit = next(hit for hit in outcome.hits if hit.kind.key == "toolkit")
    assert "<mark>Harbour</mark> data toolkit" in toolkit.title
    assert "<mark>Harbour</mark> data toolkit</a>" in html


def test_each_result_says_what_it_is_where_and_when(client, library, search_index):
    event = library["event"]
    event.start = dt.datetime(2027, 3, 9, 0, 30, tzinfo=dt.UTC)  # 09:30 in Seoul
    event.end = event.start + dt.timedelta(hours=2)
    event.save()
    outcome, html = search(client, search_index, q="harbour")
    details = {hit.kind.key: [str(detail) for detail in hit.details] for hit in outcome.hits}
    assert details["event"] == ["March 9, 2027, 9:30 a.m. (Asia/Seoul)", "Seoul, South Korea"]
    assert details["lesson"] == ["In the course “Harbour logistics”"]
    assert details["course"][0] == library["course"].get_level_display()
    assert details["case"][0] == library["case"].get_kind_display()
    assert "March 9, 2027, 9:30 a.m. (Asia/Seoul) · Seoul, South Korea" in html


def test_marking_never_lets_page_text_through_as_html(client, site_tree, search_index):
    CasePageFactory(parent=site_tree["cases"], title="Tide <script>alert(1)</script>", summary="<b>tide</b> & flood")
    outcome, html = search(client, search_index, q="tide")
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;<mark>tide</mark>&lt;/b&gt; &amp; flood" in outcome.hits[0].snippet


def test_a_title_match_comes_before_a_mention(client, site_tree, search_index):
    CasePageFactory(parent=site_tree["cases"], title="Ferry timetable data", summary="Boats and a harbour.")
    CasePageFactory(parent=site_tree["cases"], title="Harbour noise map", summary="Listening to the port.")
    outcome, _ = search(client, search_index, q="harbour")
    assert [hit.page.title for hit in outcome.hits] == ["Harbour noise map", "Ferry timetable data"]


def test_results_are_paged_and_a_page_past_the_end_shows_the_last(client, site_tree, search_index):
    for number in range(45):
        CasePageFactory(parent=site_tree["cases"], title=f"Lighthouse case {number}")
    outcome, html = search(client, search_index, q="lighthouse")
    assert outcome.total == 45 and len(outcome.hits) == 20 and "Page 1 of 3" in html
    seen = {hit.page.pk for hit in outcome.hits}
    outcome, _ = search(client, search_index, q="lighthouse", page=3)
    assert outcome.page == 3 and len(outcome.hits) == 5 and seen.isdisjoint(hit.page.pk for hit in outcome.hits)
    outcome, _ = search(client, search_index, q="lighthouse", page=2)
    seen |= {hit.page.pk for hit in outcome.hits}
    assert len(seen) == 40
    for odd in ("99", "0", "-1", "two", "1e9", "9" * 50):
        outcome, _ = search(client, search_index, q="lighthouse", page=odd)
        assert outcome.page == (3 if odd in ("99", "9" * 50) else 1), odd


def test_only_live_pages_the_visitor_may_open(client, site_tree, search_index):
    members_course = CoursePageFactory(parent=site_tree["courses"], title="Members' harbour clinic")
    restrict_page_to_members(members_course)
    CoursePageFactory(parent=site_tree["courses"], title="Public harbour basics")
    draft = CasePageFactory(parent=site_tree["cases"], title="Harbour draft")
    draft.unpublish()
    login_only = CasePageFactory(parent=site_tree["cases"], title="Harbour notes for signed-in people")
    login_only.view_restrictions.create(restriction_type="login")
    from core.models import StandardPage

    site_tree["about"].add_child(instance=StandardPage(title="About the harbour", slug="about-harbour"))

    def found():
        return titles(search(client, search_index, q="harbour")[0])

    assert found() == ["Public harbour basics"]
    client.force_login(UserFactory())
    assert found() == ["Harbour notes for signed-in people", "Public harbour basics"]
    client.force_login(make_member(OrganisationFactory()))
    assert found() == ["Harbour notes for signed-in people", "Members' harbour clinic", "Public harbour basics"]


def test_publishing_and_unpublishing_keep_the_results_current(client, site_tree, search_index):
    case = CasePageFactory(parent=site_tree["cases"], title="Canal cleaning pilot")
    assert titles(search(client, search_index, q="canal")[0]) == ["Canal cleaning pilot"]
    case.title = "Waterway cleaning pilot"
    case.save_revision().publish()
    assert search(client, search_index, q="canal")[0].total == 0
    assert titles(search(client, search_index, q="waterway")[0]) == ["Waterway cleaning pilot"]
    case.unpublish()
    assert search(client, search_index, q="waterway")[0].total == 0


def test_update_index_rebuilds_what_the_index_lost(client, site_tree, search_index):
    CasePageFactory(parent=site_tree["cases"], title="Estuary monitoring pilot")
    draft = CasePageFactory(parent=site_tree["cases"], title="Estuary draft")
    draft.unpublish()
    search_index.refresh()  # indexed, then the index loses everything
    search_index.backend.reset_indexes()
    assert search(client, search_index, q="estuary")[0].total == 0
    call_command("update_index", verbosity=0)
    assert titles(search(client, search_index, q="estuary")[0]) == ["Estuary monitoring pilot"]


def test_unknown_filters_are_ignored(client, library, search_index):
    plain, _ = search(client, search_index, q="harbour")
    odd, _ = search(client, search_index, q="harbour", type="podcast", topic="no-such-topic", colour="red")
    assert titles(odd) == titles(plain) and odd.total == 5


def test_no_words_no_search(client, library, search_index):
    for query in ("", "   ", '"', "\x01", "()*:^"):
        outcome, html = search(client, search_index, q=query)
        assert outcome is None and "Search the hub" in html


def test_the_query_count_does_not_grow_with_the_results(
    client, site_tree, search_index, django_assert_num_queries, django_assert_max_num_queries
):
    topic = TopicFactory(name="Harbours", slug="harbours")

    def add(first, count):
        # Each round adds one page of every kind, so every page of results holds every kind (and lessons, whose
        # course titles are read for the whole page at once).
        for number in range(first, first + count):
            tagged(CasePageFactory(parent=site_tree["cases"], title=f"Harbour case {number}"), topic)
            tagged(ToolkitPageFactory(parent=site_tree["toolkits"], title=f"Harbour kit {number}"), topic)
            EventPageFactory(parent=site_tree["events"], title=f"Harbour day {number}")
            make_course(site_tree["courses"], title=f"Harbour course {number}", modules=1, lessons_per_module=1)
        search(client, search_index, q="harbour")  # warms the content-type and site caches

    add(0, 2)
    with django_assert_max_num_queries(40) as few:
        assert client.get("/search/", {"q": "harbour"}).status_code == 200
    queries_for_few = len(few.captured_queries)  # read now: the log is reset by the next request
    add(2, 20)
    with django_assert_num_queries(queries_for_few):
        outcome = client.get("/search/", {"q": "harbour"}).context["outcome"]
    assert outcome.total == 22 * 5 and len(outcome.hits) == 20
    assert {hit.kind.key for hit in outcome.hits} == {"course", "lesson", "toolkit", "case", "event"}
