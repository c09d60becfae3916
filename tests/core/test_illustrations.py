"""The demo's drawn cover illustrations, the seed step that hands them out, and how covers are served."""

import io
import re

import pytest
from wagtail.images import get_image_model
from wagtail.models import Collection

from core import illustrations
from core.seeding import Progress
from tests.factories import CasePageFactory, CoursePageFactory, EventPageFactory, ToolkitPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

SITE_COLOURS = {"#0b3d6b", "#072a4a", "#0d6e61", "#e3f4f1", "#f4f6f9", "#d5dbe3", "#ffbf47", "#4a5668", "#ffffff"}


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def seed_step():
    illustrations.illustrate_pages(Progress(io.StringIO()))


def colours(picture):
    rgb = picture.convert("RGB")
    return {"#{:02x}{:02x}{:02x}".format(*colour) for _count, colour in rgb.getcolors(maxcolors=256)}


@pytest.mark.parametrize("motif", sorted(illustrations.MOTIFS))
def test_each_motif_is_drawn_the_same_for_the_same_seed_and_says_what_it_shows(motif):
    first = illustrations.draw(motif, "seoul-digital-civic-services")
    again = illustrations.draw(motif, "seoul-digital-civic-services")
    other = illustrations.draw(motif, "a-different-page")

    assert first.png_bytes() == again.png_bytes() and first.alt_text == again.alt_text
    assert first.png_bytes() != other.png_bytes()
    assert first.alt_text.startswith("Illustration: ") and len(first.alt_text) > 40
    assert "image" not in first.alt_text.lower()
    assert first.picture.size == illustrations.SIZE
    # Flat, on the site's palette: a handful of colours, mostly the stylesheet's own.
    used = colours(first.picture)
    assert len(used) <= 16 and len(used & SITE_COLOURS) >= 3


def test_the_motif_families_look_different():
    pictures = {motif: illustrations.draw(motif, "same-seed").png_bytes() for motif in illustrations.MOTIFS}
    assert len(set(pictures.values())) == len(illustrations.MOTIFS)
    assert "bus routes" in illustrations.draw("smart-mobility", "x").alt_text
    assert "padlock" in illustrations.draw("cybersecurity", "x").alt_text
    assert illustrations.draw("no-such-topic", "x").motif == "city"


def test_the_seed_step_gives_every_live_content_page_a_cover_drawn_from_its_first_topic(site_tree):
    mobility = TopicFactory(name="Smart mobility", slug="smart-mobility")
    case = CasePageFactory(parent=site_tree["cases"], title="Bus data pilot", slug="bus-data-pilot")
    case.topics.add(mobility, TopicFactory(name="Urban resilience", slug="urban-resilience"))
    case.save_revision().publish()
    course = CoursePageFactory(parent=site_tree["courses"], title="Digital basics", slug="digital-basics")
    draft = CasePageFactory(parent=site_tree["cases"], title="Draft", slug="draft", live=False)

    seed_step()

    case.refresh_from_db()
    course.refresh_from_db()
    draft.refresh_from_db()
    expected = illustrations.draw("smart-mobility", "casepage-bus-data-pilot")
    assert case.cover_image.description == expected.alt_text  # Wagtail's alt text field
    assert case.cover_image.collection.name == "Demo illustrations"
    assert case.cover_image.title == "Bus data pilot (demo illustration)"
    assert "our own" in case.cover_image.credit.lower() or "licence" in case.cover_image.credit.lower()
    assert case.cover_image.width == 1200 and case.cover_image.height == 675
    assert course.cover_image.description == illustrations.draw("city", "coursepage-digital-basics").alt_text
    assert draft.cover_image is None
    # The editor opening the page sees the cover, and publishing again keeps it.
    assert case.get_latest_revision_as_object().cover_image_id == case.cover_image_id
    case.get_latest_revision_as_object().save_revision().publish()
    case.refresh_from_db()
    assert case.cover_image is not None


def test_the_seed_step_is_idempotent_and_keeps_an_editors_cover(site_tree):
    case = CasePageFactory(parent=site_tree["cases"], slug="kept")
    seed_step()
    images = get_image_model().objects.count()
    case.refresh_from_db()
    chosen = case.cover_image

    seed_step()

    assert get_image_model().objects.count() == images
    assert Collection.objects.filter(name="Demo illustrations").count() == 1
    case.refresh_from_db()
    assert case.cover_image == chosen
    # A page whose cover was taken away gets the same stored drawing back, not a new one.
    type(case).objects.filter(pk=case.pk).update(cover_image=None)
    seed_step()
    case.refresh_from_db()
    assert case.cover_image == chosen and get_image_model().objects.count() == images


def test_a_city_profile_gets_its_skyline_once():
    image = illustrations.ensure_city_illustration("Curitiba", "municipality-of-curitiba")
    again = illustrations.ensure_city_illustration("Curitiba", "municipality-of-curitiba")

    assert again.pk == image.pk
    assert image.description.startswith("Illustration: Curitiba, drawn as a city skyline")


# --- Served responsively ----------------------------------------------------------------------------------------


def img_tag(html, css_class):
    tags = [tag for tag in re.findall(r"<img [^>]*>", html) if f'class="{css_class}"' in tag]
    assert len(tags) == 1, tags
    return tags[0]


