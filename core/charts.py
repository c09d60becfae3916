"""Charts drawn on the server as SVG: no charting library, no script.

The numbers are the content apps'; the drawing is core's (ARCHITECTURE.md 4a). An app registers
``register_report_chart``: a function without arguments that returns ``ChartSpec``s, each saying for whom it is
(``scope``: one organisation's focal-point dashboard, or the secretariat's reports), which admin permission it needs
there, and how to count (``numbers``: fn(organisation or None) -> ``ChartData``, one or two aggregate queries). The
page collects the specs it may show with ``report_charts`` (nothing is counted for a chart the reader may not see)
and renders each ``Chart`` with ``{% include "core/chart.html" %}``: a <figure> with its caption, the SVG
(role="img", a title and a description) and the same figures as a table.

Three kinds of drawing:

- ``bar``: horizontal bars, one row per category (regions, toolkits): its label above the bars, so long labels
  keep the whole width of a phone; the longest bar is the largest value.
- ``column``: vertical columns over time (months, years) with a value axis; several series side by side.
- ``line``: the same axes, one line per series, each with its own marker and dash.

Labels are text or ``datetime.date`` (a month, shown as the reader's month name); numbers are formatted in the
reader's language. In a right-to-left language the drawing is mirrored (categories start on the right, bars grow
leftwards), and text anchors follow the page's direction.
"""

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, DateField
from django.db.models.functions import TruncMonth, TruncYear
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _
from wagtail import hooks

ORGANISATION = "organisation"  # one city's figures, on its focal-point dashboard
SECRETARIAT = "secretariat"  # the whole hub's figures, in the admin's reports
KINDS = ("bar", "column", "line")
MONTH = gettext_lazy("Month")  # the first column's heading in a chart over months
YEAR = gettext_lazy("Year")

# Series colours (each at least 4.5:1 on white), line dashes and markers: a series is told apart without colour too.
COLOURS = ("#1f5f99", "#a34f00", "#2b6b3a", "#6b3d8f")
DASHES = ("", "6 3", "2 3", "8 3 2 3")
MARKERS = ("circle", "square", "diamond", "triangle")

WIDTH = 320  # the drawing's width in user units: about a phone's, so text keeps about its size there
FONT = 12  # text size in user units
PLOT_HEIGHT = 150  # the value axis of column and line charts
BAR = 12  # a horizontal bar's thickness


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple  # numbers, one per label


@dataclass(frozen=True)
class ChartData:
    labels: tuple  # text, or datetime.date for a month
    series: tuple  # of Series


@dataclass(frozen=True)
class ChartSpec:
    """What an app contributes: a chart, who it is for and how to count it."""

    key: str
    title: str
    scope: str  # ORGANISATION or SECRETARIAT
    numbers: Callable  # fn(organisation or None) -> ChartData
    kind: str = "column"
    category_label: str = ""  # the table's first column: "Month", "Region", …
    description: str = ""  # one sentence under the title: what is counted
    permission: str = ""  # in the secretariat's reports, the permission a reader needs ("" = any admin user)
    empty_text: str = ""
    order: int = 100


@dataclass(frozen=True)
class Chart:
    """A chart ready to render: its SVG (safe markup, "" when empty) and its table."""

    key: str
    title: str
    description: str
    svg: str
    summary: str
    category_label: str
    header: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # [label, formatted value, …]
    empty_text: str = ""

    @property
    def is_empty(self):
        return not self.svg

    @property
    def dom_id(self):
        return f"chart-{self.key}"


# --- Collecting the apps' charts -----------------------------------------------------------------


def specs(scope, user=None):
    """The registered specs of ``scope`` that ``user`` may see (no user: all), in order. Counts nothing."""
    found = [spec for fn in hooks.get_hooks("register_report_chart") for spec in (fn() or ())]
    return sorted(
        (
            spec
            for spec in found
            if spec.scope == scope and (user is None or not spec.permission or user.has_perm(spec.permission))
        ),
        key=lambda spec: (spec.order, spec.key),
    )


def report_charts(scope, *, organisation=None, user=None):
    """The charts of ``scope`` (for ``organisation`` on a dashboard, the whole hub in the admin) that ``user`` may
    see, drawn. Each costs the queries its ``numbers`` makes, whatever the amount of data."""
    return [
        draw(
            key=spec.key,
            title=spec.title,
            data=spec.numbers(organisation),
            kind=spec.kind,
            category_label=spec.category_label,
            description=spec.description,
            empty_text=spec.empty_text,
        )
        for spec in specs(scope, user)
    ]


