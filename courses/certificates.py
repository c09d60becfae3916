"""The certificate PDF: A4 landscape, the learner's name, the course, hours, date, issuer, the code, and a QR
code (segno) that opens the public verification page."""

import io

import segno
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from core.emails import absolute_url

BRAND = HexColor("#0b3a66")
QR_SCALE, QR_BORDER = 4, 2
# Vera (shipped with reportlab) covers Latin scripts; names in Hangul or Chinese characters use the standard
# CID fonts that PDF readers provide, so nothing is downloaded and no font file is needed.
LATIN, LATIN_BOLD, KOREAN, CHINESE = "Vera", "VeraBd", "HYSMyeongJo-Medium", "STSong-Light"


def register_fonts():
    if LATIN not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(LATIN, "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(LATIN_BOLD, "VeraBd.ttf"))
        pdfmetrics.registerFont(UnicodeCIDFont(KOREAN))
        pdfmetrics.registerFont(UnicodeCIDFont(CHINESE))


def font_for(text, latin):
    if any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" for ch in text):
        return KOREAN
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return CHINESE
    return latin


def verification_url(certificate):
    return absolute_url(certificate.get_absolute_url())


def qr_png(url):
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return buffer.getvalue()


def render_pdf(certificate):
    """The PDF in the learner's preferred language, with the course's title in that language when the course is
    translated into it (else the title it was issued with)."""
    from .selectors import certificate_course_title, learner_language

    language = learner_language(certificate.enrollment.user)
    with translation.override(language):
        return _render_pdf(certificate, certificate_course_title(certificate, language))


def _render_pdf(certificate, course_title):
    register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), invariant=1)
    pdf.setTitle(_("Certificate: %(course)s") % {"course": course_title})
    pdf.setAuthor(certificate.issuer)
    pdf.setSubject(certificate.code)

    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

    pdf.setFillColor(BRAND)
    heading, certifies = _("Certificate of completion"), _("This certifies that")
    pdf.setFont(font_for(heading, LATIN_BOLD), 30)
    pdf.drawCentredString(width / 2, height - 45 * mm, heading)
    pdf.setFont(font_for(certifies, LATIN), 14)
    pdf.drawCentredString(width / 2, height - 62 * mm, certifies)
    holder = str(certificate.holder_name)
    pdf.setFont(font_for(holder, LATIN_BOLD), 26)
    pdf.drawCentredString(width / 2, height - 78 * mm, holder)
    completed = _("has completed the course")
    pdf.setFont(font_for(completed, LATIN), 14)
    pdf.drawCentredString(width / 2, height - 93 * mm, completed)
    pdf.setFont(font_for(course_title, LATIN_BOLD), 18)
    pdf.drawCentredString(width / 2, height - 106 * mm, course_title)
    details = _("%(hours)s hours · completed on %(date)s · issued by %(issuer)s") % {
        "hours": certificate.hours,
        "date": formats.date_format(certificate.issued_on, "DATE_FORMAT"),
        "issuer": certificate.issuer,
    }
    pdf.setFont(font_for(details, LATIN), 12)
    pdf.drawCentredString(width / 2, height - 120 * mm, details)

    url = verification_url(certificate)
    qr = ImageReader(io.BytesIO(qr_png(url)))
    size = 32 * mm
    pdf.drawImage(qr, width - 24 * mm - size, 22 * mm, size, size)
    code_line = _("Verification code: %(code)s") % {"code": certificate.display_code}
    check_line = _("Check it at %(url)s") % {"url": url}
    pdf.setFont(font_for(code_line + check_line, LATIN), 10)
    pdf.drawString(24 * mm, 30 * mm, code_line)
    pdf.drawString(24 * mm, 24 * mm, check_line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
