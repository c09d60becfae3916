"""What every resource of the API shares: the language codes, a reference to an organisation, absolute addresses."""

from typing import Literal

from django.conf import settings
from ninja import Schema

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