# --- Counting helpers for the apps: one aggregate query each -------------------------------------


def last_months(count=12, *, today=None):
    """The first days of the last ``count`` months, this one last, in the current time zone."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    months = []
    for _step in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _next_month(day):
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _start_of(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def per_month(queryset, field_name, months):
    """How many rows of ``queryset`` have ``field_name`` (a datetime) in each of ``months``: one query, grouped by
    month in the database (TruncMonth, in the current time zone)."""
    rows = (
        queryset.filter(
            **{f"{field_name}__gte": _start_of(months[0]), f"{field_name}__lt": _start_of(_next_month(months[-1]))}
        )
        .annotate(chart_month=TruncMonth(field_name, output_field=DateField()))
        .values("chart_month")
        .annotate(chart_count=Count("pk"))
        .order_by()
    )
    counts = {row["chart_month"]: row["chart_count"] for row in rows}
    return tuple(counts.get(month, 0) for month in months)


def per_year(queryset, field_name, *, years=10, this_year=None):
    """(years as text, counts) from the first year with a row to this one, at most the last ``years``: one query."""
    this_year = this_year or timezone.localdate().year
    first = this_year - years + 1
    rows = (
        queryset.filter(**{f"{field_name}__gte": _start_of(dt.date(first, 1, 1))})
        .annotate(chart_year=TruncYear(field_name, output_field=DateField()))
        .values("chart_year")
        .annotate(chart_count=Count("pk"))
        .order_by()
    )
    counts = {row["chart_year"].year: row["chart_count"] for row in rows}
    if not counts:
        return (), ()
    span = range(min(counts), this_year + 1)
    return tuple(str(year) for year in span), tuple(counts.get(year, 0) for year in span)


# --- Drawing ---------------------------------------------------------------------------------------


def number(value):
    return formats.number_format(value, force_grouping=True)


def axis_label(label):
    return formats.date_format(label, "M") if isinstance(label, dt.date) else str(label)


def table_label(label):
    return formats.date_format(label, "YEAR_MONTH_FORMAT") if isinstance(label, dt.date) else str(label)


def text_width(text, size=FONT):
    """A fair guess of the width of ``text``: wide (East Asian) characters take a whole em, others about 0.6."""
    return sum(size if unicodedata.east_asian_width(char) in "WF" else size * 0.6 for char in str(text))


def shorten(text, width, size=FONT):
    """``text`` cut (with an ellipsis) to fit ``width``."""
    text = str(text)
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def nice_step(top, ticks=4):
    """A step of 1, 2 or 5 × 10ⁿ (at least 1: counts are whole) that divides 0…top in about ``ticks``."""
    raw = max(top / ticks, 1)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover


def _class(css):
    return f' class="{css}"' if css else ""


class Canvas:
    """SVG elements placed in a left-to-right frame, mirrored when the reader's language is right to left. Text
    anchors stay as they are: the SVG carries the page's direction, in which "start" is the right end of a text."""

    def __init__(self, rtl):
        self.rtl = rtl
        self.parts = []

    def x(self, x):
        return round(WIDTH - x if self.rtl else x, 1)

    def rect(self, x, y, width, height, colour, css=""):
        left = WIDTH - x - width if self.rtl else x
        self.parts.append(
            f'<rect x="{round(left, 1)}" y="{round(y, 1)}" width="{round(width, 1)}" height="{round(height, 1)}" '
            f'fill="{colour}"{_class(css)}/>'
        )

    def line(self, x1, y1, x2, y2, css="", *, colour="currentColor", thickness=1, dash="", opacity=1):
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        dashes += f' stroke-opacity="{opacity}"' if opacity != 1 else ""
        self.parts.append(
            f'<line x1="{self.x(x1)}" y1="{round(y1, 1)}" x2="{self.x(x2)}" y2="{round(y2, 1)}" stroke="{colour}" '
            f'stroke-width="{thickness}"{dashes}{_class(css)}/>'
        )

    def text(self, x, y, content, *, anchor="start", size=FONT, css="", rotate=0, weight=""):
        turn = -rotate if self.rtl else rotate
        rotation = f' transform="rotate({turn} {self.x(x)} {round(y, 1)})"' if rotate else ""
        bold = f' font-weight="{weight}"' if weight else ""
        self.parts.append(
            f'<text x="{self.x(x)}" y="{round(y, 1)}" text-anchor="{anchor}" font-size="{size}" fill="currentColor"'
            f"{bold}{rotation}{_class(css)}>{escape(content)}</text>"
        )

    def marker(self, shape, x, y, colour):
        cx, cy = self.x(x), round(y, 1)
        if shape == "circle":
            self.parts.append(f'<circle cx="{cx}" cy="{cy}" r="3.5" fill="{colour}"/>')
        elif shape == "square":
            self.parts.append(f'<rect x="{cx - 3.5}" y="{cy - 3.5}" width="7" height="7" fill="{colour}"/>')
        else:
            corners = (
                [(cx, cy - 4.5), (cx + 4.5, cy), (cx, cy + 4.5), (cx - 4.5, cy)]
                if shape == "diamond"
                else [(cx, cy - 4.5), (cx + 4.5, cy + 4), (cx - 4.5, cy + 4)]
            )
            points = " ".join(f"{round(px, 1)},{round(py, 1)}" for px, py in corners)
            self.parts.append(f'<polygon points="{points}" fill="{colour}"/>')

    def polyline(self, points, colour, dash, css=""):
        coordinates = " ".join(f"{self.x(x)},{round(y, 1)}" for x, y in points)
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="2"{dashes}{_class(css)}/>'
        )


