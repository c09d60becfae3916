"""The Elasticsearch engine without a server (none can run on our machines): the index mapping Wagtail gives our
pages, the request the engine sends, and how it reads an answer, each checked against expected JSON or a parsed
elasticsearch-dsl response. The contract suite runs the engine for real when ELASTICSEARCH_URL is set."""

import json
from pathlib import Path

import pytest
from elasticsearch_dsl.faceted_search import FacetedResponse
from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping, Elasticsearch8SearchBackend

from members.services import restrict_page_to_members
from search.engines.base import SearchRequest, Visibility
from search.engines.elasticsearch import (
    KIND_FIELD,
    SNIPPET_FIELDS,
    TOPIC_FIELD,
    ElasticsearchEngine,
    KnowledgeSearch,
    knowledge_search,
    outcome_from_response,
)
from search.kinds import KINDS
from tests.factories import CasePageFactory, ToolkitPageFactory, TopicFactory

EXPECTED = Path(__file__).parent / "elasticsearch"
INDEX = "wego_hub_wagtailcore_page"


def expected(name):
    return json.loads((EXPECTED / name).read_text())


def sent(search_request, scope=None):
    return knowledge_search(search_request, scope or Visibility(), index=INDEX)._s.to_dict()


def test_the_index_mapping_is_the_expected_one():
    mappings = {kind.document_type: Elasticsearch8Mapping(kind.model).get_mapping() for kind in KINDS}
    assert json.loads(json.dumps(mappings)) == expected("mapping.json")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_every_field_the_engine_asks_for_is_in_the_mapping_with_the_right_type(kind):
    properties = Elasticsearch8Mapping(kind.model).get_mapping()["properties"]
    assert properties["title"]["type"] == "text" and "_all_text" in properties["title"]["copy_to"]
    assert properties["_all_text"]["type"] == "text"
    assert properties["live_filter"]["type"] == "boolean"
    assert properties["path_filter"]["type"] == properties[KIND_FIELD]["type"] == "keyword"
    assert properties["locale_id_filter"]["type"] == "integer"  # the reader's language (search.selectors)
    assert any(field in properties for field in SNIPPET_FIELDS)
    if kind.has_topics:
        assert properties[TOPIC_FIELD] == {"type": "keyword"}  # one field for every kind with topics
    else:
        assert TOPIC_FIELD not in properties


@pytest.mark.django_db
def test_a_page_document_carries_its_topics_and_what_filters_it(site_tree):
    harbours, water = TopicFactory(name="Harbours", slug="harbours"), TopicFactory(name="Water", slug="water")
    case = CasePageFactory(parent=site_tree["cases"], title="Busan smart port")
    case.topics.set([harbours, water])
    case.save()
    document = Elasticsearch8Mapping(type(case)).get_document(case)
    assert sorted(document[TOPIC_FIELD]) == ["harbours", "water"]
    assert document["live_filter"] is True and document["path_filter"] == case.path
    assert document["locale_id_filter"] == case.locale_id
    assert document[KIND_FIELD][0] == "cases.CasePage" and "wagtailcore.Page" in document[KIND_FIELD]
    assert document["title"] == "Busan smart port"


def test_the_request_for_words_is_the_expected_one():
    assert sent(SearchRequest(text="open data")) == expected("query_words.json")


def test_the_request_with_a_type_a_topic_hidden_subtrees_and_page_3_is_the_expected_one():
    request = SearchRequest(text="harbour", kind="case", topic="water", page=3)
    scope = Visibility(hidden_paths=("000100010002", "000100010005"))
    assert sent(request, scope) == expected("query_filtered_page_3.json")


def test_the_request_keeps_to_the_readers_language():
    body = sent(SearchRequest(text="harbour"), Visibility(locale_id=7))
    assert {"term": {"locale_id_filter": 7}} in body["query"]["bool"]["filter"]
    assert "locale_id_filter" not in json.dumps(sent(SearchRequest(text="harbour")))


def test_the_request_is_bounded_and_ignores_an_unknown_type():
    body = sent(SearchRequest(text="harbour", kind="podcast", page=10**9))
    assert "post_filter" not in body  # an unknown type filters nothing
    assert body["from"] + body["size"] <= 1000  # never past the pages one may open


def test_the_backend_points_at_one_page_index_with_the_configured_prefix():
    backend = Elasticsearch8SearchBackend({"URLS": ["http://es.internal:9200"], "INDEX_PREFIX": "wego_hub_"})
    assert ElasticsearchEngine(backend).index_name == INDEX


