"""The digest's unsubscribe link: a signed token, no sign-in. A GET shows a button (mail scanners open links; that
must not unsubscribe anyone), a POST turns the digest off; mail programs POST to it in one click (RFC 8058), without
a CSRF token: the signed token is what proves the link came from the email."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import digest, follows
from .models import DigestFrequency


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        user = digest.user_from_token(token)
    except digest.BadToken as error:
        context = {"expired": error.expired}
        return render(request, "community/digest_unsubscribe_invalid.html", context, status=400)
    if request.method == "POST":
        follows.turn_digest_off(user=user)
        return render(request, "community/digest_unsubscribed.html", {})
    already_off = follows.frequency_of(user) == DigestFrequency.OFF
    return render(request, "community/digest_unsubscribe.html", {"already_off": already_off})