def _legend(canvas, series, kind, top):
    """One line per series at the top (only when there are several): its swatch or marker, then its name."""
    if len(series) < 2:
        return top
    for index, each in enumerate(series):
        y = top + index * (FONT + 6)
        colour = COLOURS[index % len(COLOURS)]
        if kind == "line":
            canvas.line(0, y + FONT / 2, 18, y + FONT / 2, colour=colour, thickness=2, dash=DASHES[index % len(DASHES)])
            canvas.marker(MARKERS[index % len(MARKERS)], 9, y + FONT / 2, colour)
        else:
            canvas.rect(0, y + 1, 12, FONT - 1, colour)
        canvas.text(24, y + FONT - 1, shorten(each.name, WIDTH - 24))
    return top + len(series) * (FONT + 6) + 6


def _bar_chart(canvas, labels, series):
    """Horizontal bars: each category's label on a line, then one bar per series; the largest value is the longest
    bar (the whole width left beside its number)."""
    top = _legend(canvas, series, "bar", 0)
    largest = max(max(each.values) for each in series)
    widest_value = max(text_width(number(value), FONT) for each in series for value in each.values)
    room = WIDTH - widest_value - 8
    y = top
    for position, label in enumerate(labels):
        canvas.text(0, y + FONT, shorten(axis_label(label), WIDTH, FONT), css="chart-label", weight="600")
        y += FONT + 4
        for index, each in enumerate(series):
            value = each.values[position]
            length = room * value / largest if largest else 0
            canvas.rect(0, y, length, BAR, COLOURS[index % len(COLOURS)], css="chart-bar")
            canvas.text(length + 4, y + BAR - 2, number(value), css="chart-value")
            y += BAR + 3
        y += 8
    return y


