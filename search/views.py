from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.models import Topic
from core.templatetags.navigation_tags import main_nav_items

from . import selectors, services
from .engines.base import SearchRequest
from .exceptions import SearchUnavailable
from .forms import SearchForm, clean_query, page_number


@require_safe
def search(request):
    form = SearchForm(request.GET, topics=Topic.objects.for_reader().order_by("name"))
    filters = form.filters()
    outcome, promotions, unavailable = None, [], None
    filtered = bool(filters["type"] or filters["topic"])
    if filters["q"]:
        scope = selectors.visibility(request)
        services.count_search(query=filters["q"])
        promotions = selectors.promoted_results(filters["q"], scope)
        search_request = SearchRequest(
            text=filters["q"], kind=filters["type"], topic=filters["topic"], page=page_number(request.GET.get("page"))
        )
        try:
            outcome = selectors.search(request, search_request, scope)
        except SearchUnavailable as error:
            unavailable = error
        else:
            form.attach_counts({"type": outcome.kind_counts, "topic": outcome.topic_counts})
    context = {
        "form": form,
        "query": filters["q"],
        "outcome": outcome,
        "promotions": promotions,
        "filtered": filtered,
        # Nothing to narrow when nothing matched, unless a filter is what emptied the list.
        "show_filters": bool(outcome and (outcome.total or filtered)),
        "unavailable": unavailable,
        "browse": main_nav_items() if not (outcome and outcome.total) else [],
    }
    return render(request, "search/search.html", context, status=unavailable.status if unavailable else 200)


SUGGESTIONS = 8
SUGGEST_MIN_LENGTH = 2


@require_safe
def suggest(request):
    """Titles for the header box as the visitor types (JSON; the search page works without it)."""
    query = clean_query(request.GET.get("q", ""))
    pages, status = [], 200
    if len(query) >= SUGGEST_MIN_LENGTH:
        try:
            pages = selectors.suggestions(request, query, SUGGESTIONS)
        except SearchUnavailable as error:
            status = error.status  # the script keeps the box as it is
    suggestions = [{"title": page.title, "url": page.get_url(request)} for page in pages]
    response = JsonResponse({"query": query, "suggestions": suggestions}, status=status)
    response["Cache-Control"] = "private, max-age=60"
    return response
