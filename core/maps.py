"""A world map drawn on the server: inline SVG, no tiles, no script, no request to anyone else.

Drawing is core's; the numbers are the apps'. A page asks for a map by name (``world_map(request, "cases")``); every
app that has something to show registers the Wagtail hook ``register_map_points``: ``fn(request, map_name, page)``
returns a ``MapLayer`` (its places with counts and links) or ``None`` when it has nothing for that map. ``page`` is
the page the map is shown on (a case library asks for its own cases), or ``None``.

The country shapes are Natural Earth's (public domain) through the npm package ``world-atlas`` (ISC), converted
once by ``core/data/build_world.py`` into ``core/data/world.json``: the countries as SVG paths already projected
with ``equal_earth`` below. City points are projected here with the same function and the same scale, read from
that file, so a city lands inside its country.
"""

import bisect
import functools
import html
import itertools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail import hooks

WORLD_JSON = Path(__file__).resolve().parent / "data" / "world.json"
HOOK = "register_map_points"
# Shades of the countries by count (0 = no data) and colours of the point groups: CSS classes, colours in site.css.
SHADES = 4
GROUP_COLOURS = 8
# The dots' sizes by count, in map units (the map is 1000 wide); a phone draws them larger (site.css, map-size-N).
POINT_RADII = (3.5, 4.5, 5.5, 7.0, 9.0)
HIT_RADIUS = 11.0  # an invisible disc under each dot that takes the click or tap (larger on a phone)

# --- Projection --------------------------------------------------------------------------------------------

# Equal Earth (Šavrič, Patterson and Jenny, 2018): an equal-area pseudocylindrical projection for world maps.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(longitude, latitude):
    """(x, y) on the unit Equal Earth plane, y up: x within ±2.7064, y within ±1.3173."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


@functools.cache
def world():
    """The shipped shapes: ``{"width", "height", "scale", "origin": [x, y], "outline", "countries": [{code, name, box,
    path}]}`` (``source`` says where they come from)."""
    with open(WORLD_JSON, encoding="utf-8") as handle:
        return json.load(handle)


def project(longitude, latitude, shapes=None):
    """Map units (x right, y down) of a place, on the shipped map."""
    shapes = shapes or world()
    x, y = equal_earth(longitude, latitude)
    scale, (origin_x, origin_y) = shapes["scale"], shapes["origin"]
    return round(origin_x + x * scale, 1), round(origin_y - y * scale, 1)


def country_at(longitude, latitude, margin=0.0):
    """The codes of the countries whose bounding box (widened by ``margin`` map units) holds the place: a coarse
    check, boxes overlap."""
    x, y = project(longitude, latitude)
    return [
        country["code"]
        for country in world()["countries"]
        if country["box"][0] - margin <= x <= country["box"][2] + margin
        and country["box"][1] - margin <= y <= country["box"][3] + margin
    ]


def plausibly_in(code, longitude, latitude):
    """False when the place is clearly outside the country (latitude and longitude swapped, a sign lost); True
    otherwise, also for a country the shapes do not have (too small at this scale)."""
    if not any(country["code"] == code for country in world()["countries"]):
        return True
    return code in country_at(longitude, latitude, margin=3.0)


# --- What the apps give ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapPlace:
    """A city (or any place) with a count: a dot where it has coordinates, a row in the table always."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    count: int
    url: str
    label: str  # the link's accessible name, e.g. "Busan, South Korea: 3 cases"
    group: str = ""  # the colour group (a region code), one of the layer's groups
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class MapCountry:
    code: str  # ISO 3166-1 alpha-2
    name: str
    count: int
    url: str
    label: str  # e.g. "South Korea: 5 cases"
    group: str = ""
    group_label: str = ""


@dataclass(frozen=True)
class MapGroup:
    code: str
    label: str
    url: str = ""  # the page filtered to the group (a region)


