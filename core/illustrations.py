"""Cover illustrations the demo seed draws itself: flat, geometric, on the site's palette, nothing downloaded.

One motif family per topic (``core.Topic`` slugs) and a city skyline for city profiles. The variation is
deterministic: the same seed string (a page's slug) always gives the same picture and the same alternative text,
so the seed is repeatable and tests can name what they expect. Every drawing comes with an alternative text that
says what it shows. docs/images.md says where each demo image comes from and under which licence.

``illustrate_pages`` is the seed step (core/wagtail_hooks.py); ``ensure_city_illustration`` is for city profiles.
"""

import io
import math
import random
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Collection, get_page_models

SIZE = (1600, 900)  # the drawing board, 16:9; the detail page's hero is cut from the middle band, cards show it all
STORED_SIZE = (1200, 675)  # the source stored: as wide as the widest rendition, so renditions resize less
COLLECTION_NAME = "Demo illustrations"
CREDIT = "Drawn by the WeGo Hub demo seed (core/illustrations.py); the project's licence"

# static/css/site.css
BRAND = "#0b3d6b"
BRAND_DARK = "#072a4a"
ACCENT = "#0d6e61"
ACCENT_LIGHT = "#e3f4f1"
CANVAS = "#f4f6f9"
LINE = "#d5dbe3"
FOCUS = "#ffbf47"
MUTED = "#4a5668"
WHITE = "#ffffff"
SKY = "#eaf1f8"  # the callout's blue
NIGHT = "#051d33"
CORAL = "#e07a5f"  # one warm accent for people and alerts, used sparingly


@dataclass(frozen=True)
class Illustration:
    motif: str
    alt_text: str
    picture: PILImage.Image

    def png_bytes(self):
        # Drawn in palette mode (a few flat colours): a small PNG, written fast. Renditions are resized in RGB.
        buffer = io.BytesIO()
        self.picture.resize(STORED_SIZE, PILImage.Resampling.NEAREST).save(buffer, format="PNG", compress_level=6)
        return buffer.getvalue()


def _canvas(rng, *, night=False):
    background = NIGHT if night else rng.choice([CANVAS, SKY, ACCENT_LIGHT])
    picture = PILImage.new("P", SIZE)  # palette mode: each fill colour takes a palette entry as it is first used
    picture.putpalette([])
    ImageDraw.Draw(picture).rectangle((0, 0, *SIZE), fill=background)
    return picture, ImageDraw.Draw(picture), background


def _ground(draw, colour, height=140):
    draw.rectangle((0, SIZE[1] - height, SIZE[0], SIZE[1]), fill=colour)


def _person(draw, x, y, scale, colour):
    head = 26 * scale
    draw.ellipse((x - head, y - head, x + head, y + head), fill=colour)
    draw.rounded_rectangle((x - 46 * scale, y + 36 * scale, x + 46 * scale, y + 150 * scale), 40 * scale, fill=colour)


