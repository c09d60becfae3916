"""The Elasticsearch engine: Wagtail's ``elasticsearch8`` backend builds and keeps the index (``update_index``,
publishing, unpublishing); elasticsearch-dsl's faceted search asks it for one page of hits, the highlights and the
counts per kind and per topic in one round trip.

The index is Wagtail's page index, so the field names below are the ones its mapping gives: ``title``,
``_all_text`` (every searchable field), ``<app>_<model>__summary``, ``live_filter``, ``path_filter``,
``locale_id_filter``, ``_django_content_type`` and ``core_contentpage__topic_slugs_filter``
(``ContentPage.topic_slugs``).
tests/search/test_elasticsearch_offline.py checks them against the mapping and the request against expected JSON.
"""

import logging
from contextlib import contextmanager
from dataclasses import replace

from django.utils.html import escape
from django.utils.safestring import mark_safe
from elasticsearch import ApiError, TransportError
from elasticsearch_dsl import FacetedSearch, Q, TermsFacet
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.exceptions import SearchUnavailable
from search.highlight import SNIPPET_LENGTH, highlight, snippet
from search.kinds import KINDS, KINDS_BY_KEY, kind_of

from .base import MAX_RESULTS, PER_PAGE, Hit, SearchOutcome, clamp_page, last_page, suggest_titles

logger = logging.getLogger(__name__)

TOPIC_FIELD = "core_contentpage__topic_slugs_filter"
KIND_FIELD = "_django_content_type"
# Markers ES puts around matches; control characters cannot be in the text (the form strips them), so after
# escaping everything they become the only <mark> tags.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SNIPPET_FIELDS = [f"{kind.model._meta.app_label}_{kind.model.__name__.lower()}__summary" for kind in KINDS]


class KnowledgeSearch(FacetedSearch):
    fields = ["title^3", "_all_text"]
    facets = {
        "kind": TermsFacet(field=KIND_FIELD, include=[kind.document_type for kind in KINDS], size=len(KINDS)),
        "topic": TermsFacet(field=TOPIC_FIELD, size=100),
    }

    def __init__(self, text, *, scope, filters, client=None, index=None):
        self.scope, self.using, self.index = scope, client, index
        super().__init__(text, filters)

    def search(self):
        search = super().search().source(["pk"]).extra(track_total_hits=True)
        search = search.filter("term", live_filter=True).filter(
            "terms", **{KIND_FIELD: [kind.document_type for kind in KINDS]}
        )
        if self.scope.locale_id is not None:
            search = search.filter("term", locale_id_filter=self.scope.locale_id)
        for path in self.scope.hidden_paths:
            search = search.exclude("prefix", path_filter=path)
        return search

    def query(self, search, query):
        return search.query(Q("multi_match", query=query, fields=self.fields, operator="and"))

    def highlight(self, search):
        # The whole title; one fragment of the summary around the match. The query runs on _all_text, so the
        # highlighter must not require the highlighted field to be the one that matched.
        search = search.highlight("title", number_of_fragments=0)
        search = search.highlight(*SNIPPET_FIELDS, number_of_fragments=1, fragment_size=SNIPPET_LENGTH)
        return search.highlight_options(pre_tags=[MARK_OPEN], post_tags=[MARK_CLOSE], require_field_match=False)


def knowledge_search(request, scope, *, client=None, index=None):
    """The request as elasticsearch-dsl builds it (the offline tests read its ``to_dict()``)."""
    filters = {}
    if request.kind in KINDS_BY_KEY:
        filters["kind"] = KINDS_BY_KEY[request.kind].document_type
    if request.topic:
        filters["topic"] = request.topic
    faceted = KnowledgeSearch(request.text, scope=scope, filters=filters, client=client, index=index)
    start = (clamp_page(request.page, MAX_RESULTS) - 1) * PER_PAGE
    return faceted[start : start + PER_PAGE]


def marked(fragment):
    # Everything escaped first; only our own markers become tags.
    return mark_safe(escape(fragment).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))  # noqa: S308


def outcome_from_response(request, response, scope):
    """Turn Elasticsearch's answer into the contract's outcome. Pages are read from the database, and only those
    still visible there: a stale index never shows what the visitor may not open."""
    by_document_type = {kind.document_type: kind for kind in KINDS}
    kind_counts = {by_document_type[value].key: count for value, count, _selected in response.facets.kind}
    topic_counts = {value: count for value, count, _selected in response.facets.topic}
    ids = [int(hit.meta.id) for hit in response.hits]
    pages = scope.pages().filter(id__in=ids).specific().in_bulk() if ids else {}
    hits = []
    for result in response.hits:
        page = pages.get(int(result.meta.id))
        if page is None:
            continue
        highlights = result.meta.to_dict().get("highlight", {})
        title = highlights.get("title")
        summary = next((highlights[name] for name in SNIPPET_FIELDS if name in highlights), None)
        hits.append(
            Hit(
                page=page,
                kind=kind_of(page),
                title=marked(title[0]) if title else highlight(page.title, request.terms),
                snippet=marked(summary[0]) if summary else snippet(page.summary or "", request.terms),
            )
        )
    total = response.hits.total.value
    return SearchOutcome(
        request=request,
        hits=hits,
        total=total,
        page=min(max(request.page, 1), last_page(total)),
        kind_counts=kind_counts,
        topic_counts=topic_counts,
    )


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, backend=None):
        self.backend = backend or get_search_backend()

    @property
    def index_name(self):
        return self.backend.get_index_for_model(Page).name

    def search(self, request, scope):
        response = self._execute(request, scope)
        total = response.hits.total.value
        if total and not response.hits and request.page > 1:
            # Past the last page (an edited URL): show the last page instead.
            request = replace(request, page=last_page(total))
            response = self._execute(request, scope)
        return outcome_from_response(request, response, scope)

    def suggest(self, text, scope, limit):
        with answered_or_unavailable("the suggestions"):
            return suggest_titles(text, scope, limit)

    def _execute(self, request, scope):
        with answered_or_unavailable("the search"):
            return knowledge_search(request, scope, client=self.backend.es, index=self.index_name).execute()


@contextmanager
def answered_or_unavailable(what):
    """Elasticsearch down, refusing or too slow becomes SearchUnavailable (a plain message), logged once."""
    try:
        yield
    except (ApiError, TransportError) as error:
        logger.error("Elasticsearch did not answer %s: %s", what, error)
        raise SearchUnavailable from error
