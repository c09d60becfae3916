from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    """One page of ``queryset``; a missing, malformed or out-of-range ?page= gives the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