def _skyline(draw, rng, *, base, colour, window, count_range=(12, 18), height_range=(160, 520)):
    x = -20
    while x < SIZE[0]:
        width = rng.randint(70, 150)
        height = rng.randint(*height_range)
        top = base - height
        draw.rectangle((x, top, x + width, base), fill=colour)
        if rng.random() < 0.3:  # a spire or a roof-top mast
            draw.rectangle((x + width // 2 - 4, top - 60, x + width // 2 + 4, top), fill=colour)
        for wy in range(top + 24, base - 30, 38):
            for wx in range(x + 14, x + width - 20, 28):
                if rng.random() < 0.45:
                    draw.rectangle((wx, wy, wx + 12, wy + 18), fill=window)
        x += width + rng.randint(4, 24)


# --- One function per motif family: draws on a fresh canvas and returns (picture, alternative text) ------------


def _e_government(rng):
    picture, draw, _ = _canvas(rng)
    documents = rng.randint(2, 4)
    for number in range(documents):  # a stack of forms, fanned out
        x, y = 180 + number * 70, 170 + number * 40
        draw.rounded_rectangle((x, y, x + 380, y + 500), 18, fill=WHITE, outline=LINE, width=4)
        for row in range(7):
            length = rng.randint(180, 300)
            draw.rounded_rectangle((x + 40, y + 70 + row * 56, x + 40 + length, y + 88 + row * 56), 9, fill=LINE)
    draw.rounded_rectangle((820, 170, 1440, 580), 26, fill=BRAND_DARK)  # a screen
    draw.rectangle((850, 200, 1410, 550), fill=WHITE)
    draw.rectangle((850, 200, 1410, 250), fill=BRAND)
    for row in range(3):
        draw.rounded_rectangle((880, 280 + row * 80, 1380, 330 + row * 80), 10, outline=LINE, width=4)
    draw.rounded_rectangle((880, 480, 1060, 530), 10, fill=ACCENT)
    draw.polygon([(1080, 580), (1180, 580), (1210, 680), (1050, 680)], fill=BRAND_DARK)
    draw.ellipse((1280, 520, 1440, 680), fill=ACCENT)  # a check mark: the form went through
    draw.line([(1320, 600), (1350, 635), (1405, 565)], fill=WHITE, width=18, joint="curve")
    alt = f"Illustration: a stack of {documents} forms beside a screen showing an online service, with a check mark"
    return picture, alt


def _open_data(rng):
    picture, draw, _ = _canvas(rng)
    for x in range(100, SIZE[0], 80):  # a data grid
        for y in range(100, SIZE[1] - 100, 80):
            draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=LINE)
    bars = rng.randint(5, 8)
    base, left, width = 740, 180, 90
    for number in range(bars):
        height = rng.randint(120, 520)
        colour = [BRAND, ACCENT, BRAND_DARK][number % 3]
        x = left + number * (width + 30)
        draw.rounded_rectangle((x, base - height, x + width, base), 12, fill=colour)
    draw.line([(150, base), (left + bars * (width + 30) + 20, base)], fill=MUTED, width=6)
    cx, cy, radius = 1300, 400, 180  # a pie chart
    start = 0
    for share, colour in zip(_shares(rng, 3), [FOCUS, ACCENT, BRAND], strict=True):
        draw.pieslice((cx - radius, cy - radius, cx + radius, cy + radius), start, start + share * 360, fill=colour)
        start += share * 360
    alt = f"Illustration: a bar chart with {bars} bars and a pie chart over a grid of data points"
    return picture, alt


def _shares(rng, count):
    weights = [rng.randint(2, 6) for _ in range(count)]
    return [weight / sum(weights) for weight in weights]


def _smart_mobility(rng):
    night = rng.random() < 0.5
    picture, draw, _ = _canvas(rng, night=night)
    street = "#0c2c4a" if night else LINE
    for x in range(0, SIZE[0], 200):  # the city grid
        draw.rectangle((x + 60, 0, x + 90, SIZE[1]), fill=street)
    for y in range(0, SIZE[1], 180):
        draw.rectangle((0, y + 60, SIZE[0], y + 90), fill=street)
    routes = rng.randint(2, 4)
    for colour in [FOCUS, ACCENT if not night else "#3fb8a6", CORAL, WHITE if night else BRAND][:routes]:
        points, x, y = [], 75, rng.choice(range(75, SIZE[1], 180))
        while x < SIZE[0]:
            points.append((x, y))
            if rng.random() < 0.5:
                x += 200 * rng.randint(1, 2)
            else:
                y = min(max(75, y + rng.choice([-180, 180])), 75 + 180 * 4)
            points.append((x, y))
        draw.line(points, fill=colour, width=16, joint="curve")
        for px, py in points[::3]:
            draw.ellipse((px - 20, py - 20, px + 20, py + 20), fill=colour, outline=NIGHT if night else WHITE, width=6)
    bx, by = rng.randint(300, 1000), 560  # a bus
    draw.rounded_rectangle((bx, by, bx + 420, by + 190), 30, fill=ACCENT)
    for window in range(4):
        draw.rounded_rectangle((bx + 30 + window * 95, by + 30, bx + 105 + window * 95, by + 100), 10, fill=SKY)
    for wheel in (bx + 90, bx + 330):
        draw.ellipse((wheel - 38, by + 150, wheel + 38, by + 226), fill=BRAND_DARK)
    alt = f"Illustration: {routes} bus routes drawn across a city grid {'at night' if night else 'by day'}, and a bus"
    return picture, alt


def _digital_inclusion(rng):
    picture, draw, _ = _canvas(rng)
    cx, cy = 800, 400
    for ring, colour in enumerate([BRAND, ACCENT, BRAND]):  # wi-fi arcs
        radius = 130 + ring * 110
        draw.arc((cx - radius, cy - radius, cx + radius, cy + radius), 225, 315, fill=colour, width=48)
    draw.ellipse((cx - 44, cy - 44, cx + 44, cy + 44), fill=FOCUS)
    people = rng.randint(3, 6)
    colours = [BRAND_DARK, ACCENT, CORAL, BRAND, MUTED, ACCENT]
    for number in range(people):
        x = 160 + number * (1280 // max(people - 1, 1))
        scale = rng.uniform(0.9, 1.3)
        _person(draw, x, 640 - 40 * scale, scale, colours[number % len(colours)])
    _ground(draw, LINE, 60)
    alt = f"Illustration: wi-fi signal arcs over {people} people of different heights, connected together"
    return picture, alt


def _citizen_participation(rng):
    picture, draw, _ = _canvas(rng)
    bubbles = rng.randint(3, 5)
    colours = [BRAND, ACCENT, FOCUS, WHITE, BRAND_DARK]
    for number in range(bubbles):
        x, y = 120 + (number % 3) * 300 + rng.randint(-20, 20), 110 + (number // 3) * 260 + rng.randint(0, 40)
        colour = colours[number % len(colours)]
        draw.rounded_rectangle((x, y, x + 260, y + 160), 40, fill=colour)
        draw.polygon([(x + 50, y + 150), (x + 110, y + 150), (x + 40, y + 220)], fill=colour)
        ink = BRAND_DARK if colour in (FOCUS, WHITE) else WHITE
        for row in range(2):
            draw.rounded_rectangle(
                (x + 40, y + 50 + row * 44, x + 40 + rng.randint(120, 180), y + 70 + row * 44), 10, fill=ink
            )
    draw.rounded_rectangle((1080, 420, 1460, 780), 20, fill=BRAND_DARK)  # the ballot box
    draw.rectangle((1180, 440, 1360, 462), fill=NIGHT)
    draw.rounded_rectangle((1200, 220, 1340, 452), 10, fill=WHITE, outline=LINE, width=4)  # the ballot going in
    draw.rectangle((1230, 270, 1270, 310), outline=BRAND, width=6)
    draw.line([(1236, 290), (1250, 304), (1280, 262)], fill=ACCENT, width=10)
    draw.rectangle((1230, 340, 1270, 380), outline=BRAND, width=6)
    _ground(draw, LINE, 110)
    alt = f"Illustration: {bubbles} speech bubbles beside a ballot paper going into a ballot box"
    return picture, alt


def _urban_resilience(rng):
    picture, draw, _ = _canvas(rng)
    _skyline(draw, rng, base=560, colour=BRAND, window=SKY, height_range=(120, 360))
    draw.polygon([(0, 560), (SIZE[0], 560), (SIZE[0], 640), (0, 640)], fill=MUTED)  # the levee
    draw.polygon([(0, 600), (SIZE[0], 600), (SIZE[0] - 60, 520), (60, 520)], fill=ACCENT)
    waves = rng.randint(3, 4)
    for number in range(waves):  # water below the levee
        top = 650 + number * 65
        points = [(x, top + 18 * math.sin(x / 70 + number)) for x in range(0, SIZE[0] + 20, 20)]
        draw.polygon([*points, (SIZE[0], SIZE[1]), (0, SIZE[1])], fill=[BRAND, BRAND_DARK, NIGHT, BRAND][number])
    sx = rng.randint(200, 1200)
    draw.polygon([(sx, 120), (sx + 150, 170), (sx + 150, 300), (sx, 400), (sx - 150, 300), (sx - 150, 170)], fill=FOCUS)
    draw.line([(sx - 60, 260), (sx - 10, 310), (sx + 70, 210)], fill=BRAND_DARK, width=22)
    alt = f"Illustration: a city behind a green levee holding back {waves} bands of waves, under a yellow shield"
    return picture, alt


def _cybersecurity(rng):
    picture, draw, _ = _canvas(rng, night=rng.random() < 0.5)
    for x in range(60, SIZE[0], 56):  # a field of binary digits, as dots and dashes
        for y in range(60, SIZE[1], 56):
            if rng.random() < 0.5:
                draw.ellipse((x - 7, y - 7, x + 7, y + 7), fill=BRAND)
            else:
                draw.rounded_rectangle((x - 4, y - 14, x + 4, y + 14), 4, fill=BRAND)
    locks = rng.randint(1, 3)
    for number in range(locks):
        scale = 1.0 if number == 0 else 0.55
        cx = 560 if number == 0 else 1000 + number * 220
        cy = 520 if number == 0 else 380 + number * 120
        body = (cx - 170 * scale, cy - 60 * scale, cx + 170 * scale, cy + 220 * scale)
        draw.arc(
            (cx - 110 * scale, cy - 230 * scale, cx + 110 * scale, cy + 10 * scale),
            180,
            360,
            fill=LINE,
            width=int(44 * scale),
        )
        draw.rectangle((cx - 110 * scale, cy - 110 * scale, cx - 66 * scale, cy - 50 * scale), fill=LINE)
        draw.rectangle((cx + 66 * scale, cy - 110 * scale, cx + 110 * scale, cy - 50 * scale), fill=LINE)
        draw.rounded_rectangle(body, int(30 * scale), fill=FOCUS)
        draw.ellipse((cx - 30 * scale, cy + 40 * scale, cx + 30 * scale, cy + 100 * scale), fill=BRAND_DARK)
        draw.rectangle((cx - 12 * scale, cy + 80 * scale, cx + 12 * scale, cy + 160 * scale), fill=BRAND_DARK)
    draw.polygon([(1120, 120), (1280, 170), (1280, 300), (1120, 400), (960, 300), (960, 170)], fill=ACCENT)
    padlocks = "a padlock" if locks == 1 else f"{locks} padlocks"
    alt = f"Illustration: {padlocks} and a green shield over a field of binary digits"
    return picture, alt


def _data_governance(rng):
    picture, draw, _ = _canvas(rng)
    centre = (800, 450)
    count = rng.randint(7, 11)
    nodes = []
    for number in range(count):
        angle = 2 * math.pi * number / count + rng.uniform(-0.2, 0.2)
        distance = rng.randint(240, 380)
        nodes.append((centre[0] + distance * 1.6 * math.cos(angle), centre[1] + distance * math.sin(angle)))
    for node in nodes:
        draw.line([centre, node], fill=LINE if rng.random() < 0.5 else MUTED, width=8)
    for first, second in zip(nodes, nodes[1:] + nodes[:1], strict=True):
        draw.line([first, second], fill=LINE, width=6)
    for x, y in nodes:
        radius = rng.randint(28, 52)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.choice([BRAND, ACCENT, FOCUS]))
    cx, cy = centre
    draw.ellipse((cx - 120, cy - 120, cx + 120, cy + 120), fill=BRAND_DARK)
    draw.rounded_rectangle((cx - 50, cy - 66, cx + 50, cy + 66), 10, fill=WHITE)  # the policy at the centre
    for row in range(4):
        draw.rectangle((cx - 30, cy - 40 + row * 26, cx + 30, cy - 30 + row * 26), fill=LINE)
    alt = f"Illustration: a network of {count} data nodes linked to a policy document at its centre"
    return picture, alt


def _city(rng, name=""):
    night = rng.random() < 0.4
    picture, draw, background = _canvas(rng, night=night)
    sun = FOCUS if not night else "#fdf1c7"
    sx, sy = rng.randint(200, 1400), rng.randint(120, 260)
    draw.ellipse((sx - 90, sy - 90, sx + 90, sy + 90), fill=sun)
    if night:
        draw.ellipse((sx - 50, sy - 110, sx + 130, sy + 70), fill=background)  # a crescent moon
    _skyline(
        draw,
        rng,
        base=720,
        colour=BRAND if not night else "#0c2c4a",
        window=SKY if not night else FOCUS,
        height_range=(180, 460),
    )
    _skyline(
        draw, rng, base=780, colour=BRAND_DARK, window=ACCENT_LIGHT if not night else FOCUS, height_range=(80, 260)
    )
    _ground(draw, ACCENT, 120)
    place = f"{name}, drawn as a city skyline" if name else "a city skyline"
    alt = f"Illustration: {place} {'at night, under a crescent moon' if night else 'by day, under the sun'}"
    return picture, alt


MOTIFS = {
    "e-government": _e_government,
    "open-data": _open_data,
    "smart-mobility": _smart_mobility,
    "digital-inclusion": _digital_inclusion,
    "citizen-participation": _citizen_participation,
    "urban-resilience": _urban_resilience,
    "cybersecurity": _cybersecurity,
    "data-governance": _data_governance,
    "city": _city,
}


def draw(motif, seed, **details):
    """The illustration of ``motif`` (a topic slug or "city"; anything else draws a city) for ``seed``."""
    rng = random.Random(f"{motif}:{seed}")  # noqa: S311 (a drawing, not a secret); a string seed is hashed with SHA-512: the same on every run
    picture, alt = MOTIFS.get(motif, _city)(rng, **details)
    if rng.random() < 0.5:  # half of them mirrored: pages on the same topic look less alike
        picture = picture.transpose(PILImage.Transpose.FLIP_LEFT_RIGHT)
    return Illustration(motif=motif if motif in MOTIFS else "city", alt_text=alt, picture=picture)


# --- Storing them as images ----------------------------------------------------------------------------------------


def demo_collection():
    from core.demo import ensure_wagtail_roots

    ensure_wagtail_roots()
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def ensure_illustration(*, title, motif, seed, collection=None, **details):
    """The stored image titled ``title``, drawn the first time. Returns (image, created)."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    collection = collection or demo_collection()
    existing = image_model.objects.filter(collection=collection, title=title).first()
    if existing is not None:
        return existing, False
    illustration = draw(motif, seed, **details)
    image = image_model(
        title=title,
        description=illustration.alt_text,  # Wagtail's alternative text field: the img tag's alt
        credit=CREDIT,
        collection=collection,
    )
    image.file = ImageFile(io.BytesIO(illustration.png_bytes()), name=f"illustration-{illustration.motif}-{seed}.png")
    image.save()
    return image, True


def ensure_city_illustration(name, slug):
    """A skyline for a city profile (``Organisation.cover_image``), drawn once per city."""
    image, _created = ensure_illustration(
        title=f"Skyline of {name} (demo illustration)", motif="city", seed=slug, name=name
    )
    return image


def content_page_models():
    """The concrete ContentPage subclasses, found through Wagtail's registry (core imports no content app)."""
    from core.models.pages import ContentPage

    return [model for model in get_page_models() if issubclass(model, ContentPage) and not model._meta.abstract]


def illustrate_pages(progress):
    """Every live content page without a cover gets a drawn illustration: the motif of its first topic, else a city.

    The page's live row and its live and latest revisions get the cover (an editor opening the page sees it and a
    later publish keeps it), without publishing a new revision: fast, and nothing else changes.
    """
    from wagtail.models import Revision

    collection = demo_collection()
    pages = [
        page
        for model in content_page_models()
        for page in model.objects.live().filter(cover_image__isnull=True).prefetch_related("topics")
    ]
    for page in progress.iterate(pages, "illustrations"):
        topics = sorted(page.topics.all(), key=lambda topic: topic.name)
        motif = topics[0].slug if topics else "city"
        kind = page._meta.model_name
        image, created = ensure_illustration(
            title=f"{page.title} (demo illustration)", motif=motif, seed=f"{kind}-{page.slug}", collection=collection
        )
        progress.record(created)
        type(page).objects.filter(pk=page.pk).update(cover_image=image)
        revision_ids = {page.live_revision_id, page.latest_revision_id} - {None}
        for revision in Revision.objects.filter(id__in=revision_ids):
            revision.content["cover_image"] = image.pk
            revision.save(update_fields=["content"])
    if pages:
        # The covers were set without a publication (and without a save): what dates a rendered listing
        # (core.listings) and a kept page (core.page_cache).
        from core import page_cache
        from core.listings import forget_rendered_listings

        forget_rendered_listings()
        page_cache.invalidate()
