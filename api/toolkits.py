"""Toolkits as data, with their releases and files: the catalogue's filters and facets (toolkits.selectors). Every
toolkit page is public; a members-only toolkit's files download through its page's download address, which checks
who asks (the API lists them, it does not serve them)."""

from datetime import date
from typing import Literal

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from ninja import Field, Path, Query, Router, Schema, Status

from core.facets import by_slug
from core.forms import MAX_ID, plain_query
from core.models import Topic
from core.public_url import absolute_url
from toolkits import selectors
from toolkits import views as toolkit_views
from toolkits.forms import SORTS
from toolkits.models import ToolkitPage, ToolkitRelease

from .access import readable
from .common import ERRORS, ITEM_ERRORS, LANGUAGES, OrganisationRef, PageOut, Problem, Text, page_url, published
from .pagination import PageInfo, PageQuery, page_of

router = Router(tags=["toolkits"])

Kind = Literal[tuple(ToolkitPage.Kind.values)]
Audience = Literal[tuple(ToolkitPage.Audience.values)]


class ToolkitFilters(Schema):
    """The toolkit catalogue's query string (/toolkits/): one value per facet, as on the page."""

    q: Text = Field("", max_length=1000, description="Words in the title or summary.")
    topic: Text = Field("", max_length=100, description="A topic slug, as on /toolkits/.")
    kind: Kind | None = None
    audience: Audience | None = Field(None, description="Who may download the files.")
    file_language: Text = Field("", max_length=10, description="Toolkits with a file in this language (e.g. fr).")
    sort: Literal[tuple(value for value, _label in SORTS)] = "title"
    language: LANGUAGES = Field("en", description="The language of the toolkit pages listed (their translations).")

    def as_catalogue_filters(self):
        return {
            "q": plain_query(self.q),
            "topic": self.topic,
            "kind": self.kind or "",
            "audience": self.audience or "",
            "language": self.file_language,
        }


class FileOut(Schema):
    title: str = Field(validation_alias="display_title")
    language: str
    format: str = Field(validation_alias="extension", description="The file's extension, e.g. pdf or docx.")
    size: int = Field(description="Bytes.")
    download_url: str = Field(description="On the site: a members-only file needs a member signed in.")
    api_url: str = Field(description="Through the API: a members-only file needs a member's personal token.")

    @staticmethod
    def resolve_download_url(file, context):
        toolkit = file.release.toolkit
        return page_url(toolkit, context) + toolkit.reverse_subpage("download", args=[file.id]).lstrip("/")

    @staticmethod
    def resolve_api_url(file):
        return absolute_url(
            reverse("api-v1:toolkit_file", kwargs={"toolkit_id": file.release.toolkit_id, "file_id": file.id})
        )


class ReleaseOut(Schema):
    version: str
    released_on: date
    changelog: str
    files: list[FileOut]


class ToolkitOut(PageOut):
    kind: Kind
    audience: Audience
    licence: str
    licence_url: str
    authors: str
    authoring_organisations: list[OrganisationRef]
    releases: list[ReleaseOut] = Field(description="Newest first.")
    first_published_at: str | None

    @staticmethod
    def resolve_authoring_organisations(toolkit):
        return list(toolkit.authoring_organisations.all())

    @staticmethod
    def resolve_releases(toolkit):
        return list(toolkit.releases.all())

    @staticmethod
    def resolve_first_published_at(toolkit):
        return published(toolkit.first_published_at)


class ToolkitFacetCounts(Schema):
    kind: dict[str, int]
    audience: dict[str, int]
    topic: dict[str, int] = Field(description="By topic slug.")
    language: dict[str, int] = Field(description="Toolkits with a file in each language.")


class ToolkitList(PageInfo):
    facets: ToolkitFacetCounts = Field(description="Each facet counted under all the other filters, as on /toolkits/.")
    results: list[ToolkitOut]


def _toolkits(user):
    """Live toolkits the person may read (api.access), with their topics, authors, releases and files: five more queries
    however many there are."""
    releases = ToolkitRelease.objects.order_by("-released_on", "-id").prefetch_related(
        Prefetch("files", queryset=selectors.files_in_order().select_related("release__toolkit__locale"))
    )
    return readable(ToolkitPage, user).prefetch_related(
        "authoring_organisations", Prefetch("releases", queryset=releases)
    )


@router.get("/", response={200: ToolkitList, **ERRORS}, summary="List and filter toolkits")
def list_toolkits(request, filters: Query[ToolkitFilters], paging: Query[PageQuery]):
    """Live toolkits in one language, filtered and counted as the toolkit catalogue does, with their releases."""
    with translation.override(filters.language):
        catalogue = _toolkits(request.user).filter(locale__language_code=filters.language)
        wanted = filters.as_catalogue_filters()
        toolkits = selectors.sorted_toolkits(selectors.filter_toolkits(catalogue, wanted), filters.sort)
        info, rows = page_of(request, toolkits, paging)
        counts = selectors.facet_counts(catalogue, wanted)
        counts["topic"] = by_slug(counts["topic"], Topic.objects.for_reader())
    return {**info, "facets": counts, "results": rows}


@router.get(
    "/{toolkit_id}/", response={200: ToolkitOut, **ITEM_ERRORS}, summary="One toolkit, with its releases and files"
)
def get_toolkit(request, toolkit_id: int = Path(..., ge=1, le=MAX_ID)):
    toolkit = _toolkits(request.user).filter(pk=toolkit_id).first()
    if toolkit is None:
        raise Http404
    return toolkit


# The API speaks English to programs (its words are in its schema); people read the site in their language.
MEMBERS_ONLY_FOR_NOBODY = "This file is for staff of member cities: send your personal token (My hub → API tokens)."
MEMBERS_ONLY_FOR_OUTSIDERS = "This file is for staff of member cities, and this token's account is not one yet."

FILE_RESPONSE = {
    "200": {
        "description": "The file, as an attachment under the name it was uploaded with.",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    },
    "302": {
        "description": (
            "Where files are on object storage: the file's signed address, valid for a minute (follow the redirect; "
            "the address downloads the file under the name it was uploaded with)."
        ),
        "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
    },
}


@router.get(
    "/{toolkit_id}/files/{file_id}/",
    response={**ITEM_ERRORS, 403: Problem},
    url_name="toolkit_file",
    summary="Download one file of a toolkit",
    openapi_extra={"responses": FILE_RESPONSE},
)
def download_file(request, toolkit_id: int = Path(..., ge=1, le=MAX_ID), file_id: int = Path(..., ge=1, le=MAX_ID)):
    """A public toolkit's file for anyone; a members-only toolkit's file for staff of a member city, with their
    personal token. Counted as a download, as on the site."""
    toolkit = _toolkits(request.user).filter(pk=toolkit_id).first()
    file = selectors.downloadable_file(toolkit, file_id) if toolkit else None
    if file is None:
        return Status(404, {"detail": "No such file in a toolkit you may read."})
    access = selectors.file_access(request, toolkit, file.document)
    if access is selectors.Access.SIGN_IN:
        return Status(401, {"detail": MEMBERS_ONLY_FOR_NOBODY})
    if access is not selectors.Access.ALLOWED:
        return Status(403, {"detail": MEMBERS_ONLY_FOR_OUTSIDERS})
    return toolkit_views.serve_file(request, toolkit, file)