def es_answer(hits, kinds, topics, total):
    """An Elasticsearch 8 search response, as the server sends it."""
    return {
        "took": 3,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": total, "relation": "eq"}, "max_score": 2.0, "hits": hits},
        "aggregations": {
            "_filter_kind": {"doc_count": total, "kind": {"buckets": [{"key": k, "doc_count": n} for k, n in kinds]}},
            "_filter_topic": {
                "doc_count": total,
                "topic": {"buckets": [{"key": k, "doc_count": n} for k, n in topics]},
            },
        },
    }


def hit(page, highlight=None):
    found = {"_index": INDEX, "_id": str(page.pk), "_score": 1.0, "_source": {"pk": str(page.pk)}}
    if highlight:
        found["highlight"] = highlight
    return found


@pytest.mark.django_db
def test_an_answer_becomes_the_contract_outcome_and_nothing_hidden_slips_through(site_tree, rf):
    case = CasePageFactory(parent=site_tree["cases"], title="Busan smart port", summary="The harbour pilot.")
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title="Harbour data toolkit")
    members_only = CasePageFactory(parent=site_tree["cases"], title="Harbour clinic")
    restrict_page_to_members(members_only)
    withdrawn = CasePageFactory(parent=site_tree["cases"], title="Harbour draft")
    withdrawn.unpublish()
    request = SearchRequest(text="harbour")
    scope = Visibility(hidden_paths=(members_only.path,))
    answer = es_answer(
        [
            hit(toolkit, {"title": ["\x02Harbour\x03 data toolkit"]}),
            hit(case, {"cases_casepage__summary": ["The \x02harbour\x03 pilot <b>now</b>."]}),
            hit(members_only),  # a stale index must not show what the visitor may not open
            hit(withdrawn),
            {"_index": INDEX, "_id": "999999", "_score": 0.5, "_source": {"pk": "999999"}},  # deleted since
        ],
        kinds=[("cases.CasePage", 3), ("toolkits.ToolkitPage", 1)],
        topics=[("harbours", 2)],
        total=4,
    )
    faceted = knowledge_search(request, scope, index=INDEX)
    response = FacetedResponse(faceted._s, answer)
    response._faceted_search = faceted
    outcome = outcome_from_response(request, response, scope)

    assert [h.page.pk for h in outcome.hits] == [toolkit.pk, case.pk]
    assert [h.kind.key for h in outcome.hits] == ["toolkit", "case"]
    assert outcome.hits[0].title == "<mark>Harbour</mark> data toolkit"
    assert outcome.hits[1].snippet == "The <mark>harbour</mark> pilot &lt;b&gt;now&lt;/b&gt;."
    assert outcome.hits[1].title == "Busan smart port"  # no title highlight: the title as it is
    assert outcome.kind_counts == {"case": 3, "toolkit": 1}
    assert outcome.topic_counts == {"harbours": 2}
    assert outcome.total == 4 and outcome.page == 1


def test_the_faceted_search_counts_each_facet_under_the_other_filter():
    faceted = KnowledgeSearch("harbour", scope=Visibility(), filters={"kind": "cases.CasePage", "topic": "water"})
    aggs = faceted._s.to_dict()["aggs"]
    assert aggs["_filter_kind"]["filter"] == {"terms": {TOPIC_FIELD: ["water"]}}
    assert aggs["_filter_topic"]["filter"] == {"terms": {KIND_FIELD: ["cases.CasePage"]}}


def closed_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe closes


@pytest.fixture
def elasticsearch_down(settings):
    url = f"http://127.0.0.1:{closed_port()}"
    settings.ELASTICSEARCH_URL = url
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.elasticsearch8", "URLS": [url], "TIMEOUT": 1, "OPTIONS": {}}
    }


@pytest.mark.django_db
def test_an_elasticsearch_that_does_not_answer_is_a_plain_message_not_a_500(client, site_tree, elasticsearch_down):
    response = client.get("/search/", {"q": "harbour"})
    assert response.status_code == 503
    assert "Search is not available at the moment" in response.content.decode()
    assert response.context["outcome"] is None
    assert 'name="q"' in response.content.decode()  # the form is still there to try again


@pytest.mark.django_db
def test_suggestions_without_elasticsearch_are_an_empty_list(client, site_tree, elasticsearch_down):
    response = client.get("/search/suggest/", {"q": "harb"})
    assert response.status_code == 503
    assert response.json()["suggestions"] == []
