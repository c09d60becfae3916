"""Build core/data/world.json, the country shapes of the site's world map (core.maps), from Natural Earth.

Source: Natural Earth's Admin 0 countries at 1:110m (version 4.1.0; public domain, https://www.naturalearthdata.com/
about/terms-of-use/) as TopoJSON in the npm package ``world-atlas`` 2.0.2 (ISC licence, © Michael Bostock;
https://github.com/topojson/world-atlas), file ``countries-110m.json``. The package is not a dependency of the site:
install it somewhere temporary, run this script once, commit the JSON it writes.

    cd /tmp && npm install world-atlas@2.0.2
    cd <repo> && python core/data/build_world.py /tmp/node_modules/world-atlas/countries-110m.json

What it does: decodes the TopoJSON arcs, projects every point with ``core.maps.equal_earth`` (Equal Earth, an
equal-area world projection), simplifies each shared arc once with Douglas-Peucker (so neighbours keep one common
border), rounds to a tenth of a map unit and writes each country as one SVG path of relative moves, with its ISO
3166-1 alpha-2 code (from the numeric code Natural Earth gives, through django-countries) and its bounding box.
Antarctica is left out (no member city, and a third of the picture). Three features have no ISO code in the data
(N. Cyprus, Somaliland, Kosovo): they are drawn with an empty code, never linked. The result is under 100 kB.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.maps import equal_earth  # noqa: E402 (after the path is set)

OUTPUT = Path(__file__).resolve().parent / "world.json"
WIDTH = 1000
MARGIN = 4  # map units around the world's outline
TOP_LATITUDE, BOTTOM_LATITUDE = 84, -57  # the picture's band: Greenland's north coast to Cape Horn
TOLERANCE = 0.45  # Douglas-Peucker, in map units (about a pixel at the map's usual width)
LEFT_OUT = {"010"}  # Antarctica
SOURCE = {
    "dataset": "Natural Earth, Admin 0 countries 1:110m, version 4.1.0 (public domain)",
    "package": "world-atlas 2.0.2 (npm, ISC licence), countries-110m.json",
    "projection": "Equal Earth",
    "built_by": "core/data/build_world.py",
}


def iso_codes():
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(INSTALLED_APPS=["django_countries"], USE_I18N=False)
        django.setup()
    from django_countries import countries

    return lambda numeric: countries.alpha2(numeric) or ""


def frame():
    half_width = equal_earth(180, 0)[0]
    scale = (WIDTH - 2 * MARGIN) / (2 * half_width)
    top, bottom = equal_earth(0, TOP_LATITUDE)[1], equal_earth(0, BOTTOM_LATITUDE)[1]
    height = round((top - bottom) * scale + 2 * MARGIN)
    return scale, (WIDTH / 2, MARGIN + top * scale), height


def decode_arcs(topology):
    """Each arc as a list of (longitude, latitude)."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        qx = qy = 0
        points = []
        for dx, dy in arc:
            qx, qy = qx + dx, qy + dy
            points.append((qx * kx + tx, qy * ky + ty))
        arcs.append(points)
    return arcs


def projector(scale, origin):
    def project(point):
        x, y = equal_earth(*point)
        return origin[0] + x * scale, origin[1] - y * scale

    return project


def simplify(points, tolerance):
    """Douglas-Peucker, iterative: the indexes of the points kept (the two ends always)."""
    if len(points) < 3:
        return list(range(len(points)))
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                distance = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [i for i, kept in enumerate(keep) if kept]


