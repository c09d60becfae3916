"""The search contract: what every engine is asked, and what it answers.

The view hands an engine a ``SearchRequest`` and the visitor's ``Visibility``; the engine answers with a
``SearchOutcome``: one page of hits (each with its highlighted title and snippet), the number of matches, and the
counts per kind and per topic, each counted under the other filter (so choosing a topic shows how many courses,
cases… it has). Engines differ in how they find and rank; the contract suite in tests/search holds them to the same
behaviour.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.safestring import SafeString

PER_PAGE = 20
MAX_RESULTS = 1000  # pages of results stop here (50 pages); the counts still say how many matched


@dataclass(frozen=True)
class SearchRequest:
    text: str
    kind: str = ""  # a key of search.kinds.KINDS_BY_KEY, or "" for every kind
    topic: str = ""  # a core.Topic slug, or ""
    page: int = 1

    @property
    def terms(self):
        return self.text.split()


@dataclass(frozen=True)
class Visibility:
    """What this visitor may find: live pages of the searchable kinds outside the ``hidden_paths`` subtrees
    (pages whose privacy the request does not pass), in the reader's locale (``locale_id``: its translations and
    the aliases standing in for pages not translated yet; None: every locale)."""

    hidden_paths: tuple[str, ...] = ()
    locale_id: int | None = None

    def pages(self):
        """The live pages (of any type) outside the hidden subtrees, as a queryset."""
        from wagtail.models import Page

        pages = Page.objects.live()
        if self.locale_id is not None:
            pages = pages.filter(locale_id=self.locale_id)
        for path in self.hidden_paths:
            pages = pages.exclude(path__startswith=path)
        return pages


@dataclass
class Hit:
    page: object  # the specific page
    kind: object  # search.kinds.Kind
    title: SafeString
    snippet: SafeString
    details: list[str] = field(default_factory=list)  # search.kinds.with_details() fills it


@dataclass
class SearchOutcome:
    request: SearchRequest
    hits: list[Hit]
    total: int
    page: int
    kind_counts: dict[str, int] = field(default_factory=dict)
    topic_counts: dict[str, int] = field(default_factory=dict)

    @property
    def pagination(self):
        """A Django page (for includes/pagination.html) over the results one may page through."""
        return Paginator(range(min(self.total, MAX_RESULTS)), PER_PAGE).get_page(self.page)

    @property
    def capped(self):
        return self.total > MAX_RESULTS


def last_page(total):
    return max(1, -(-min(total, MAX_RESULTS) // PER_PAGE))


def clamp_page(number, total):
    """The page asked for, or the nearest one that exists."""
    return min(max(number, 1), last_page(total))


def suggest_titles(text, scope, limit):
    """Up to ``limit`` visible pages whose title words start like ``text`` (Wagtail's autocomplete on the site's
    backend), unranked: the ranking is what makes a broad prefix slow."""
    from search.kinds import KINDS

    # Alphabetical, as a list of titles is read. Not in an indexed order (tree path, date): PostgreSQL then walks
    # the pages in that order probing each one's index entry, 83-200 ms for a prefix only the last 2,500 of 17,600
    # pages have, where sorting the matches takes 17 ms.
    pages = scope.pages().type(*(kind.model for kind in KINDS)).order_by("title", "id")
    return list(pages.autocomplete(text, order_by_relevance=False)[:limit])
