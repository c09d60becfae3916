"""The member directory as data: active organisations, found and sorted as on /members/ (members.selectors)."""

from typing import Literal

from django.http import Http404
from ninja import Field, Path, Query, Router, Schema

from members import selectors
from members.forms import DirectorySort
from members.models import Organisation, Region

from .common import ERRORS, ITEM_ERRORS, Text, organisation_url
from .pagination import PageInfo, PageQuery, page_of

router = Router(tags=["organisations"])

RegionCode = Literal[tuple(Region.values)]
Kind = Literal[tuple(Organisation.Kind.values)]


class OrganisationFilters(Schema):
    q: Text = Field("", max_length=100, description="Any spelling of the name: Seoul, 서울…")
    region: RegionCode | None = None
    country: Text = Field("", max_length=2, description="ISO 3166-1 alpha-2 code, e.g. KR.")
    sort: Literal[tuple(DirectorySort.values)] = "name"


class OrganisationOut(Schema):
    slug: str
    name: str
    native_name: str
    kind: Kind
    city: str
    country: str
    region: RegionCode
    year_joined: int | None
    url: str
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_country(organisation):
        return str(organisation.country or "")

    @staticmethod
    def resolve_url(organisation):
        return organisation_url(organisation)


LISTED_FIELDS = (
    "slug",
    "name",
    "native_name",
    "kind",
    "city",
    "country",
    "region",
    "year_joined",
    "latitude",
    "longitude",
)


class OrganisationDetailOut(OrganisationOut):
    description: str
    website: str
    public_contact_email: str = Field(description="The address the city publishes on its profile, or empty.")
    other_names: list[str]


class OrganisationList(PageInfo):
    results: list[OrganisationOut]


@router.get("/", response={200: OrganisationList, **ERRORS}, summary="List and find member organisations")
def list_organisations(request, filters: Query[OrganisationFilters], paging: Query[PageQuery]):
    """Active member cities and organisations, as the member directory lists them."""
    organisations = selectors.directory(
        query=filters.q.strip(), region=filters.region or "", country=filters.country.upper(), sort=filters.sort
    ).only(*LISTED_FIELDS)
    info, rows = page_of(request, organisations, paging)
    return {**info, "results": rows}


@router.get("/{slug}/", response={200: OrganisationDetailOut, **ITEM_ERRORS}, summary="One member organisation")
def get_organisation(request, slug: str = Path(..., max_length=160, pattern=r"^[-a-zA-Z0-9_]+$")):
    organisation = Organisation.objects.active().filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation
