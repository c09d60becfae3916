"""What every resource of the API shares: the language codes, a reference to an organisation, absolute addresses."""

from typing import Annotated, Any, Literal

from django.conf import settings
from ninja import Field, Schema

from core.public_url import absolute_url, rebase

LANGUAGES = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class OrganisationRef(Schema):
    slug: str
    name: str
    url: str

    @staticmethod
    def resolve_url(organisation):
        return organisation_url(organisation)


def organisation_url(organisation):
    return absolute_url(organisation.get_absolute_url())


def page_url(page, context):
    """The page's address on the public site, whichever host the request came by (so every response is the same).
    With the request, Wagtail reads the sites' root paths once per request, not once per page."""
    return rebase(page.get_full_url(context["request"]))


def published(moment):
    return moment.isoformat() if moment else None


class PageOut(Schema):
    """What every page the API lists carries: its id, title, address, language, summary and topics."""

    id: int
    title: str
    url: str
    language: str
    summary: str
    topics: list[str] = Field(description="Topic slugs.")
    last_published_at: str | None

    @staticmethod
    def resolve_url(page, context):
        return page_url(page, context)

    @staticmethod
    def resolve_language(page):
        return page.locale.language_code

    @staticmethod
    def resolve_topics(page):
        return [topic.slug for topic in page.topics.all()]

    @staticmethod
    def resolve_last_published_at(page):
        return published(page.last_published_at)


class Problem(Schema):
    detail: str


class InvalidParameters(Schema):
    detail: list[dict[str, Any]] = Field(description="One entry per parameter refused: where (loc), and why (msg).")


# Free text in a query: anything but NUL, which core's middleware refuses (400) before the API reads a thing.
Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]

# What any operation may answer besides its data: a NUL in the request (400), a token not (or no longer) valid,
# a parameter refused, too many requests. One item adds "no such item".
ERRORS = {400: Problem, 401: Problem, 422: InvalidParameters, 429: Problem}
ITEM_ERRORS = {**ERRORS, 404: Problem}
