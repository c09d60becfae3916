from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.pagination import paginate

from . import selectors, services
from .forms import SearchForm

RESULTS_LIMIT = 200


@require_safe
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results, promotions = None, []
    if query:
        visible = selectors.visible_pages(request)
        promotions = services.promoted_results(services.record_search(query), visible)
        # Unranked and capped: relevance ranking on SQLite is O(matches²) (see docs/architecture.md).
        found = visible.specific().search(query, order_by_relevance=False)[:RESULTS_LIMIT]
        results = paginate(request, list(found), 20)
    context = {"form": form, "query": query, "results": results, "promotions": promotions}
    return render(request, "search/search.html", context)


SUGGESTIONS = 8
SUGGEST_MIN_LENGTH = 2


@require_safe
def suggest(request):
    """Titles for the header box as the visitor types (JSON; the search page works without it)."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    suggestions = []
    if len(query) >= SUGGEST_MIN_LENGTH:
        pages = selectors.visible_pages(request).autocomplete(query, order_by_relevance=False)[:SUGGESTIONS]
        suggestions = [{"title": page.title, "url": page.url} for page in pages]
    response = JsonResponse({"query": query, "suggestions": suggestions})
    response["Cache-Control"] = "private, max-age=60"
    return response
