"""Open Badges 3.0: the issuer's public documents, the holder's downloads and checking a credential one was given.

The public documents are JSON-LD, the same for everyone (no session read, so no cookie), and may be kept for a
short while by browsers and proxies; they are not in the page cache (core.page_cache keeps only views marked
public), so a revocation shows on the status list within a minute.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_safe

from . import badges, credentials
from .certificates import render_badge_png
from .forms import VerifyCredentialForm
from .models.certificates import normalise_code
from .selectors import achievement_page, certificate_for_holder_download

JSON_LD = "application/ld+json"
DOCUMENT_SECONDS = 300  # the issuer profile, its keys and achievements: a new key shows within five minutes
STATUS_LIST_SECONDS = 30  # the revocation list: a revocation shows within a minute


def _public(response, seconds):
    response["Cache-Control"] = f"public, max-age={seconds}"
    response["Access-Control-Allow-Origin"] = "*"  # verifiers running in a browser fetch them too
    return response


def _document(document, seconds=DOCUMENT_SECONDS, content_type=JSON_LD):
    body = json.dumps(document, ensure_ascii=False, indent=2)
    return _public(HttpResponse(body, content_type=content_type), seconds)


@require_safe
def issuer_profile(request):
    """The issuer Profile with every public key (the ``kid`` of a credential names one of them)."""
    return _document(credentials.issuer_profile())


@require_safe
def issuer_jwks(request):
    return _document(badges.jwks(), content_type="application/jwk-set+json")


@require_safe
def achievement(request, page_id):
    page, kind = achievement_page(page_id)
    if page is None:
        raise Http404
    return _document(credentials.achievement_document(page, kind))


@require_safe
def status_list(request):
    """The revocation BitstringStatusListCredential: as JSON-LD, or signed (a JWT, the same as the credentials)
    for a client that asks for ``application/vc+jwt``."""
    accept = request.headers.get("Accept", "")
    if badges.JWT_MEDIA_TYPE in accept or "application/jwt" in accept:
        response = HttpResponse(credentials.status_list_jwt(), content_type=badges.JWT_MEDIA_TYPE)
    else:
        response = _document(credentials.status_list_credential(), STATUS_LIST_SECONDS)
    response["Vary"] = "Accept"
    return _public(response, STATUS_LIST_SECONDS)


# --- The holder's downloads -------------------------------------------------------------------------


def _certificate_for_holder(request, code):
    """(certificate, None) for its holder and those with courses.view_certificate (the PDF's rule), else
    (None, the response: 404, sign in, or 403)."""
    certificate = certificate_for_holder_download(normalise_code(code))
    if certificate is None:
        raise Http404
    if not request.user.is_authenticated:
        return None, redirect(f"{reverse('account_login')}?next={request.path}")
    if certificate.holder_id != request.user.id and not request.user.has_perm("courses.view_certificate"):
        raise PermissionDenied
    return certificate, None


def _attachment(response, certificate, extension):
    filename = f"credential-{slugify(certificate.course_title)[:60]}-{certificate.code}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def credential_json(request, code):
    """The credential as a VC 2.0 EnvelopedVerifiableCredential (JSON), for a wallet or a verifier."""
    certificate, refusal = _certificate_for_holder(request, code)
    if refusal:
        return refusal
    jws = credentials.ensure_credential(certificate=certificate)
    body = json.dumps(badges.envelope(jws), indent=2)
    return _attachment(HttpResponse(body, content_type=JSON_LD), certificate, "json")


@require_safe
def badge_png(request, code):
    """The badge image with the credential baked in (an ``openbadgecredential`` iTXt chunk)."""
    certificate, refusal = _certificate_for_holder(request, code)
    if refusal:
        return refusal
    jws = credentials.ensure_credential(certificate=certificate)
    image = badges.bake_png(render_badge_png(certificate), jws)
    return _attachment(HttpResponse(image, content_type="image/png"), certificate, "png")


# --- Checking a credential someone was given --------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def verify_given_credential(request):
    form = VerifyCredentialForm(request.POST, request.FILES) if request.method == "POST" else VerifyCredentialForm()
    verification = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            verification = credentials.verify_credential(form.cleaned_data["credential"])
        else:
            status = 400
    context = {"form": form, "verification": verification}
    response = TemplateResponse(request, "courses/credential_verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