def ring_of(ring, arcs):
    """A ring's (longitude, latitude) points: arcs joined (a negative index is arc ~i reversed), junctions once."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def clip(points, keep, cross):
    """Sutherland-Hodgman against one meridian: ``keep(p)`` says which side stays, ``cross(p, q)`` the crossing."""
    kept = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        if keep(current):
            if not keep(previous):
                kept.append(cross(previous, current))
            kept.append(current)
        elif keep(previous):
            kept.append(cross(previous, current))
    return kept


def at_longitude(longitude):
    def cross(p, q):
        t = (longitude - p[0]) / (q[0] - p[0])
        return longitude, p[1] + t * (q[1] - p[1])

    return cross


def split_at_antimeridian(points):
    """Natural Earth's rings may cross ±180° (Fiji, Chukotka): unwrap them, cut at the meridian, bring each piece
    back within ±180°, so no ring draws a line across the whole map."""
    if all(abs(points[i][0] - points[i - 1][0]) <= 180 for i in range(len(points))):
        return [points]
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    pieces = []
    for turn in (-1, 0, 1):
        low, high = -180 + 360 * turn, 180 + 360 * turn
        piece = clip(unwrapped, lambda p, low=low: p[0] >= low, at_longitude(low))
        piece = clip(piece, lambda p, high=high: p[0] <= high, at_longitude(high))
        if len(piece) >= 3:
            pieces.append([(lon - 360 * turn, lat) for lon, lat in piece])
    return pieces


def in_tenths(points, project):
    """Projected, in tenths of a map unit, repeats dropped."""
    tenths = []
    for point in points:
        x, y = project(point)
        rounded = (round(x * 10), round(y * 10))
        if not tenths or rounded != tenths[-1]:
            tenths.append(rounded)
    if len(tenths) > 1 and tenths[0] == tenths[-1]:
        tenths.pop()
    return tenths


def number(tenths):
    text = f"{tenths / 10:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def path_of(rings):
    """Relative SVG path commands: "M x y l dx dy dx dy … z" per ring."""
    parts = []
    for points in rings:
        (x0, y0), moves = points[0], []
        previous = points[0]
        for x, y in points[1:]:
            moves.append(f"{number(x - previous[0])} {number(y - previous[1])}")
            previous = (x, y)
        parts.append(f"M{number(x0)} {number(y0)}l" + " ".join(moves) + "z")
    return "".join(parts).replace(" -", "-")


def build(source_path):
    topology = json.loads(Path(source_path).read_text(encoding="utf-8"))
    scale, origin, height = frame()
    project = projector(scale, origin)
    raw = decode_arcs(topology)
    # Each shared border is simplified once, in map units, so neighbours keep the same line.
    simplified = [[arc[i] for i in simplify([project(point) for point in arc], TOLERANCE)] for arc in raw]
    alpha2 = iso_codes()
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric in LEFT_OUT:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for arcs in (simplified, raw):  # a speck simplified away keeps its unsimplified outline
            for polygon in polygons:
                for ring in polygon:
                    for piece in split_at_antimeridian(ring_of(ring, arcs)):
                        if len(points := in_tenths(piece, project)) >= 3:
                            rings.append(points)
            if rings:
                break
        xs = [x for ring in rings for x, _y in ring]
        ys = [y for ring in rings for _x, y in ring]
        countries.append(
            {
                "code": alpha2(numeric) if numeric else "",
                "name": geometry["properties"]["name"],
                "box": [min(xs) / 10, min(ys) / 10, max(xs) / 10, max(ys) / 10],
                "path": path_of(rings),
            }
        )
    countries.sort(key=lambda country: (country["code"] or "~", country["name"]))
    # The edge of the projected world within the band: the sea drawn behind the countries.
    edge = [(-180, lat) for lat in range(TOP_LATITUDE, BOTTOM_LATITUDE - 1, -3)]
    edge += [(180, lat) for lat in range(BOTTOM_LATITUDE, TOP_LATITUDE + 1, 3)]
    return {
        "source": SOURCE,
        "width": WIDTH,
        "height": height,
        "scale": scale,
        "origin": [origin[0], origin[1]],
        "outline": path_of([in_tenths(edge, project)]),
        "countries": countries,
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: python {Path(__file__).name} path/to/world-atlas/countries-110m.json")
    data = build(sys.argv[1])
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(data['countries'])} countries, {OUTPUT.stat().st_size:,} bytes")
