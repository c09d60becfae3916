"""The one download view (and the stable "latest" link that uses it): check access, count, serve."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import views as core_views
from core.files import private_download

from . import selectors, services
from .exceptions import MembersOnly
from .selectors import Access


@never_cache
@require_safe
def download(request, toolkit, *, file_id):
    file = selectors.downloadable_file(toolkit, file_id)
    if file is None:
        raise Http404(_("This file is not part of this toolkit, or it has been removed."))
    return serve_file(request, toolkit, file)


@never_cache
@require_safe
def download_latest(request, toolkit, *, language):
    file = selectors.latest_file(toolkit, language)
    if file is None:
        raise Http404(_("This toolkit has no file in that language."))
    return serve_file(request, toolkit, file)


def serve_file(request, toolkit, file):
    access = selectors.file_access(request, toolkit, file.document)
    if access is Access.SIGN_IN:
        # Back to the toolkit's page after signing in, not straight into a download the person cannot see.
        return redirect(f"{reverse('account_login')}?{urlencode({'next': toolkit.url})}")
    if access is Access.MEMBERS_ONLY:
        error = MembersOnly()
        return core_views.refuse(request, error, back_url=toolkit.url, back_label=_("Back to the toolkit"))
    response = private_download(file.document.file, file.download_name)  # a 404 if the file is missing
    if request.method == "GET":
        services.record_download(file=file, request=request)
    return response
