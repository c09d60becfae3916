"""My hub → API tokens: make, see and revoke one's personal tokens for the open-data API."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import parse_id
from core.page_cache import public_page
from core.public_url import absolute_url
from members.services import qualifies_as_member

from . import reference, tokens
from .auth import per_minute
from .forms import TokenForm


@never_cache  # the new token is on this page once
@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    form = TokenForm(request.POST or None)
    new_token = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            _row, new_token = tokens.create_token(user=request.user, name=form.cleaned_data["name"])
        except tokens.TooManyTokens:
            form.add_error(
                None, _("You have %(count)s tokens: revoke one you no longer use first.") % {"count": tokens.MAX_TOKENS}
            )
            status = 409
        else:
            form = TokenForm()
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_token": new_token,
            "tokens": list(tokens.tokens_of(request.user)),
            "is_member": qualifies_as_member(request.user),
            "api_example_url": absolute_url(reverse("api-v1:list_toolkits")),
            "reference_url": reverse("api_reference"),
        },
        status=status,
    )


@never_cache
@login_required
@require_POST
def revoke(request, token_id):
    token_id = parse_id(token_id)
    if token_id is not None and tokens.revoke_token(user=request.user, token_id=token_id):
        messages.success(request, _("The token is revoked: the API refuses it from now on."))
    else:
        messages.error(request, _("This token is not one of yours, or it was already revoked."))
    return redirect("api_tokens")


@public_page
@require_safe
def api_reference(request):
    """The API's reference for people (/open-data/), in the site's language around the API's own English words."""
    return render(
        request,
        "api/reference.html",
        {
            "operations": reference.operations(),
            "api_title": reference.schema()["info"]["title"],
            "schema_url": absolute_url(reverse("api-v1:openapi-json")),
            "example_url": absolute_url(reverse("api-v1:list_cases")) + "?region=africa&page_size=5",
            "limits": {scope: per_minute(rate) for scope, rate in settings.API_RATE_LIMITS.items()},
        },
    )