@dataclass(frozen=True)
class MapLayer:
    key: str
    title: str  # the map's heading
    description: str  # one sentence under it: what the map shows and what a click does
    count_heading: str  # the table's column of counts, e.g. "Cases"
    places_heading: str  # the table's column of places, e.g. "Cities"
    countries: list[MapCountry] = field(default_factory=list)
    places: list[MapPlace] = field(default_factory=list)
    groups: list[MapGroup] = field(default_factory=list)  # colour groups, in the legend's order
    shades_heading: str = ""  # the legend of the country shades, e.g. "Cases per country"
    groups_heading: str = ""  # the legend of the dots' colours, e.g. "Regions"
    order: int = 100


# --- Drawing -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrawnCountry:
    code: str
    path: str
    shade: int  # 0 (no data) … SHADES
    url: str = ""
    label: str = ""


@dataclass(frozen=True)
class DrawnPoint:
    x: float
    y: float
    size: int  # 1 … len(POINT_RADII)
    radius: float
    colour: int  # 1 … GROUP_COLOURS, 0 without a group
    url: str
    label: str


@dataclass(frozen=True)
class TableRow:
    country: MapCountry
    places: list[MapPlace]


@dataclass(frozen=True)
class WorldMap:
    layer: MapLayer
    width: int
    height: int
    outline: str  # the edge of the projected world: the sea
    land: list[DrawnCountry]  # no data: drawn, not linked, hidden from assistive technology
    linked: list[DrawnCountry]  # countries with data: each a link with a name
    points: list[DrawnPoint]
    legend_groups: list[tuple[int, MapGroup]]
    legend_shades: list[tuple[int, str]]
    rows: list[TableRow]
    unplaced: int  # places in the table without coordinates (no dot on the map)

    # The SVG's groups and the table's rows are written here rather than by template loops: a few hundred paths,
    # dots and rows through the template engine (or Django's lazy-aware escape) took 10 to 15 ms a page; joined here
    # with the standard library's escape (the same five characters), about one. Every value is escaped.

    @property
    def land_markup(self):
        return mark_safe("".join(f'<path d="{e(country.path)}"/>' for country in self.land))  # noqa: S308

    @property
    def countries_markup(self):
        return mark_safe(  # noqa: S308
            "".join(
                f'<a class="map-country map-shade-{c.shade}" href="{e(c.url)}" aria-label="{e(c.label)}">'
                f'<title>{e(c.label)}</title><path d="{e(c.path)}"/></a>'
                for c in self.linked
            )
        )

    @property
    def points_markup(self):
        hit = number(HIT_RADIUS)
        return mark_safe(  # noqa: S308
            "".join(
                f'<a class="map-point map-size-{p.size} map-colour-{p.colour}" href="{e(p.url)}" '
                f'aria-label="{e(p.label)}"><title>{e(p.label)}</title>'
                f'<circle class="map-hit" cx="{number(p.x)}" cy="{number(p.y)}" r="{hit}"/>'
                f'<circle class="map-dot" cx="{number(p.x)}" cy="{number(p.y)}" r="{number(p.radius)}"/></a>'
                for p in self.points
            )
        )

    @property
    def rows_markup(self):
        region, counted, places = e(gettext("Region")), e(self.layer.count_heading), e(self.layer.places_heading)
        rows = []
        for row in self.rows:
            links = ", ".join(f'<a href="{e(p.url)}">{e(p.name)}</a>&nbsp;({localize(p.count)})' for p in row.places)
            rows.append(
                f'<tr><th scope="row"><a href="{e(row.country.url)}">{e(row.country.name)}</a></th>'
                f'<td data-label="{region}">{e(row.country.group_label)}</td>'
                f'<td data-label="{counted}">{localize(row.country.count)}</td>'
                f'<td data-label="{places}">{links}</td></tr>'
            )
        return mark_safe("\n".join(rows))  # noqa: S308


def e(text):
    """Text or an attribute's value, escaped as Django's ``escape`` does (& < > " '), without its lazy wrapper."""
    return html.escape(str(text), quote=True)


def number(value):
    """A coordinate as SVG reads it, whatever the reader's language: "824.2", never "824,2"."""
    return f"{value:.1f}".removesuffix(".0")


