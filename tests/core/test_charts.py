"""Drawing charts as SVG (core/charts.py): scales, empty data, escaping, right to left, the reader's language, and
the counting helpers the apps use (one aggregate query each)."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core import charts
from courses.models import Enrollment
from tests.factories import CoursePageFactory, UserFactory, build_site_tree

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart):
    return ET.fromstring(str(chart.svg))  # noqa: S314 (our own drawing)


def shapes(chart, css):
    return [element for element in parse(chart).iter() if element.get("class") == css]


def data(labels, *series):
    return charts.ChartData(tuple(labels), tuple(charts.Series(name, tuple(values)) for name, values in series))


def test_the_longest_bar_is_the_largest_value_and_the_others_are_in_proportion():
    chart = charts.draw(
        key="regions", title="Members", data=data(["Africa", "Europe", "Asia"], ("Members", [10, 40, 20])), kind="bar"
    )
    widths = [float(bar.get("width")) for bar in shapes(chart, "chart-bar")]
    assert widths[1] == max(widths)
    assert widths[1] > charts.WIDTH * 0.8  # the whole width, less the room for its number
    assert widths[0] == pytest.approx(widths[1] / 4, abs=0.1)
    assert widths[2] == pytest.approx(widths[1] / 2, abs=0.1)
    values = [text.text for text in shapes(chart, "chart-value")]
    assert values == ["10", "40", "20"]


def test_columns_scale_to_the_largest_value_on_a_round_axis():
    months = charts.last_months(3, today=dt.date(2026, 3, 15))
    chart = charts.draw(key="c", title="Completed", data=data(months, ("Completed", [3, 7, 0])), kind="column")
    heights = [float(column.get("height")) for column in shapes(chart, "chart-column")]
    assert heights[1] == max(heights) and heights[2] == 0
    assert heights[0] == pytest.approx(heights[1] * 3 / 7, abs=0.1)
    # The axis goes up to the next round number above the largest value (8, in steps of 2).
    ticks = [text.text for text in shapes(chart, "chart-tick")]
    assert ticks == ["0", "2", "4", "6", "8"]
    assert heights[1] == pytest.approx(charts.PLOT_HEIGHT * 7 / 8, abs=0.1)


def test_a_line_chart_draws_one_line_per_series_with_a_legend():
    months = charts.last_months(4, today=dt.date(2026, 3, 15))
    chart = charts.draw(
        key="events", title="Events", data=data(months, ("Registrations", [1, 2, 3, 4]), ("Attended", [0, 1, 1, 2])),
        kind="line",
    )  # fmt: skip
    lines = shapes(chart, "chart-line")
    assert len(lines) == 2
    assert len(lines[0].get("points").split()) == 4
    assert lines[0].get("stroke") != lines[1].get("stroke") and lines[1].get("stroke-dasharray")
    texts = [text.text for text in parse(chart).iter(f"{SVG}text")]
    assert "Registrations" in texts and "Attended" in texts


@pytest.mark.parametrize(
    "chart_data",
    [data([]), data(["Africa"]), data(["Africa", "Europe"], ("Members", [0, 0])), data([], ("Members", []))],
    ids=["nothing", "no series", "only zeros", "no labels"],
)
def test_no_data_gives_a_plain_message_and_no_drawing(chart_data):
    chart = charts.draw(key="empty", title="Members", data=chart_data, kind="bar")
    assert chart.is_empty and chart.svg == "" and chart.rows == []
    html = render_to_string("core/chart.html", {"chart": chart})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("svg") is None and soup.find("table") is None
    assert soup.select_one(".chart-empty").get_text(strip=True) == "No data yet."
    assert soup.find("figcaption").get_text(" ", strip=True) == "Members"


def test_labels_titles_and_series_names_are_escaped():
    hostile = '<script>alert("x")</script> & Co'
    chart = charts.draw(
        key="x", title=hostile, data=data([hostile, "Europe"], (hostile, [1, 2]), ("Other", [2, 1])), kind="bar"
    )
    svg = str(chart.svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    root = parse(chart)  # still well-formed XML
    assert root.find(f"{SVG}title").text == hostile
    html = render_to_string("core/chart.html", {"chart": chart})
    assert "<script>" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("caption").get_text() == hostile
    assert [th.get_text() for th in soup.select("thead th")] == ["Category", hostile, "Other"]


def test_long_labels_are_shortened_in_the_drawing_but_whole_in_the_table():
    long_title = "A very long toolkit title about open data, procurement and the digital twin of a city"
    chart = charts.draw(key="t", title="Downloads", data=data([long_title], ("Downloads", [3])), kind="bar")
    label = shapes(chart, "chart-label")[0].text
    assert label.endswith("…") and len(label) < len(long_title)
    assert chart.rows == [[long_title, "3"]]


def test_the_figure_carries_an_accessible_name_a_description_and_the_same_figures_as_a_table():
    months = charts.last_months(2, today=dt.date(2026, 1, 10))
    chart = charts.draw(
        key="learning", title="Courses completed", data=data(months, ("Completed", [4, 9])), category_label="Month"
    )
    soup = BeautifulSoup(render_to_string("core/chart.html", {"chart": chart}), "html.parser")
    figure = soup.find("figure")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Courses completed"
    assert "13 in all" in svg.find(id=desc_id).get_text() and "January 2026 (9)" in svg.find(id=desc_id).get_text()
    table = figure.find("details").find("table")
    assert [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")] == [
        ["Month", "Completed"],
        ["December 2025", "4"],
        ["January 2026", "9"],
    ]
    assert all(th["scope"] == "row" for th in table.select("tbody th"))


def test_months_span_two_years_so_the_years_are_written_under_them():
    months = charts.last_months(12, today=dt.date(2026, 3, 1))
    chart = charts.draw(key="m", title="T", data=data(months, ("S", range(12))), kind="column")
    assert [text.text for text in shapes(chart, "chart-year")] == ["2025", "2026"]
    one_year = charts.draw(key="m", title="T", data=data(months[-3:], ("S", [1, 2, 3])), kind="column")
    assert shapes(one_year, "chart-year") == []


def test_months_and_numbers_are_in_the_readers_language():
    months = charts.last_months(2, today=dt.date(2026, 2, 10))
    with translation.override("fr"):
        chart = charts.draw(key="m", title="T", data=data(months, ("S", [1234, 5])), kind="column")
    assert chart.rows == [["janvier 2026", "1\xa0234"], ["février 2026", "5"]]
    categories = [text.text for text in shapes(chart, "chart-category")]
    assert categories == ["Jan", "Fév"]
    with translation.override("en"):
        chart = charts.draw(key="m", title="T", data=data(months, ("S", [1234, 5])), kind="column")
    assert chart.rows == [["January 2026", "1,234"], ["February 2026", "5"]]


def test_right_to_left_mirrors_the_drawing():
    labels, series = ["Africa", "Europe"], ("Members", [10, 40])
    ltr = charts.draw(key="r", title="T", data=data(labels, series), kind="bar", rtl=False)
    rtl = charts.draw(key="r", title="T", data=data(labels, series), kind="bar", rtl=True)
    assert parse(ltr).get("direction") == "ltr" and parse(rtl).get("direction") == "rtl"
    for left, right in zip(shapes(ltr, "chart-bar"), shapes(rtl, "chart-bar"), strict=True):
        # The same bar, grown from the other side: its far end is as far from the right edge as it was from the left.
        assert float(left.get("x")) == 0
        assert float(right.get("x")) + float(right.get("width")) == charts.WIDTH
        assert float(right.get("width")) == float(left.get("width"))
    assert [float(t.get("x")) for t in shapes(rtl, "chart-label")] == [charts.WIDTH, charts.WIDTH]
    with translation.override("ar"):
        arabic = charts.draw(key="r", title="T", data=data(labels, series), kind="bar")
    assert parse(arabic).get("direction") == "rtl"


def test_nothing_outside_the_drawing():
    months = charts.last_months(12, today=dt.date(2026, 3, 1))
    with translation.override("ar"):  # long month names: the labels turn
        chart = charts.draw(key="m", title="T", data=data(months, ("A", range(12)), ("B", range(12))), kind="column")
    root = parse(chart)
    height = float(root.get("viewBox").split()[3])
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("x")) >= 0 and float(rect.get("x")) + float(rect.get("width")) <= charts.WIDTH + 0.1
        assert float(rect.get("y")) + float(rect.get("height")) <= height
    assert all(0 <= float(text.get("y")) <= height for text in root.iter(f"{SVG}text"))


def test_a_wrong_kind_or_a_short_series_is_a_programming_error():
    with pytest.raises(ValueError, match="kind"):
        charts.draw(key="x", title="T", data=data(["a"], ("S", [1])), kind="pie")
    with pytest.raises(ValueError, match="values"):
        charts.draw(key="x", title="T", data=data(["a", "b"], ("S", [1])), kind="bar")


def test_last_months_end_with_this_month():
    assert charts.last_months(3, today=dt.date(2026, 1, 31)) == [
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
    ]


# --- Counting in the database ----------------------------------------------------------------------------


@pytest.fixture
def course(db):
    return CoursePageFactory(parent=build_site_tree()["courses"])


def enrol(course, when, completed=None):
    return Enrollment.objects.create(
        user=UserFactory(),
        course=course,
        enrolled_at=when,
        completed_at=completed,
        status=Enrollment.Status.COMPLETED if completed else Enrollment.Status.ACTIVE,
    )


def at(day, hour=12):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_per_month_counts_each_month_in_one_query(course, django_assert_num_queries):
    months = charts.last_months(12)
    enrol(course, at(months[0]))
    enrol(course, at(months[0], hour=23))
    enrol(course, at(months[5]))
    enrol(course, at(months[0]) - dt.timedelta(days=40))  # before the window: not counted
    with django_assert_num_queries(1):
        counts = charts.per_month(Enrollment.objects.all(), "enrolled_at", months)
    assert counts == (2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)


def test_per_month_groups_by_the_current_time_zone(course, settings):
    months = charts.last_months(3)
    # 23:30 on the last day of a month in UTC is already the next month in Seoul.
    instant = timezone.make_aware(dt.datetime.combine(months[1] - dt.timedelta(days=1), dt.time(23, 30)), dt.UTC)
    enrol(course, instant)
    assert charts.per_month(Enrollment.objects.all(), "enrolled_at", months)[:2] == (1, 0)
    with timezone.override("Asia/Seoul"):
        assert charts.per_month(Enrollment.objects.all(), "enrolled_at", months)[:2] == (0, 1)


def test_per_year_fills_the_years_between_in_one_query(course, django_assert_num_queries):
    this_year = timezone.localdate().year
    for year in (this_year - 2, this_year - 2, this_year):
        enrol(course, at(dt.date(year, 6, 1)))
    enrol(course, at(dt.date(this_year - 20, 6, 1)))  # older than the last ten years
    with django_assert_num_queries(1):
        labels, counts = charts.per_year(Enrollment.objects.all(), "enrolled_at")
    assert labels == (str(this_year - 2), str(this_year - 1), str(this_year))
    assert counts == (2, 0, 1)
    assert charts.per_year(Enrollment.objects.none(), "enrolled_at") == ((), ())
