"""What the case library gives the world map (core.maps): its cases counted per city and per country.

Three queries whatever the number of cases and cities: the library's view restrictions (Wagtail's ``.public()``),
the counts grouped by city, and the coordinates of the organisations (a case in a city is placed where the
organisation of that city says the city is, whether or not the case names the organisation).
"""

from urllib.parse import urlencode

from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.countries import country_names
from core.i18n import in_reader_language
from core.maps import MapCountry, MapGroup, MapLayer, MapPlace
from members.models import Organisation, Region, normalise_name

from . import selectors
from .models import CaseIndexPage


def library_for(page):
    """The case library the map is about: the page itself when it is one, else the reader's language's library."""
    if isinstance(page, CaseIndexPage):
        return page
    return in_reader_language(CaseIndexPage.objects.live()).first() or CaseIndexPage.objects.live().first()


def case_counts(index):
    """[(city, country, region, count)] of the library's public cases, one row per city."""
    rows = (
        selectors.library_cases(index)
        .exclude(country="")
        .order_by()
        .values("city", "country")
        .annotate(count=Count("id"), region=Max("region"))
        .values_list("city", "country", "region", "count")
    )
    return list(rows)


def city_coordinates(countries):
    """{(normalised city, country): (latitude, longitude)} from the organisations in ``countries``."""
    located = Organisation.objects.filter(country__in=countries, latitude__isnull=False, longitude__isnull=False)
    coordinates = {}
    for city, country, latitude, longitude in located.order_by("pk").values_list(
        "city", "country", "latitude", "longitude"
    ):
        coordinates.setdefault((normalise_name(city), country), (latitude, longitude))
    return coordinates


def cases_label(place, count):
    return ngettext("%(place)s: %(count)s case", "%(place)s: %(count)s cases", count) % {
        "place": place,
        "count": count,
    }


def library_layer(request, page=None):
    index = library_for(page)
    if index is None:
        return None
    base = index.get_url(request)
    if not base:
        return None

    def link(**query):
        return f"{base}?{urlencode(query)}"

    rows = case_counts(index)
    coordinates = city_coordinates({country for _city, country, _region, _count in rows})
    names = country_names()
    regions = dict(Region.choices)
    places, totals, country_regions = [], {}, {}
    for city, country, region, count in rows:
        totals[country] = totals.get(country, 0) + count
        country_regions.setdefault(country, region)
        if not city:
            continue
        latitude, longitude = coordinates.get((normalise_name(city), country), (None, None))
        place = f"{city}, {names.get(country, country)}"
        places.append(
            MapPlace(
                name=city,
                country=country,
                count=count,
                # The library's own filters: the country, and the city's name as the search words.
                url=link(country=country, q=city),
                label=cases_label(place, count),
                group=region,
                latitude=latitude,
                longitude=longitude,
            )
        )
    countries = [
        MapCountry(
            code=code,
            name=names.get(code, code),
            count=count,
            url=link(country=code),
            label=cases_label(names.get(code, code), count),
            group=country_regions[code],
            group_label=str(regions.get(country_regions[code], "")),
        )
        for code, count in totals.items()
    ]
    used = {place.group for place in places} | set(country_regions.values())
    return MapLayer(
        key="cases",
        title=_("Where the cases are"),
        description=_(
            "Each dot is a city with cases, larger for more cases; countries are shaded by their number of cases. "
            "Select a country or a city to see its cases."
        ),
        count_heading=_("Cases"),
        places_heading=_("Cities"),
        countries=countries,
        places=places,
        groups=[MapGroup(code, str(label), link(region=code)) for code, label in Region.choices if code in used],
        shades_heading=_("Cases per country"),
        groups_heading=_("Dots by region"),
        order=10,
    )
