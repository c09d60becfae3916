"""The certificate PDF: A4 landscape, the learner's name, the course, hours, date, issuer, the code, and a QR
code (segno) that opens the public verification page."""

import io
import re
from pathlib import Path

import arabic_reshaper
import segno
from bidi import get_display
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
# DejaVu Sans (shipped in courses/fonts, its licence beside it) covers the Latin, Cyrillic and Arabic scripts of the
# hub's languages; Hangul and Chinese characters use the standard CID fonts that PDF readers provide. Nothing is
# downloaded and no system font is needed.
FONTS = Path(__file__).resolve().parent / "fonts"
TEXT, TEXT_BOLD, KOREAN, CHINESE = "DejaVuSans", "DejaVuSans-Bold", "HYSMyeongJo-Medium", "STSong-Light"
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# Direction marks and isolates steer the reordering; they have no glyph of their own to draw.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def register_fonts():
    if TEXT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(TEXT, FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont(TEXT_BOLD, FONTS / "DejaVuSans-Bold.ttf"))
        pdfmetrics.registerFont(UnicodeCIDFont(KOREAN))
        pdfmetrics.registerFont(UnicodeCIDFont(CHINESE))


def font_for(text, text_font):
    if any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" for ch in text):
        return KOREAN
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return CHINESE
    return text_font


def visual(text):
    """``text`` as a PDF draws it, left to right: Arabic letters joined in their contextual forms and the runs put
    in display order (Unicode's bidirectional algorithm); other text as it is."""
    if ARABIC.search(text):
        text = get_display(arabic_reshaper.reshape(text))
    return BIDI_CONTROLS.sub("", text)


def isolated(text):
    """``text`` kept in one piece, left to right, inside a sentence of either direction (an address, a code)."""
    return f"\u2066{text}\u2069"


def draw(pdf, x, y, text, font, size, align="centre"):
    pdf.setFont(font_for(text, font), size)
    {"centre": pdf.drawCentredString, "start": pdf.drawString, "end": pdf.drawRightString}[align](x, y, visual(text))


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

    language = learner_language(certificate.holder)
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
    middle = width / 2
    draw(pdf, middle, height - 45 * mm, _("Certificate of completion"), TEXT_BOLD, 30)
    draw(pdf, middle, height - 62 * mm, _("This certifies that"), TEXT, 14)
    draw(pdf, middle, height - 78 * mm, str(certificate.holder_name), TEXT_BOLD, 26)
    completed = (
        _("has completed the learning path") if certificate.path_completion_id else _("has completed the course")
    )
    draw(pdf, middle, height - 93 * mm, completed, TEXT, 14)
    draw(pdf, middle, height - 106 * mm, course_title, TEXT_BOLD, 18)
    details = _("%(hours)s hours · completed on %(date)s · issued by %(issuer)s") % {
        "hours": certificate.hours,
        "date": formats.date_format(certificate.issued_on, "DATE_FORMAT"),
        "issuer": certificate.issuer,
    }
    draw(pdf, middle, height - 120 * mm, details, TEXT, 12)

    # The code at the reading start, the QR code at the end: mirrored in a right-to-left language.
    url = verification_url(certificate)
    qr = ImageReader(io.BytesIO(qr_png(url)))
    size, margin = 32 * mm, 24 * mm
    right_to_left = translation.get_language_bidi()
    pdf.drawImage(qr, margin if right_to_left else width - margin - size, 22 * mm, size, size)
    text_x, align = (width - margin, "end") if right_to_left else (margin, "start")
    draw(
        pdf,
        text_x,
        30 * mm,
        _("Verification code: %(code)s") % {"code": isolated(certificate.display_code)},
        TEXT,
        10,
        align,
    )
    draw(pdf, text_x, 24 * mm, _("Check it at %(url)s") % {"url": isolated(url)}, TEXT, 10, align)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
