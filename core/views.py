import logging
import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from core.errors import someone_is_told
from core.models import SiteSettings

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a round trip, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def public_media(request, path):
    """Image renditions and originals only: documents are never reachable under /media/."""
    if not path.startswith(settings.PUBLIC_MEDIA_PREFIXES) or ".." in path.split("/"):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def server_error(request):
    """The 500 page renders without request context: the context processors may be what failed.

    It says the team has been told only when that is true (core.errors.someone_is_told)."""
    context = {"someone_is_told": someone_is_told(), "contact_email": contact_email_for_error_page(request)}
    return HttpResponseServerError(loader.render_to_string("500.html", context))


def contact_email_for_error_page(request):
    """The secretariat's address from the site settings, or "" when asking could make things worse.

    The database may be what failed: after a database error it is not asked at all, and any other failure to
    read the settings leaves the address out rather than breaking the error page."""
    error = sys.exc_info()[1]
    while error is not None:
        if isinstance(error, DatabaseError):
            return ""
        error = error.__cause__ or error.__context__
    try:
        return SiteSettings.for_request(request).contact_email
    except Exception:  # the error page must render, whatever else is broken
        logger.warning("The 500 page could not read the site settings' contact email", exc_info=True)
        return ""


def refuse(request, error, *, back_url, back_label):
    """Show a domain error (core.exceptions.UserFacingError) in plain words, with its HTTP status."""
    from django.shortcuts import render

    context = {"message": error.message, "back_url": back_url, "back_label": back_label}
    return render(request, "core/refusal.html", context, status=error.status)