def shade_for(count, top):
    """1 … SHADES by the count's share of the largest count (square root: a few big countries do not wash out the
    rest); 0 for no data."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(SHADES, math.ceil(SHADES * math.sqrt(count / top))))


def shade_thresholds(top):
    """The counts of each shade for a largest count ``top``: [(shade, low, high)], empty shades left out."""
    counts = range(1, top + 1)
    lows = [
        bisect.bisect_left(counts, shade, key=lambda count: shade_for(count, top)) + 1 for shade in range(1, SHADES + 2)
    ]
    return [(shade, low, high - 1) for shade, (low, high) in enumerate(itertools.pairwise(lows), start=1) if high > low]


def size_for(count, top):
    """1 … len(POINT_RADII): the dot's size class, by the square root of its count's share (area grows with it)."""
    if top <= 1 or count <= 1:
        return 1
    return 1 + round((len(POINT_RADII) - 1) * math.sqrt((count - 1) / (top - 1)))


def draw(layer, shapes=None):
    """Turn a layer into what the template draws: country paths shaded and linked, dots projected, the table."""
    shapes = shapes or world()
    countries = {country.code: country for country in layer.countries}
    top_country = max((country.count for country in layer.countries), default=0)
    land, linked = [], []
    for shape in shapes["countries"]:
        country = countries.get(shape["code"])
        if country and country.count > 0 and country.url:
            linked.append(
                DrawnCountry(shape["code"], shape["path"], shade_for(country.count, top_country), country.url,
                             country.label)
            )  # fmt: skip
        else:
            land.append(DrawnCountry(shape["code"], shape["path"], 0))
    colours = {group.code: position % GROUP_COLOURS + 1 for position, group in enumerate(layer.groups)}
    placed = [place for place in layer.places if place.latitude is not None and place.longitude is not None]
    top_place = max((place.count for place in placed), default=0)
    points = []
    # The biggest dots first, so smaller ones stay on top and clickable.
    for place in sorted(placed, key=lambda place: (-place.count, place.name)):
        x, y = project(float(place.longitude), float(place.latitude), shapes)
        size = size_for(place.count, top_place)
        points.append(
            DrawnPoint(x, y, size, POINT_RADII[size - 1], colours.get(place.group, 0), place.url, place.label)
        )
    by_country = {}
    for place in layer.places:
        by_country.setdefault(place.country, []).append(place)
    rows = [
        TableRow(country, sorted(by_country.get(country.code, []), key=lambda place: place.name.casefold()))
        for country in sorted(layer.countries, key=lambda country: country.name.casefold())
    ]
    legend_shades = [
        (shade, f"{low}–{high}" if low != high else str(low)) for shade, low, high in shade_thresholds(top_country)
    ]
    return WorldMap(
        layer=layer,
        width=shapes["width"],
        height=shapes["height"],
        outline=shapes["outline"],
        land=land,
        linked=linked,
        points=points,
        legend_groups=[(colours[group.code], group) for group in layer.groups],
        legend_shades=legend_shades,
        rows=rows,
        unplaced=len(layer.places) - len(placed),
    )


def layers(request, map_name, page=None):
    """What the apps give for the map ``map_name``, in their order."""
    found = [layer for fn in hooks.get_hooks(HOOK) if (layer := fn(request, map_name, page)) is not None]
    return sorted(found, key=lambda layer: (layer.order, layer.key))


def world_map(request, map_name, page=None, *, open_=True):
    """The rendered map section for ``map_name`` (HTML), or "" when no app has anything to show on it.

    ``open_`` shows the map unfolded (the unfiltered page); folded, it stays one click away (a filtered page, where
    the results come first). The markup is the same for every reader: the page stays cacheable."""
    found = [layer for layer in layers(request, map_name, page) if layer.countries or layer.places]
    if not found:
        return ""
    maps = [draw(layer) for layer in found]
    context = {"maps": maps, "map_name": map_name, "open": open_}
    return render_to_string("core/map.html", context, request)
