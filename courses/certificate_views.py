"""Public verification of certificates (no sign-in) and the PDF for its holder."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from core.i18n import active_language

from .certificates import render_pdf
from .credentials import verify_certificate
from .models import Certificate
from .models.certificates import normalise_code
from .selectors import certificate_course_title


def not_found(request, typed=""):
    context = {"typed": typed[:64], "searched": True}
    return TemplateResponse(request, "courses/certificate_not_found.html", context, status=404)


@require_safe
def lookup(request):
    """Where to type a code (printed under the QR code): it goes to its page, with dashes, spaces or lower case."""
    if "code" not in request.GET:
        return TemplateResponse(request, "courses/certificate_not_found.html", {"searched": False})
    typed = request.GET.get("code", "")
    code = normalise_code(typed)
    if not code:
        return not_found(request, typed)
    return redirect("certificates:verify", code=code)


@require_safe
def verify(request, code):
    code_ok = normalise_code(code)
    if code_ok and code_ok != code:
        return redirect("certificates:verify", code=code_ok)
    certificate = Certificate.objects.filter(code=code_ok).first() if code_ok else None
    if certificate is None:
        return not_found(request, code)
    context = {
        "certificate": certificate,
        "course_title": certificate_course_title(certificate, active_language()),
        # The page checks the credential's signature itself (and the revocation list), not only our database.
        "verification": verify_certificate(certificate=certificate),
    }
    response = TemplateResponse(request, "courses/certificate_verify.html", context)
    response["X-Robots-Tag"] = "noindex"  # a person's name on a page nobody should find by searching
    return response


@require_safe
def pdf(request, code):
    certificate = (
        Certificate.objects.select_related("enrollment__user", "path_completion__user")
        .filter(code=normalise_code(code) or None)
        .first()
    )
    if certificate is None:
        return not_found(request, code)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if certificate.holder_id != request.user.id and not request.user.has_perm("courses.view_certificate"):
        raise PermissionDenied
    response = HttpResponse(render_pdf(certificate), content_type="application/pdf")
    filename = f"certificate-{slugify(certificate.course_title)[:60]}-{certificate.code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