def _axes_chart(canvas, labels, series, kind):
    """Columns or lines over categories (months, years), with a value axis and gridlines."""
    top = _legend(canvas, series, kind, 0) + FONT + 2  # room for the number over the highest column
    largest = max(max(each.values) for each in series)
    step = nice_step(largest)
    ceiling = step * -(-largest // step)
    ticks = list(range(0, int(ceiling) + 1, int(step)))
    axis_width = max(text_width(number(tick)) for tick in ticks) + 6
    left, right = axis_width, WIDTH - 4
    slot = (right - left) / len(labels)
    # Category labels: level when each fits its slot, else turned 45° (and shortened); the first turned label
    # reaches back over the value axis, so the plot starts late enough for it to stay inside the drawing.
    texts = [axis_label(label) for label in labels]
    turned = any(text_width(text) * 1.1 > slot - 4 for text in texts)  # the width is a guess: keep a margin
    if turned:
        texts = [shorten(text, 80) for text in texts]
        left = max(left, text_width(texts[0]) * 0.71 - slot / 2 + 2)
        slot = (right - left) / len(labels)
    bottom = top + PLOT_HEIGHT

    def height_of(value):
        return PLOT_HEIGHT * value / ceiling

    for tick in ticks:
        y = bottom - height_of(tick)
        canvas.line(left, y, right, y, "chart-gridline" if tick else "chart-axis", opacity=0.25 if tick else 1)
        canvas.text(left - 4, y + FONT / 3, number(tick), anchor="end", css="chart-tick")

    if kind == "column":
        width = slot * 0.8 / len(series)
        for position in range(len(labels)):
            for index, each in enumerate(series):
                value = each.values[position]
                x = left + slot * position + slot * 0.1 + width * index
                colour = COLOURS[index % len(COLOURS)]
                canvas.rect(x, bottom - height_of(value), width, height_of(value), colour, css="chart-column")
                if len(series) == 1 and value and text_width(number(value), FONT - 2) <= slot:
                    canvas.text(x + width / 2, bottom - height_of(value) - 3, number(value), anchor="middle",
                                size=FONT - 2, css="chart-value")  # fmt: skip
    else:
        for index, each in enumerate(series):
            colour = COLOURS[index % len(COLOURS)]
            points = [(left + slot * (p + 0.5), bottom - height_of(v)) for p, v in enumerate(each.values)]
            canvas.polyline(points, colour, DASHES[index % len(DASHES)], css="chart-line")
            for x, y in points:
                canvas.marker(MARKERS[index % len(MARKERS)], x, y, colour)

    longest = 0
    for position, text in enumerate(texts):
        x = left + slot * (position + 0.5)
        if turned:
            longest = max(longest, text_width(text))
            canvas.text(x, bottom + FONT + 2, text, anchor="end", rotate=-45, css="chart-category")
        else:
            canvas.text(x, bottom + FONT + 4, text, anchor="middle", css="chart-category")
    y = bottom + (longest * 0.71 + FONT + 8 if turned else FONT + 8)

    # Months: the year under the first month and under each January, when the months span more than one year.
    months = [label for label in labels if isinstance(label, dt.date)]
    if months and months[0].year != months[-1].year:
        for position, label in enumerate(labels):
            if position == 0 or label.month == 1:
                canvas.text(left + slot * position + 2, y + FONT, str(label.year), css="chart-year", weight="600")
        y += FONT + 4
    return y + 2


def _summary(labels, series):
    sentences = []
    for each in series:
        peak = max(range(len(labels)), key=lambda position: each.values[position])
        sentences.append(
            _("%(series)s: %(total)s in all, the most for %(label)s (%(value)s).")
            % {
                "series": each.name,
                "total": number(sum(each.values)),
                "label": table_label(labels[peak]),
                "value": number(each.values[peak]),
            }
        )
    sentences.append(_("The table under the chart gives every figure."))
    return " ".join(sentences)


def draw(*, key, title, data, kind="column", category_label="", description="", empty_text="", rtl=None):
    """``data`` (labels and series) drawn as a ``Chart``. No label, no series or nothing above zero: no drawing,
    only ``empty_text`` ("No data yet.")."""
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}")
    key = slugify(key)
    labels, series = tuple(data.labels), tuple(data.series)
    for each in series:
        if len(each.values) != len(labels):
            raise ValueError(f"series {each.name!r} has {len(each.values)} values for {len(labels)} labels")
    header = [category_label or _("Category"), *(each.name for each in series)]
    empty = not labels or not series or not any(value for each in series for value in each.values)
    if empty:
        return Chart(key, title, description, "", "", category_label, header, [], empty_text or _("No data yet."))

    canvas = Canvas(get_language_bidi() if rtl is None else rtl)
    height = _bar_chart(canvas, labels, series) if kind == "bar" else _axes_chart(canvas, labels, series, kind)
    summary = _summary(labels, series)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-{kind}" viewBox="0 0 {WIDTH} '
        f'{round(height)}" direction="{"rtl" if canvas.rtl else "ltr"}" role="img" '
        f'aria-labelledby="chart-{key}-title chart-{key}-desc">'
        f'<title id="chart-{key}-title">{escape(title)}</title><desc id="chart-{key}-desc">{escape(summary)}</desc>'
        f"{''.join(canvas.parts)}</svg>"
    )
    rows = [
        [table_label(label), *(number(each.values[position]) for each in series)]
        for position, label in enumerate(labels)
    ]
    # Every text in it went through escape(); the rest is numbers and our own attribute values.
    svg = mark_safe(svg)  # noqa: S308
    return Chart(key, title, description, svg, summary, category_label, header, rows, empty_text)
