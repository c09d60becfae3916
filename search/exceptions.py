from django.utils.translation import gettext_lazy as _

from core.exceptions import UserFacingError


class SearchUnavailable(UserFacingError):
    """The search engine did not answer (Elasticsearch down or too slow): say so, do not fail with a 500."""

    status = 503
    message = _("Search is not available at the moment. Please try again in a few minutes, or browse the catalogues.")
