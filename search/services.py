"""What a search leaves behind: a hit for the editors' "Search terms" report, and their promoted results."""

from wagtail.contrib.search_promotions.models import Query


def record_search(query):
    """Count the search (Reports → Search terms) and return its Query, whose promotions the results page shows."""
    search_query = Query.get(query)
    search_query.add_hit()
    return search_query


def promoted_results(search_query, visible_pages):
    """The editors' picks for this query that the visitor may open: external links, and pages in ``visible_pages``."""
    picks = list(search_query.editors_picks.select_related("page"))
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set(visible_pages.filter(id__in=page_ids).values_list("id", flat=True))
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]
