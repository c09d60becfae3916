"""The transcript PDF: A4 portrait, every course completed (hours, dates, certificate), every learning path and every
event attended, with the totals of hours. Drawn with the certificate's fonts and Arabic helpers (courses.certificates),
in the active language (the view activates the learner's), mirrored for a right-to-left language."""

import io

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from core.emails import absolute_url

from .certificates import BRAND, TEXT, TEXT_BOLD, draw, font_for, isolated, register_fonts
from .services import ISSUER

MARGIN = 18 * mm
LINE = 5 * mm
SIZE = 9


def hours(value):
    """Hours as a reader of the active language writes them: "2", "1.5" ("1,5" in French)."""
    return floatformat(value, -1)


def date(value):
    return formats.date_format(value, "DATE_FORMAT") if value else ""


class Sheet:
    """Rows of cells drawn top to bottom on as many pages as they need; columns mirror in a right-to-left language."""

    def __init__(self, title):
        register_fonts()
        self.buffer = io.BytesIO()
        self.width, self.height = A4
        self.pdf = canvas.Canvas(self.buffer, pagesize=A4, invariant=1)
        self.pdf.setTitle(title)
        self.pdf.setAuthor(ISSUER)
        self.rtl = translation.get_language_bidi()
        self.y = self.height - MARGIN
        self.page = 1

    def need(self, space):
        if self.y - space < MARGIN + LINE:
            self.footer()
            self.pdf.showPage()
            self.page += 1
            self.y = self.height - MARGIN

    def footer(self):
        self.pdf.setFillColor(BRAND)
        text = _("Page %(number)s") % {"number": self.page}
        draw(self.pdf, self.width / 2, MARGIN / 2, text, TEXT, 8)

    def line(self, text, font=TEXT, size=SIZE, gap=LINE):
        """A paragraph across the page, wrapped, from the reading start."""
        self.pdf.setFillColor(BRAND)
        for part in simpleSplit(text, font_for(text, font), size, self.width - 2 * MARGIN) or [""]:
            self.need(gap)
            x, align = (self.width - MARGIN, "end") if self.rtl else (MARGIN, "start")
            draw(self.pdf, x, self.y, part, font, size, align)
            self.y -= gap

    def row(self, columns, cells, font=TEXT):
        """``cells`` in ``columns`` [(share of the width)]; the first cell wraps, the others are short."""
        usable = self.width - 2 * MARGIN
        widths = [share * usable for share in columns]
        first = simpleSplit(cells[0], font_for(cells[0], font), SIZE, widths[0] - 2 * mm) or [""]
        self.need(LINE * len(first))
        x = MARGIN
        top = self.y
        for number, (width, text) in enumerate(zip(widths, cells, strict=True)):
            lines = first if number == 0 else [text]
            start = self.width - x if self.rtl else x  # the cell's reading start
            for offset, part in enumerate(lines):
                draw(self.pdf, start, top - offset * LINE, part, font, SIZE, "end" if self.rtl else "start")
            x += width
        self.y = top - LINE * len(first)

    def rule(self):
        self.pdf.setStrokeColor(BRAND)
        self.pdf.setLineWidth(0.5)
        self.pdf.line(MARGIN, self.y + LINE - 1.5 * mm, self.width - MARGIN, self.y + LINE - 1.5 * mm)

    def heading(self, text):
        self.need(4 * LINE)
        self.y -= LINE / 2
        self.line(text, TEXT_BOLD, 12, gap=1.4 * LINE)

    def save(self):
        self.footer()
        self.pdf.showPage()
        self.pdf.save()
        return self.buffer.getvalue()


def certificate_text(certificate):
    if certificate is None:
        return ""
    if certificate.is_revoked:
        return _("%(code)s (revoked)") % {"code": isolated(certificate.display_code)}
    return isolated(certificate.display_code)


def render_transcript(user, record):
    """The PDF of ``record`` (courses.path_selectors.transcript) for ``user``, in the active language."""
    sheet = Sheet(_("Learning transcript"))
    sheet.line(_("Learning transcript"), TEXT_BOLD, 20, gap=9 * mm)
    sheet.line(user.get_full_name() or user.email, TEXT_BOLD, 13, gap=7 * mm)
    sheet.line(_("Issued on %(date)s by %(issuer)s") % {"date": date(record["today"]), "issuer": ISSUER})
    sheet.line(
        _("Total: %(total)s hours (courses %(courses)s, events %(events)s)")
        % {
            "total": hours(record["total_hours"]),
            "courses": hours(record["course_hours"]),
            "events": hours(record["record_hours"]),
        },
        TEXT_BOLD,
    )

    sheet.heading(_("Courses completed"))
    columns = (0.42, 0.08, 0.15, 0.15, 0.20)
    if record["courses"]:
        sheet.row(columns, [_("Course"), _("Hours"), _("Enrolled on"), _("Completed on"), _("Certificate")], TEXT_BOLD)
        sheet.rule()
        for course in record["courses"]:
            cells = [
                course.title,
                hours(course.hours),
                date(course.enrolled_on),
                date(course.completed_on),
                certificate_text(course.certificate),
            ]
            sheet.row(columns, cells)
    else:
        sheet.line(_("No course completed yet."))

    if record["paths"]:
        sheet.heading(_("Learning paths completed"))
        columns = (0.60, 0.20, 0.20)
        sheet.row(columns, [_("Learning path"), _("Completed on"), _("Certificate")], TEXT_BOLD)
        sheet.rule()
        for path in record["paths"]:
            sheet.row(columns, [path["title"], date(path["completed_on"]), certificate_text(path["certificate"])])

    sheet.heading(_("Events attended"))
    columns = (0.62, 0.23, 0.15)
    if record["records"]:
        sheet.row(columns, [_("Event"), _("Date"), _("Hours")], TEXT_BOLD)
        sheet.rule()
        for item in record["records"]:
            sheet.row(columns, [item["title"], date(item["date"]), hours(item["hours"])])
    else:
        sheet.line(_("No event attended yet."))

    sheet.y -= LINE
    sheet.line(
        _("Check a certificate at %(url)s") % {"url": isolated(absolute_url(reverse("certificates:lookup")))},
        size=8,
        gap=4 * mm,
    )
    sheet.line(_("Event hours: the event's length, to the half hour, at most 8 hours a day."), size=8, gap=4 * mm)
    return sheet.save()
