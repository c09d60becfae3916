"""Reads for the case library and case pages. Each is a fixed number of queries, whatever the number of cases."""

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from wagtail import hooks

from core.countries import country_name
from core.facets import by_slug, cached, listing_version, topic_counts, value_counts, with_topic
from core.i18n import in_reader_language, in_reader_language_each
from core.listings import PAGE_CARD_FIELDS
from core.models import Topic
from core.pagination import paginate

from .forms import FACETS, CaseLibraryForm
from .models import CasePage, CaseRelation

PAGE_SIZE = 20
CARD_FIELDS = (
    *PAGE_CARD_FIELDS,
    "kind",
    "stage",
    "city",
    "country",
    "start_year",
    "end_year",
    "cover_image",
)
FACET_FIELDS = {"kind": "kind", "stage": "stage", "region": "region", "country": "country", "budget": "budget_band"}


def recent_cases(limit=3):
    """The newest cases, each once: in the reader's language (its translation, or the alias standing in)."""
    return in_reader_language(CasePage.objects.live().public()).order_by("-first_published_at")[:limit]


def library_cases(index_page):
    return CasePage.objects.child_of(index_page).live().public()


# --- The faceted library ---------------------------------------------------------------------------


def text_filter(words):
    query = Q()
    for word in words:
        query &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(city__icontains=word)
    return query


def apply_filters(cases, filters, skip=None):
    """AND across facets, OR within one; ``skip`` leaves one facet out (to count its choices)."""
    if filters["q"] and skip != "q":
        cases = cases.filter(text_filter(filters["q"].split()))
    for name, field in FACET_FIELDS.items():
        if filters[name] and skip != name:
            cases = cases.filter(**{f"{field}__in": filters[name]})
    if filters["topic"] and skip != "topic":
        cases = with_topic(CasePage, cases, filters["topic"])
    if filters["year_from"]:  # a case counts for a year range when its years overlap it
        cases = cases.filter(
            Q(end_year__gte=filters["year_from"]) | Q(end_year=None, start_year__gte=filters["year_from"])
        )
    if filters["year_to"]:
        cases = cases.filter(start_year__lte=filters["year_to"])
    return cases


def facet_counts(base, filters):
    """{facet: {value: count}}: each facet counted under all the other filters, one query per facet."""
    counts = {
        name: value_counts(apply_filters(base, filters, skip=name), field) for name, field in FACET_FIELDS.items()
    }
    counts["topic"] = topic_counts(CasePage, apply_filters(base, filters, skip="topic"))
    return counts


def sorted_cases(cases, filters):
    if filters["sort"] == "title":
        return cases.order_by("title", "id")
    if filters["sort"] == "relevance" and filters["q"]:
        # Best match without a search engine: cases whose title holds every word, then newest.
        title_match = Q()
        for word in filters["q"].split():
            title_match &= Q(title__icontains=word)
        rank = Case(When(title_match, then=Value(0)), default=Value(1), output_field=IntegerField())
        return cases.annotate(rank=rank).order_by("rank", "-start_year", "title")
    return cases.order_by("-start_year", "title", "id")


def library_version(index_page, cases=None):
    return listing_version(library_cases(index_page) if cases is None else cases, index_page)


# The query parameters the library reads; any other is ignored (and left out of its rendered HTML, core.listings).
LIBRARY_PARAMETERS = ("q", "year_from", "year_to", "sort", *FACETS, "page")


def library_filters(query, index_page, version=None, topics=None, cases=None):
    """The library's form and the filters it applies, from ``query`` (the request's GET)."""
    cases = library_cases(index_page) if cases is None else cases
    version = version or library_version(index_page, cases)

    def countries_in_library():
        codes = cases.exclude(country="").order_by().values_list("country", flat=True).distinct()
        return list(codes)

    codes = cached("cases", ["countries", version], countries_in_library)
    countries = sorted(((code, country_name(code)) for code in codes), key=lambda pair: pair[1])
    topics = topics if topics is not None else list(Topic.objects.for_reader().order_by("name"))
    form = CaseLibraryForm(query, topics=topics, countries=countries)
    return form, form.filters()


def filtered_cases(index_page, filters, cases=None):
    return sorted_cases(apply_filters(library_cases(index_page) if cases is None else cases, filters), filters)


def library_context(request, index_page, query=None, cases=None, version=None):
    """What the library's filters and cards show for ``query`` (default: the request's GET). ``cases`` and
    ``version``, when the caller has them, are the library's public cases and their version: Wagtail's ``.public()``
    reads the page view restrictions each time it is called, so a request builds the queryset once."""
    query = request.GET if query is None else query
    cases = library_cases(index_page) if cases is None else cases
    version = version or library_version(index_page, cases)
    topics = list(Topic.objects.for_reader().order_by("name"))
    form, filters = library_filters(query, index_page, version, topics, cases)
    # Only what a card shows: sorting thousands of full page rows (with their stream fields) is the slow part.
    listing = filtered_cases(index_page, filters, cases).only(*CARD_FIELDS)
    page = paginate(request, listing, PAGE_SIZE, query)
    counting = {name: value for name, value in filters.items() if name != "sort"}
    counts = dict(cached("cases", ["facets-by-topic-key", version, counting], lambda: facet_counts(cases, filters)))
    counts["topic"] = by_slug(counts["topic"], topics)  # counted by translation key: the same in every language
    active = {name: value for name, value in filters.items() if value and name != "sort"}
    return {
        "form": form,
        "items": page,
        "active_filters": active,
        "facets": form.facets(counts, filters),
        "listing_query": query,
    }


# --- One case --------------------------------------------------------------------------------------


def case_origins(case):
    """Where the case came from, as (text, url) pairs (url may be empty), from the apps on top that made it (the
    consultation programme's projects): each registers ``register_case_origin``, fn(case) → None or (text, url)."""
    return [origin for fn in hooks.get_hooks("register_case_origin") if (origin := fn(case)) is not None]


def case_page_context(request, case):
    """The case's relations and links, each to the page in the reader's language. A translation carries copies of
    its original's relations, so the ones pointing here are read on the originals (the default language's)."""
    outgoing = [
        (relation.get_kind_display(), relation.other)
        for relation in case.relations_out.select_related("other").filter(other__live=True)
    ]
    incoming = [
        (relation.inverse_label, relation.case)
        for relation in CaseRelation.objects.filter(
            other__translation_key=case.translation_key,
            case__live=True,
            case__locale__language_code=settings.LANGUAGE_CODE,
        ).select_related("case")
    ]
    relations = outgoing + incoming
    related_cases = in_reader_language_each(other for _label, other in relations)
    links = in_reader_language_each(link.page for link in case.links.select_related("page").filter(page__live=True))
    from .review import review_marks

    reviewed, endorsed_by = review_marks(case)
    return {
        "reviewed": reviewed,
        "endorsed_by": endorsed_by,
        "origins": case_origins(case),
        "contact_links": case.contact_links(request),
        "indicators": list(case.indicators.all()),
        "relations": [(label, other) for (label, _original), other in zip(relations, related_cases, strict=True)],
        "links": [page.specific for page in links],
        "technologies": list(case.technologies.all()),
        "partners": [line.strip() for line in case.partners.splitlines() if line.strip()],
        # Seeded cases are about real cities: say that the story is illustrative, not the city's record.
        "demo_case": bool(case.organisation_id and case.organisation.is_demo),
    }
