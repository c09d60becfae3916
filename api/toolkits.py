"""Toolkits as data, with their releases and files: the catalogue's filters and facets (toolkits.selectors). Every
toolkit page is public; a members-only toolkit's files download through its page's download address, which checks
who asks (the API lists them, it does not serve them)."""

from datetime import date
from typing import Literal

from django.db.models import Prefetch
from django.http import Http404
from django.utils import translation
from ninja import Field, Path, Query, Router, Schema

from core.facets import by_slug
from core.forms import MAX_ID, plain_query
from core.models import Topic
from toolkits import selectors
from toolkits.forms import SORTS
from toolkits.models import ToolkitPage, ToolkitRelease

from .common import LANGUAGES, OrganisationRef, page_url, published
from .pagination import PageInfo, PageQuery, page_of

router = Router(tags=["toolkits"])

Kind = Literal[tuple(ToolkitPage.Kind.values)]
Audience = Literal[tuple(ToolkitPage.Audience.values)]


class ToolkitFilters(Schema):
    """The toolkit catalogue's query string (/toolkits/): one value per facet, as on the page."""

    q: str = Field("", max_length=1000, description="Words in the title or summary.")
    topic: str = Field("", max_length=100, description="A topic slug, as on /toolkits/.")
    kind: Kind | None = None
    audience: Audience | None = Field(None, description="Who may download the files.")
    file_language: str = Field("", max_length=10, description="Toolkits with a file in this language (e.g. fr).")
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
    download_url: str = Field(description="Checks who asks: a members-only file needs a member's session.")

    @staticmethod
    def resolve_download_url(file, context):
        toolkit = file.release.toolkit
        return page_url(toolkit, context) + toolkit.reverse_subpage("download", args=[file.id]).lstrip("/")


class ReleaseOut(Schema):
    version: str
    released_on: date
    changelog: str
    files: list[FileOut]


class ToolkitOut(Schema):
    id: int
    title: str
    url: str
    language: str
    summary: str
    kind: Kind
    audience: Audience
    licence: str
    licence_url: str
    authors: str
    authoring_organisations: list[OrganisationRef]
    topics: list[str] = Field(description="Topic slugs.")
    releases: list[ReleaseOut] = Field(description="Newest first.")
    first_published_at: str | None
    last_published_at: str | None

    @staticmethod
    def resolve_url(toolkit, context):
        return page_url(toolkit, context)

    @staticmethod
    def resolve_language(toolkit):
        return toolkit.locale.language_code

    @staticmethod
    def resolve_topics(toolkit):
        return [topic.slug for topic in toolkit.topics.all()]

    @staticmethod
    def resolve_authoring_organisations(toolkit):
        return list(toolkit.authoring_organisations.all())

    @staticmethod
    def resolve_releases(toolkit):
        return list(toolkit.releases.all())

    @staticmethod
    def resolve_first_published_at(toolkit):
        return published(toolkit.first_published_at)

    @staticmethod
    def resolve_last_published_at(toolkit):
        return published(toolkit.last_published_at)


class ToolkitFacetCounts(Schema):
    kind: dict[str, int]
    audience: dict[str, int]
    topic: dict[str, int] = Field(description="By topic slug.")
    language: dict[str, int] = Field(description="Toolkits with a file in each language.")


class ToolkitList(PageInfo):
    facets: ToolkitFacetCounts = Field(description="Each facet counted under all the other filters, as on /toolkits/.")
    results: list[ToolkitOut]


def _toolkits():
    """Live toolkits without view restrictions, with their topics, authors, releases and files: five more queries
    however many there are."""
    releases = ToolkitRelease.objects.order_by("-released_on", "-id").prefetch_related(
        Prefetch("files", queryset=selectors.files_in_order().select_related("release__toolkit__locale"))
    )
    return (
        ToolkitPage.objects.live()
        .public()
        .select_related("locale")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.only("id", "slug")),
            "authoring_organisations",
            Prefetch("releases", queryset=releases),
        )
    )


@router.get("/", response=ToolkitList, summary="List and filter toolkits")
def list_toolkits(request, filters: Query[ToolkitFilters], paging: Query[PageQuery]):
    """Live toolkits in one language, filtered and counted as the toolkit catalogue does, with their releases."""
    with translation.override(filters.language):
        catalogue = _toolkits().filter(locale__language_code=filters.language)
        wanted = filters.as_catalogue_filters()
        toolkits = selectors.sorted_toolkits(selectors.filter_toolkits(catalogue, wanted), filters.sort)
        info, rows = page_of(request, toolkits, paging)
        counts = selectors.facet_counts(catalogue, wanted)
        counts["topic"] = by_slug(counts["topic"], Topic.objects.for_reader())
    return {**info, "facets": counts, "results": rows}


@router.get("/{toolkit_id}/", response=ToolkitOut, summary="One toolkit, with its releases and files")
def get_toolkit(request, toolkit_id: int = Path(..., ge=1, le=MAX_ID)):
    toolkit = _toolkits().filter(pk=toolkit_id).first()
    if toolkit is None:
        raise Http404
    return toolkit
