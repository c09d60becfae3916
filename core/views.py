import logging
import sys

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotFound,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.templatetags.static import static
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_documents

from core.errors import someone_is_told
from core.files import ObjectStorage, public_media_response
from core.forms import LanguageChoiceForm
from core.i18n import language_path, path_in_language, set_language_cookie
from core.models import SiteSettings
from core.public_url import absolute_url

from . import health

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers and the task workers keep up; 503 when either does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        tasks = health.tasks_report()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    except Exception:  # the task broker (Redis) did not answer
        logger.exception("Health check: the task queue did not answer")
        return JsonResponse({"status": "unavailable", "database": "ok", "tasks": "error"}, status=503)
    if not tasks["ok"]:
        logger.error("Health check: a task has waited %s s for a worker", tasks["oldest_waiting_seconds"])
    status = "ok" if tasks["ok"] else "unavailable"
    return JsonResponse({"status": status, "database": "ok", "tasks": tasks}, status=200 if tasks["ok"] else 503)


@require_safe
def public_media(request, path):
    """Image renditions and originals only: documents are never reachable under /media/. From the disk, or streamed
    from object storage (core.files), where nothing is public.

    Needs no database, so images still load when it is slow or down: a missing file is a plain 404, not the site's
    404 page (whose menus and settings are read from the database), and core.middleware skips /media/ too.
    """
    if not path.startswith(settings.PUBLIC_MEDIA_PREFIXES) or ".." in path.split("/"):
        return media_not_found()
    if isinstance(default_storage, ObjectStorage):
        response = public_media_response(request, path)
        if response is None:
            return media_not_found()
    else:
        try:
            response = serve(request, path, document_root=settings.MEDIA_ROOT)
        except Http404:
            return media_not_found()
    response["Cache-Control"] = "public, max-age=86400"
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document download; a document in a restricted collection (members only) is never cached.

    Wagtail's before_serve_document hooks can refuse but not add headers to the file it serves, hence this wrapper.
    """
    response = wagtail_documents.serve(request, document_id, document_filename)
    if response.status_code in (200, 304):
        document = get_document_model().objects.select_related("collection").get(id=document_id)
        if document.collection.get_view_restrictions().exists():
            add_never_cache_headers(response)
    return response


def media_not_found():
    return HttpResponseNotFound(_("This file does not exist."), content_type="text/plain; charset=utf-8")


def database_unavailable(error):
    """Whether the error (or one it was raised from) says the database cannot be reached or did not answer."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request):
    """The 500 page renders without request context: the context processors may be what failed.

    A database that cannot be reached (or timed out) anywhere in the request, middleware included, is a 503 with a
    plain page and Retry-After: the visitor should try again soon, and a proxy or monitor sees the outage for what
    it is. Django calls this inside its exception handler, so sys.exc_info() is the request's error. Otherwise the
    500 page says the team has been told only when that is true (core.errors.someone_is_told).
    """
    if database_unavailable(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
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


RETRY_AFTER_SECONDS = 60


def refuse(request, error, *, back_url, back_label):
    """Show a domain error (core.exceptions.UserFacingError) in plain words, with its HTTP status."""
    from django.shortcuts import render

    context = {"message": error.message, "back_url": back_url, "back_label": back_label}
    return render(request, "core/refusal.html", context, status=error.status)


# --- What crawlers and browsers ask the site's root for ------------------------------------------------------------

# Personal, per-visitor or endless pages that a search engine has no business indexing. Robots.txt is advice, not
# access control: each of these is already refused or signed-in only where it matters.
ROBOTS_DISALLOW = [
    "/admin/",
    "/language/",  # the switcher's links: the pages themselves are listed in every language by the sitemap
    "/accounts/",
    "/me/",
    "/invitations/",  # secret links, one per invited person
    "/search/",  # endless result pages; the sitemap lists every page once
    "/learning/",  # enrolment and progress actions
    "/certificates/",  # each verification page carries a learner's name
]


@require_safe
def robots_txt(request):
    # The reader's pages exist under every language prefix too (/fr/accounts/ …).
    paths = [language_path(path, code) for code, _name in settings.LANGUAGES for path in ROBOTS_DISALLOW]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in dict.fromkeys(paths)), "Allow: /", ""]
    lines.append(f"Sitemap: {absolute_url('/sitemap.xml')}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def favicon(request):
    """Browsers and feed readers that ask for /favicon.ico get the ICO next to the SVG icon the pages link.

    A temporary redirect: the static file's name carries its content hash in production, which changes with it.
    static/img/favicon.ico is static/img/favicon.svg rasterised at 16, 32 and 48 pixels (headless Chromium, then
    Pillow's ICO writer); make it again when the SVG changes. base.html links both: browsers without SVG icons take
    the ICO."""
    response = HttpResponseRedirect(static("img/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@never_cache
@require_safe
def switch_language(request, code):
    """The language switcher: remember the reader's choice, then show the same page in that language.

    A link (GET), so that the header needs no form and no CSRF token and a signed-out page stays cacheable. The
    choice goes in the language cookie (visitors) and in the member's profile (every email follows it)."""
    form = LanguageChoiceForm({"language": code, "next": request.GET.get("next", "")})
    if not form.is_valid() or "language" not in form.cleaned_data:
        raise Http404(_("No such language."))
    language = form.cleaned_data["language"]
    target = path_in_language(form.cleaned_data.get("next") or "/", language)
    response = HttpResponseRedirect(target)
    set_language_cookie(response, language)
    if request.user.is_authenticated and getattr(request.user, "preferred_language", language) != language:
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    return response
