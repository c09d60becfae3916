"""Which pages a visitor may find, and the search itself: one engine per site, chosen by the settings."""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, PageViewRestriction
from wagtail.search.utils import normalise_query_string

from .engines import get_engine
from .engines.base import Visibility
from .kinds import with_details


def visibility(request):
    """The reader's language's pages (translations, and aliases of the pages not translated yet). Members find the
    lessons of members-only courses too (their modules are restricted; the course pages are public); everyone else
    only what is public. Two queries for the restrictions and their groups (a handful: the
    modules of members-only courses and the members' corner), never one per result."""
    hidden = [
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        if not restriction.accept_request(request)
    ]
    return Visibility(hidden_paths=tuple(sorted(hidden)), locale_id=Locale.get_active().id)


def search(request, search_request, scope=None):
    """One page of results, with counts per type and topic, from the site's engine; each hit with its facts."""
    outcome = get_engine().search(search_request, scope or visibility(request))
    with_details(outcome.hits)
    return outcome


def suggestions(request, text, limit):
    """Titles of visible pages starting like ``text``, for the header box."""
    return get_engine().suggest(text, visibility(request), limit)


def promoted_results(text, scope):
    """The editors' picks for ``text`` (as Wagtail normalises it) that the visitor may open: external links, and
    pages ``scope`` lets them find. Read-only: a query never searched or picked has none (one query; a second for
    the picked pages' visibility when there are any)."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text)).select_related("page")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set(scope.pages().filter(id__in=page_ids).values_list("id", flat=True)) if page_ids else set()
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]
