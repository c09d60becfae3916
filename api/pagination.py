"""Page-number pagination for the API: stable (every listing has a total order ending in the id), bounded, and with
the addresses of the next and previous pages, so a client follows links rather than building them."""

import math

from django.http import QueryDict
from ninja import Field, Schema

from core.public_url import absolute_url

MAX_PAGE_SIZE = 100


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000, description="The page, from 1.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description=f"Items per page, at most {MAX_PAGE_SIZE}.")


class PageInfo(Schema):
    count: int = Field(description="How many items match, on every page.")
    page: int
    pages: int = Field(description="How many pages there are (at least 1).")
    next: str | None = Field(description="The address of the next page, or null on the last.")
    previous: str | None = Field(description="The address of the previous page, or null on the first.")


def page_of(request, queryset, paging: PageQuery):
    """(PageInfo fields as a dict, the page's rows as a list): two queries, a count and the slice."""
    count = queryset.count()
    pages = max(1, math.ceil(count / paging.page_size))
    start = (paging.page - 1) * paging.page_size
    rows = list(queryset[start : start + paging.page_size]) if start < count else []
    return {
        "count": count,
        "page": paging.page,
        "pages": pages,
        "next": _address(request, paging.page + 1) if paging.page < pages else None,
        "previous": _address(request, min(paging.page - 1, pages)) if paging.page > 1 else None,
    }, rows


def _address(request, page):
    query = QueryDict(mutable=True)
    query.update(request.GET)
    query["page"] = str(page)
    return absolute_url(f"{request.path}?{query.urlencode()}")
