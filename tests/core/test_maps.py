"""The world map's drawing (core.maps): the projection, the shipped shapes, and what a layer becomes."""

import itertools
import json
import math
import re
from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail import hooks

from core import maps

# Places and the country they are in: capitals and coasts on every continent, and Suva, next to the antimeridian.
PLACES = [
    ("KR", 126.978, 37.5665),
    ("JP", 139.6503, 35.6762),
    ("FR", 2.3522, 48.8566),
    ("BR", -46.6333, -23.5505),
    ("AR", -58.3816, -34.6037),
    ("KE", 36.8219, -1.2921),
    ("US", -97.7431, 30.2672),
    ("CA", -79.3832, 43.6532),
    ("RU", 49.1088, 55.7963),
    ("AU", 133.0, -25.0),
    ("IN", 73.8567, 18.5204),
    ("KZ", 71.4491, 51.1694),
]


def rings(path):
    """The rings of a path written by core/data/build_world.py: "M x y l dx dy … z", repeated."""
    found = []
    for ring in re.findall(r"M([^z]+)z", path):
        start, _l, moves = ring.partition("l")
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", start + " " + moves)]
        x, y = numbers[0], numbers[1]
        points = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        found.append(points)
    return found


def inside(point, ring):
    """Even-odd ray casting."""
    x, y = point
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def countries_holding(longitude, latitude):
    point = maps.project(longitude, latitude)
    return {
        country["code"]
        for country in maps.world()["countries"]
        if sum(inside(point, ring) for ring in rings(country["path"])) % 2 == 1
    }


# --- The projection ----------------------------------------------------------------------------------------


def test_equal_earth_is_centred_symmetric_and_bounded():
    assert maps.equal_earth(0, 0) == (0.0, 0.0)
    x, y = maps.equal_earth(120, 40)
    assert maps.equal_earth(-120, -40) == pytest.approx((-x, -y))
    assert maps.equal_earth(180, 0)[0] == pytest.approx(2.7066, abs=1e-3)  # the published bounds
    assert maps.equal_earth(0, 90)[1] == pytest.approx(1.3173, abs=1e-3)
    # Equal area: the meridians bend in towards the poles, the parallels stay straight.
    assert maps.equal_earth(180, 60)[0] < maps.equal_earth(180, 0)[0]
    assert maps.equal_earth(10, 60)[1] == maps.equal_earth(-170, 60)[1]


def test_a_place_projects_into_the_map_with_north_up_and_east_right():
    shapes = maps.world()
    seoul, tokyo, sydney = maps.project(126.978, 37.5665), maps.project(139.65, 35.68), maps.project(151.2, -33.87)
    assert tokyo[0] > seoul[0] and sydney[1] > tokyo[1]
    for longitude, latitude in [(-180, 84), (180, -57), (0, 0)]:
        x, y = maps.project(longitude, latitude)
        assert 0 <= x <= shapes["width"] and 0 <= y <= shapes["height"]


@pytest.mark.parametrize(("code", "longitude", "latitude"), PLACES, ids=[code for code, _x, _y in PLACES])
def test_a_known_place_lands_in_its_country(code, longitude, latitude):
    assert code in maps.country_at(longitude, latitude)  # its box
    assert countries_holding(longitude, latitude) == {code}  # its outline, and no other
    assert maps.plausibly_in(code, longitude, latitude)


def test_swapped_or_sign_lost_coordinates_are_not_plausible():
    assert not maps.plausibly_in("KR", 37.5665, 126.978)  # latitude and longitude swapped
    assert not maps.plausibly_in("AR", 58.3816, -34.6037)  # west written as east
    assert maps.plausibly_in("SG", 103.8, 1.35)  # too small for the shapes: not judged


# --- The shipped shapes ------------------------------------------------------------------------------------


def test_the_shapes_are_small_and_say_where_they_come_from():
    size = maps.WORLD_JSON.stat().st_size
    assert size < 150 * 1024, f"world.json is {size} bytes"
    shapes = maps.world()
    assert "Natural Earth" in shapes["source"]["dataset"] and "world-atlas" in shapes["source"]["package"]
    assert shapes["source"]["projection"] == "Equal Earth"
    codes = [country["code"] for country in shapes["countries"] if country["code"]]
    assert len(codes) == len(set(codes)) > 170
    assert "AQ" not in codes  # Antarctica is left out
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)


def test_no_ring_crosses_the_whole_map():
    """Natural Earth's rings that cross ±180° (Fiji, Chukotka) are cut: none draws a line from edge to edge."""
    width = maps.world()["width"]
    for country in maps.world()["countries"]:
        for ring in rings(country["path"]):
            longest = max(math.dist(a, b) for a, b in zip(ring, ring[1:] + ring[:1], strict=True))
            assert longest < width / 4, f"{country['name']} has a segment {longest:.0f} units long"
    # Fiji lies across the antimeridian: its islands are drawn at both edges, each one small.
    fiji = rings(next(country for country in maps.world()["countries"] if country["code"] == "FJ")["path"])
    edges = [min(x for x, _y in ring) for ring in fiji]
    assert min(edges) < width / 10 and max(edges) > width * 9 / 10
    assert all(max(x for x, _y in ring) - min(x for x, _y in ring) < width / 20 for ring in fiji)


# --- Shades, sizes and the drawing -------------------------------------------------------------------------