def test_a_detail_page_cover_is_a_responsive_picture_with_the_images_alt_text(client, site_tree):
    case = CasePageFactory(parent=site_tree["cases"], slug="bus-data-pilot")
    case.topics.add(TopicFactory(name="Smart mobility", slug="smart-mobility"))
    case.save()
    seed_step()
    case.refresh_from_db()

    html = client.get(case.url).content.decode()

    source = re.search(r"<picture><source ([^>]*)><img", html).group(1)
    assert 'type="image/webp"' in source and 'sizes="(min-width: 73.25rem) 1140px' in source
    assert re.search(
        r'srcset="\S+format-webp\.fill-720x300\.webp 720w, \S+format-webp\.fill-1200x500\.webp 1200w"', source
    )
    cover = img_tag(html, "cover")
    assert f'alt="{case.cover_image.description}"' in cover
    assert 'width="720"' in cover and 'height="300"' in cover and "format-jpeg.fill-720x300.jpg" in cover
    assert 'fetchpriority="high"' in cover and "loading=" not in cover  # the hero loads at once
    assert client.get(re.search(r'src="([^"]+)"', cover).group(1)).status_code == 200


@pytest.mark.parametrize("path", ["/cases/", "/"])
def test_listing_and_home_cards_show_a_lazy_decorative_thumbnail(client, site_tree, path):
    CasePageFactory(parent=site_tree["cases"], slug="bus-data-pilot")
    seed_step()

    html = client.get(path).content.decode()

    thumbnail = img_tag(html, "card-image")
    assert 'alt=""' in thumbnail  # the card's title says where it leads; the page's cover has the description
    assert 'loading="lazy"' in thumbnail and 'decoding="async"' in thumbnail
    assert 'width="720"' in thumbnail and 'height="300"' in thumbnail and ".jpg" in thumbnail
    source = re.search(r"<picture><source ([^>]*)><img[^>]*card-image", html).group(1)
    # The cover's own renditions: in the browser's cache already when the card is followed.
    assert 'type="image/webp"' in source and ".webp 720w, " in source and ".webp 1200w" in source
    assert 'sizes="(min-width: 73.25rem) 360px' in source


def test_a_page_without_a_cover_shows_no_picture(client, site_tree):
    case = CasePageFactory(parent=site_tree["cases"], slug="no-cover")
    assert "<picture>" not in client.get(case.url).content.decode()
    assert "<picture>" not in client.get("/cases/").content.decode()


def test_a_listing_reads_its_covers_and_their_renditions_in_two_queries(site_tree, django_assert_num_queries):
    from cases.models import CasePage
    from core.images import with_covers

    for number in range(3):
        CasePageFactory(parent=site_tree["cases"], slug=f"case-{number}")
    CasePageFactory(parent=site_tree["cases"], slug="no-cover")
    seed_step()
    CasePage.objects.filter(slug="no-cover").update(cover_image=None)
    for case in CasePage.objects.exclude(cover_image=None):
        case.cover_image.get_rendition("format-webp|fill-320x180")
    pages = list(CasePage.objects.all())

    with django_assert_num_queries(2):  # the images, their renditions
        pages = with_covers(pages)
    with django_assert_num_queries(0):
        renditions = [list(page.cover_image.renditions.all()) for page in pages if page.cover_image_id]
    assert [len(found) for found in renditions] == [1, 1, 1]


LISTINGS = [
    ("/cases/", "cases", CasePageFactory),
    ("/courses/", "courses", CoursePageFactory),
    ("/toolkits/", "toolkits", ToolkitPageFactory),
    ("/events/", "events", EventPageFactory),
    ("/", "cases", CasePageFactory),
]


@pytest.mark.parametrize("path, index, factory", LISTINGS, ids=[path for path, _index, _factory in LISTINGS])
def test_a_listings_query_count_does_not_grow_with_the_covers_it_shows(
    client, site_tree, path, index, factory, no_page_cache
):
    """Every catalogue paginates through core.pagination, which reads the cards' covers in bulk. (Rendered, not
    served from the page cache: a hit costs no query, or one when its version is read again after a second.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(count):
        for number in range(count):
            factory(parent=site_tree[index], slug=f"{index}-{count}-{number}")
        seed_step()
        assert client.get(path).status_code == 200  # renditions made once, as on a warm site
        with CaptureQueriesContext(connection) as captured:
            html = client.get(path).content.decode()
        return len(captured), html.count('class="card-image"')

    few, few_cards = queries_for(1)
    many, many_cards = queries_for(3)
    assert many_cards > few_cards > 0
    assert many == few


def test_covers_handed_out_again_show_on_a_listing_already_rendered(client, site_tree):
    """The seed step sets covers without publishing (what dates a rendered listing, core.listings): it says so."""
    case = CasePageFactory(parent=site_tree["cases"], title="Bus lanes pilot")
    seed_step()  # draws the picture once
    type(case).objects.filter(pk=case.pk).update(cover_image=None)
    assert 'class="card-image"' not in client.get(site_tree["cases"].url).content.decode()
    seed_step()  # the stored drawing again: no new image is saved
    assert 'class="card-image"' in client.get(site_tree["cases"].url).content.decode()
