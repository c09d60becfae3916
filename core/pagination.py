from django.core.paginator import Paginator

from core.images import with_covers


def paginate(request, queryset, per_page, query=None):
    """One page of ``queryset``; a missing, malformed or out-of-range ?page= gives the nearest page. ``query``: where
    ``page`` is read (default: the request's GET).

    Pages on it with a cover image come with the image and its renditions, read in two queries per page type,
    so a listing's query count does not grow with the cards it shows."""
    page = Paginator(queryset, per_page).get_page((request.GET if query is None else query).get("page"))
    page.object_list = with_covers(page.object_list)
    return page
