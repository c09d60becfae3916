"""The case library as data: the library's filters and facet counts (cases.selectors), live public cases only."""

from typing import Annotated, Literal

from django.http import Http404
from django.utils import translation
from ninja import Field, Path, Query, Router, Schema
from pydantic import BeforeValidator
from wagtail.rich_text import expand_db_html

from cases import selectors
from cases.forms import SORTS, clean_query
from cases.models import CasePage
from core.facets import by_slug
from core.forms import MAX_ID
from core.models import Topic
from members.models import Region

from .access import readable
from .common import ERRORS, ITEM_ERRORS, LANGUAGES, OrganisationRef, PageOut, Text, published
from .pagination import PageInfo, PageQuery, page_of

router = Router(tags=["cases"])

# A rich-text field as the page shows it: internal links and embeds expanded to plain HTML.
RichTextHTML = Annotated[str, BeforeValidator(expand_db_html), Field(description="HTML.")]

Kind = Literal[tuple(CasePage.Kind.values)]
Stage = Literal[tuple(CasePage.Stage.values)]
Budget = Literal[tuple(CasePage.BudgetBand.values)]
RegionCode = Literal[tuple(Region.values)]
Sort = Literal[tuple(value for value, _label in SORTS)]


class CaseFilters(Schema):
    """The case library's query string (/cases/), validated: an unknown value is an error here, not ignored."""

    q: Text = Field("", max_length=1000, description="Words in the title, summary or city (at most 8 words).")
    kind: list[Kind] = Field([], max_length=50)
    stage: list[Stage] = Field([], max_length=50)
    region: list[RegionCode] = Field([], max_length=50)
    country: list[Text] = Field([], max_length=50, description="ISO 3166-1 alpha-2 codes, e.g. KR.")
    topic: list[Text] = Field([], max_length=50, description="Topic slugs, as on /cases/.")
    budget: list[Budget] = Field([], max_length=50)
    year_from: int | None = Field(None, ge=1990, le=2100, description="Cases running in or after this year.")
    year_to: int | None = Field(None, ge=1990, le=2100, description="Cases that started in or before this year.")
    sort: Sort = "newest"
    language: LANGUAGES = Field("en", description="The language of the cases listed (their translations).")

    def as_library_filters(self):
        return {
            "q": clean_query(self.q),
            "year_from": self.year_from,
            "year_to": self.year_to,
            "sort": self.sort,
            "kind": self.kind,
            "stage": self.stage,
            "region": self.region,
            "country": [code.upper() for code in self.country],
            "topic": self.topic,
            "budget": self.budget,
        }


class CaseOut(PageOut):
    kind: Kind
    stage: Stage
    city: str
    country: str
    region: str
    start_year: int | None
    end_year: int | None
    budget_band: Budget
    organisation: OrganisationRef | None
    first_published_at: str | None

    @staticmethod
    def resolve_country(case):
        return str(case.country or "")

    @staticmethod
    def resolve_first_published_at(case):
        return published(case.first_published_at)


class CaseDetailOut(CaseOut):
    challenge: RichTextHTML
    approach: RichTextHTML
    results: RichTextHTML
    lessons: RichTextHTML
    partners: list[str]
    contact_name: str = Field(description="Who to ask; write to them through the case's page (no address here).")

    @staticmethod
    def resolve_partners(case):
        return [line.strip() for line in case.partners.splitlines() if line.strip()]


class CaseFacetCounts(Schema):
    kind: dict[str, int]
    stage: dict[str, int]
    region: dict[str, int]
    country: dict[str, int]
    budget: dict[str, int]
    topic: dict[str, int] = Field(description="By topic slug.")


class CaseList(PageInfo):
    facets: CaseFacetCounts = Field(description="Each facet counted under all the other filters, as on /cases/.")
    results: list[CaseOut]


def _cases(user):
    return readable(CasePage, user, "organisation")


@router.get("/", response={200: CaseList, **ERRORS}, summary="List and filter cases")
def list_cases(request, filters: Query[CaseFilters], paging: Query[PageQuery]):
    """Live, public cases in one language, filtered and counted exactly as the case library page does."""
    with translation.override(filters.language):
        library = _cases(request.user).filter(locale__language_code=filters.language)
        wanted = filters.as_library_filters()
        info, rows = page_of(request, selectors.sorted_cases(selectors.apply_filters(library, wanted), wanted), paging)
        counts = selectors.facet_counts(library, wanted)
        counts["topic"] = by_slug(counts["topic"], Topic.objects.for_reader())
    return {**info, "facets": counts, "results": rows}


@router.get("/{case_id}/", response={200: CaseDetailOut, **ITEM_ERRORS}, summary="One case")
def get_case(request, case_id: int = Path(..., ge=1, le=MAX_ID)):
    """One live, public case, in the language it is written in (each translation has its own id)."""
    case = _cases(request.user).filter(pk=case_id).first()
    if case is None:
        raise Http404
    return case
