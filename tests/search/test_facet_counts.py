"""The database engine's facet counts stay bounded over many matches (issue 19): the kinds in one SQL statement,
the topics in one per kind that has topics (four at most), whatever the number of matches. (Elasticsearch answers
both facets in its one round trip: tests/search/test_elasticsearch_offline.py.)"""

import pytest
from wagtail.models import Locale

from search.engines.base import Visibility
from search.engines.database import _kind_counts, _topic_counts, matching_pages
from search.kinds import KINDS, KINDS_BY_KEY
from tests.factories import CasePageFactory, EventPageFactory, ToolkitPageFactory, TopicFactory, make_course
from tests.translations import locale

pytestmark = pytest.mark.django_db


def tagged(page, *topics):
    page.topics.set(topics)
    page.save()
    return page


@pytest.fixture
def matches(site_tree, search_index, engine_name):
    """Harbour pages of every kind with topics, and a lesson (no topics of its own)."""
    if engine_name != "database":
        pytest.skip("the database engine's own SQL")
    harbours = TopicFactory(name="Harbours", slug="harbours")
    water = TopicFactory(name="Water", slug="water")
    french_water = water.copy_for_translation(locale("fr"))
    french_water.name, french_water.slug = "Eau", "eau"
    french_water.save()
    course, _lessons = make_course(site_tree["courses"], title="Harbour course", modules=1, lessons_per_module=1)
    tagged(course, harbours)
    tagged(ToolkitPageFactory(parent=site_tree["toolkits"], title="Harbour kit"), harbours, water)
    tagged(EventPageFactory(parent=site_tree["events"], title="Harbour day"), water)
    # Tagged with a topic and its French translation: one page of that topic, not two.
    tagged(CasePageFactory(parent=site_tree["cases"], title="Harbour case"), water, french_water)
    # No match (tagged with a topic whose name is not the word: PostgreSQL would find "harbour" in "Harbours").
    tagged(CasePageFactory(parent=site_tree["cases"], title="Airport case"), water)
    search_index.refresh()
    return matching_pages(Visibility(locale_id=Locale.get_default().id), "harbour")


def test_the_topic_counts_are_one_query_per_kind_with_topics(matches, django_assert_num_queries):
    kinds = [kind for kind in KINDS if kind.has_topics]
    assert len(kinds) == 4
    _topic_counts(matches, kinds)  # warms Django's content-type cache (a query the first time in a process)
    with django_assert_num_queries(5):  # one per kind, and the reader's topics that name them
        counts = _topic_counts(matches, kinds)
    assert counts == {"harbours": 2, "water": 3}
    with django_assert_num_queries(2):  # the caller passes only the kinds that have matches
        assert _topic_counts(matches.filter(title__startswith="Harbour case"), [KINDS_BY_KEY["case"]]) == {"water": 1}
    with django_assert_num_queries(0):
        assert _topic_counts(matches, []) == {}


def test_the_kind_counts_are_one_query(matches, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = _kind_counts(matches)
    assert counts == {"course": 1, "lesson": 1, "toolkit": 1, "event": 1, "case": 1}
