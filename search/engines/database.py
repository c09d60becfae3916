"""The database engine: Wagtail's database search backend (SQLite FTS5 or PostgreSQL full-text) for the matching,
plain SQL for the counts, the order and the page, and our own highlighter.

Bounded on purpose: the backend's relevance ranking on SQLite costs O(matches²) (a word in 10,000 pages took 78 s),
so matches are asked for unranked and ordered here by something linear: pages whose title holds more of the words
first, then the most recently published. Every query below is one SQL statement over the matches; none runs per
result.
"""

from django.db.models import Case, Count, F, Q, Value, When
from wagtail.models import Page

from core.facets import by_slug
from core.models import Topic
from search.highlight import highlight, snippet
from search.kinds import KINDS, KINDS_BY_KEY, kind_of

from .base import PER_PAGE, Hit, SearchOutcome, clamp_page, suggest_titles

MAX_RANKED_TERMS = 8


def matching_pages(scope, text):
    """The visible pages of the searchable kinds holding every word of ``text``, as a plain queryset."""
    pages = scope.pages().filter(content_type__in=[kind.content_type_id for kind in KINDS])
    results = pages.search(text, operator="and", order_by_relevance=False)
    # The backend's own queryset of every match (both database backends build one; it is what their
    # facet() counts over), so the counts and the page below are ordinary SQL over it.
    return results.get_queryset()


def _with_topic(pages, slug):
    """Pages tagged with the reader's topic ``slug`` or any translation of it (matched on the translation key)."""
    keys = Topic.objects.for_reader().filter(slug=slug).values("translation_key")
    condition = Q()
    for kind in KINDS:
        if kind.has_topics:
            through = kind.model.topics.through
            tagged = through.objects.filter(topic__translation_key__in=keys)
            condition |= Q(id__in=tagged.values(f"{page_column(through)}_id"))
    return pages.filter(condition)


def page_column(through):
    """The through table's column pointing at the page (``casepage``, ``coursepage``, …)."""
    return next(f.name for f in through._meta.get_fields() if f.is_relation and f.name != "topic" and f.many_to_one)


def _kind_counts(pages):
    by_content_type = {kind.content_type_id: kind.key for kind in KINDS}
    rows = pages.order_by().values_list("content_type").annotate(total=Count("id"))
    return {by_content_type[content_type]: total for content_type, total in rows if content_type in by_content_type}


def _topic_counts(pages, kinds):
    """{topic slug: pages} summed over the kinds that have topics, a topic and its translations counted as one and
    named by the reader's slug: one query per such kind with matches (four at most, whatever the number of
    matches), and one for the reader's topics. Reading the four tag tables as one (UNION ALL) in a single
    statement measured twice as slow on PostgreSQL at 10,000 cases (82 ms against 43 ms for "city")."""
    counts = {}
    for kind in kinds:
        through = kind.model.topics.through
        page_field = page_column(through)
        rows = (
            through.objects.filter(
                **{f"{page_field}__in": pages.filter(content_type=kind.content_type_id).values("id")}
            )
            .values_list("topic__translation_key")
            .annotate(total=Count(page_field, distinct=True))
            .order_by()
        )
        for key, total in rows:
            counts[str(key)] = counts.get(str(key), 0) + total
    return by_slug(counts, Topic.objects.for_reader()) if counts else {}


def _page_of(pages, terms, start):
    """The specific pages of one page of results, in order. The order is taken over ids alone: selecting whole rows
    would carry every match's search vector through the sort (on PostgreSQL, a third of the query's time)."""
    title_hits = sum(
        (Case(When(title__icontains=term, then=Value(1)), default=Value(0)) for term in terms[:MAX_RANKED_TERMS]),
        Value(0),
    )
    # The reader's language first: its translations, then the aliases that show an original's words.
    ordered = pages.annotate(title_hits=title_hits).order_by(
        F("alias_of").asc(nulls_first=True), "-title_hits", "-first_published_at", "-id"
    )
    ids = list(ordered.values_list("id", flat=True)[start : start + PER_PAGE])
    found = Page.objects.filter(id__in=ids).specific().in_bulk()
    return [found[page_id] for page_id in ids if page_id in found]


class DatabaseEngine:
    name = "database"

    def suggest(self, text, scope, limit):
        return suggest_titles(text, scope, limit)

    def search(self, request, scope):
        matches = matching_pages(scope, request.text)
        kind = KINDS_BY_KEY.get(request.kind)
        by_topic = _with_topic(matches, request.topic) if request.topic else matches
        by_kind = matches.filter(content_type=kind.content_type_id) if kind else matches

        kind_counts = _kind_counts(by_topic)
        total = kind_counts.get(kind.key, 0) if kind else sum(kind_counts.values())
        # Topic counts only for kinds that can have any: a kind without matches adds nothing.
        topic_kinds = [
            k
            for k in KINDS
            if k.has_topics and (kind is None or k is kind) and (request.topic or kind_counts.get(k.key))
        ]
        topic_counts = _topic_counts(by_kind, topic_kinds)

        page = clamp_page(request.page, total)
        chosen = by_topic.filter(content_type=kind.content_type_id) if kind else by_topic
        start = (page - 1) * PER_PAGE
        found = _page_of(chosen, request.terms, start) if total else []
        hits = [
            Hit(
                page=found_page,
                kind=kind_of(found_page),
                title=highlight(found_page.title, request.terms),
                snippet=snippet(found_page.summary or "", request.terms),
            )
            for found_page in found
        ]
        return SearchOutcome(
            request=request,
            hits=hits,
            total=total,
            page=page,
            kind_counts=kind_counts,
            topic_counts=topic_counts,
        )