def test_shades_grow_with_the_count_and_cover_every_count():
    assert maps.shade_for(0, 10) == 0
    shades = [maps.shade_for(count, 40) for count in range(1, 41)]
    assert shades == sorted(shades) and shades[0] == 1 and shades[-1] == maps.SHADES
    ranges = maps.shade_thresholds(40)
    assert ranges[0][1] == 1 and ranges[-1][2] == 40
    assert all(high + 1 == next_low for (_s, _l, high), (_n, next_low, _h) in itertools.pairwise(ranges))
    assert maps.size_for(1, 1) == 1 and maps.size_for(50, 50) == len(maps.POINT_RADII)


def layer(**overrides):
    values = {
        "key": "things",
        "title": "Where the things are",
        "description": "Dots are cities.",
        "count_heading": "Things",
        "places_heading": "Cities",
        "countries": [
            maps.MapCountry("KR", "South Korea", 3, "/things/?country=KR", "South Korea: 3 things", "asia", "Asia"),
            maps.MapCountry("FR", "France", 1, "/things/?country=FR", "France: 1 thing", "europe", "Europe"),
        ],
        "places": [
            maps.MapPlace("Seoul", "KR", 2, "/things/?q=Seoul", "Seoul: 2 things", "asia", 37.5665, 126.978),
            maps.MapPlace("Busan", "KR", 1, "/things/?q=Busan", "Busan: 1 thing", "asia", 35.18, 129.08),
            maps.MapPlace("Lyon", "FR", 1, "/things/?q=Lyon", "Lyon: 1 thing", "europe"),  # no coordinates
        ],
        "groups": [maps.MapGroup("asia", "Asia", "/things/?region=asia"), maps.MapGroup("europe", "Europe")],
        "shades_heading": "Things per country",
        "groups_heading": "Regions",
    }
    return maps.MapLayer(**{**values, **overrides})


def test_a_layer_is_drawn_with_countries_linked_dots_placed_and_a_table():
    drawn = maps.draw(layer())
    assert [country.code for country in drawn.linked] == ["FR", "KR"]
    assert {country.code: country.shade for country in drawn.linked} == {"KR": maps.SHADES, "FR": 3}
    assert "KR" not in {country.code for country in drawn.land} and "JP" in {country.code for country in drawn.land}
    assert [point.label for point in drawn.points] == ["Seoul: 2 things", "Busan: 1 thing"]  # the larger first
    seoul = drawn.points[0]
    assert (seoul.x, seoul.y) == maps.project(126.978, 37.5665) and seoul.colour == 1 and seoul.size > 1
    assert drawn.unplaced == 1
    assert [(row.country.code, [place.name for place in row.places]) for row in drawn.rows] == [
        ("FR", ["Lyon"]),
        ("KR", ["Busan", "Seoul"]),
    ]
    assert [group.code for _colour, group in drawn.legend_groups] == ["asia", "europe"]


class Links(HTMLParser):
    """The links of the map's SVG and of its table, with their names."""

    def __init__(self):
        super().__init__()
        self.where, self.svg, self.table, self.titles = None, [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("svg", "table"):
            self.where = tag
        if tag == "a" and self.where == "svg":
            self.svg.append((attrs["href"], attrs.get("aria-label")))
        elif tag == "a" and self.where == "table":
            self.table.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in ("svg", "table"):
            self.where = None


@pytest.mark.django_db  # the site's context processors read the settings
def test_the_map_renders_links_with_names_and_the_table_the_same_links():
    request = RequestFactory().get("/things/")

    def things(request, map_name, page):
        return layer() if map_name == "things" else None

    with hooks.register_temporarily("register_map_points", things):
        html = maps.world_map(request, "things")
        assert maps.world_map(request, "other") == ""
    parser = Links()
    parser.feed(html)
    assert ("/things/?country=KR", "South Korea: 3 things") in parser.svg
    assert ("/things/?q=Seoul", "Seoul: 2 things") in parser.svg
    assert all(name for _href, name in parser.svg)
    assert {href for href, _name in parser.svg} <= set(parser.table)
    assert "/things/?q=Lyon" in parser.table  # no coordinates: in the table, not on the map
    assert 'role="group"' in html and "<title" in html and " open>" in html
    assert 'href="/things/?region=asia"' in html  # the legend's region


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_coordinates_are_written_the_same_in_every_language(language):
    """French and Arabic write 824,2 for 824.2: an SVG attribute must not."""
    request = RequestFactory().get(f"/{language}/things/")
    things = hooks.register_temporarily("register_map_points", lambda request, name, page: layer())
    with things, translation.override(language):
        html = maps.world_map(request, "things")
    circles = re.findall(r'<circle class="map-dot" cx="([^"]+)" cy="([^"]+)" r="([^"]+)"', html)
    assert len(circles) == 2
    assert all(re.fullmatch(r"\d+(\.\d+)?", number) for circle in circles for number in circle), circles
    assert re.search(r'viewBox="0 0 1000 \d+"', html)


def test_a_layer_with_nothing_to_show_draws_no_map():
    request = RequestFactory().get("/things/")
    with hooks.register_temporarily("register_map_points", lambda request, name, page: layer(countries=[], places=[])):
        assert maps.world_map(request, "things") == ""


def test_the_build_script_documents_its_source():
    script = (maps.WORLD_JSON.parent / "build_world.py").read_text(encoding="utf-8")
    for words in ("world-atlas", "2.0.2", "ISC", "Natural Earth", "public domain", "Equal Earth"):
        assert words in script
    assert json.loads(maps.WORLD_JSON.read_text(encoding="utf-8"))["source"]["built_by"] == "core/data/build_world.py"
