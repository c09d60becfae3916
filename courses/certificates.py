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


# --- The badge image (Open Badges 3.0: the credential is baked into it, courses.badges.bake_png) ------------

BADGE_SIZE = 600
BADGE_SCALE = 2  # drawn twice as large, then reduced: smooth edges without anti-aliased primitives
# The association's colours (static/css/site.css: --brand, --brand-dark, --accent, --accent-light).
BADGE_BRAND, BADGE_BRAND_DARK, BADGE_ACCENT, BADGE_LIGHT = "#0b3d6b", "#072a4a", "#0d6e61", "#e3f4f1"


def _badge_font(path, size):
    """Pillow's basic layout, always: the text is shaped and ordered by ``visual`` (as in the PDF), so the result
    does not depend on whether this Pillow was built with libraqm."""
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _fitted_lines(draw_on, text, font_path, size, width, max_lines):
    """``text`` wrapped to ``width`` at the largest font size (from ``size`` down) that fits in ``max_lines``: the
    words are wrapped in reading order, then each line is put in display order."""
    words = text.split() or [""]
    while True:
        font = _badge_font(font_path, size)
        lines, line = [], ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if draw_on.textlength(visual(candidate), font=font) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
        if len(lines) <= max_lines or size <= 18:
            return font, [visual(line) for line in lines[:max_lines]]
        size -= 4


def render_badge_png(certificate):
    """A round badge in the association's colours: the hub, "certificate of completion", the course, the date and
    the code, in the learner's language (DejaVu Sans from courses/fonts). PNG bytes, without the credential."""
    from .selectors import certificate_course_title, learner_language

    language = learner_language(certificate.holder)
    with translation.override(language):
        return _render_badge(certificate, certificate_course_title(certificate, language))


def _render_badge(certificate, course_title):
    from PIL import Image, ImageDraw

    size = BADGE_SIZE * BADGE_SCALE
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    pen.ellipse((0, 0, size - 1, size - 1), fill=BADGE_ACCENT)
    ring = 28 * BADGE_SCALE
    pen.ellipse((ring, ring, size - 1 - ring, size - 1 - ring), fill=BADGE_BRAND)
    inner = 44 * BADGE_SCALE
    pen.ellipse((inner, inner, size - 1 - inner, size - 1 - inner), outline=BADGE_LIGHT, width=3 * BADGE_SCALE)

    regular, bold = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
    middle = size // 2

    def line(text, y, font, fill="white"):
        pen.text((middle, y), visual(text), font=font, fill=fill, anchor="mm")

    line("WeGo Hub", 150 * BADGE_SCALE, _badge_font(bold, 34 * BADGE_SCALE), BADGE_LIGHT)
    line(_("Certificate of completion"), 200 * BADGE_SCALE, _badge_font(regular, 24 * BADGE_SCALE))
    font, lines = _fitted_lines(pen, course_title, bold, 40 * BADGE_SCALE, 400 * BADGE_SCALE, 3)
    step = font.size * 1.2
    top = 300 * BADGE_SCALE - step * (len(lines) - 1) / 2
    for number, text in enumerate(lines):
        pen.text((middle, top + number * step), text, font=font, fill="white", anchor="mm")
    details = _badge_font(regular, 20 * BADGE_SCALE)
    line(formats.date_format(certificate.issued_on, "DATE_FORMAT"), 410 * BADGE_SCALE, details, BADGE_LIGHT)
    line(certificate.display_code, 450 * BADGE_SCALE, details, BADGE_LIGHT)

    image = image.resize((BADGE_SIZE, BADGE_SIZE), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def linkedin_add_url(certificate):
    """LinkedIn's "add a licence or certification" form, filled in (a plain link: nothing is loaded from LinkedIn)."""
    from urllib.parse import urlencode

    from .badges import certificate_id

    query = urlencode(
        {
            "startTask": "CERTIFICATION_NAME",
            "name": certificate.course_title,
            "organizationName": certificate.issuer,
            "issueYear": certificate.issued_on.year,
            "issueMonth": certificate.issued_on.month,
            "certUrl": certificate_id(certificate.code),  # the verification page, in the site's language
            "certId": certificate.code,
        }
    )
    return f"https://www.linkedin.com/profile/add?{query}"
