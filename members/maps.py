"""What the member directory gives the world map (core.maps): the active organisations' cities.

One query whatever the number of organisations: their city, country, region, slug and coordinates. One dot per
city: a city with one organisation links to its profile, a city with several (Seoul: its government and the
secretariat) to the directory narrowed to that city.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.countries import country_names
from core.maps import MapCountry, MapGroup, MapLayer, MapPlace

from .models import Organisation, Region, normalise_name


def organisations_label(place, count):
    return ngettext("%(place)s: %(count)s organisation", "%(place)s: %(count)s organisations", count) % {
        "place": place,
        "count": count,
    }


def member_layer(request):
    directory = reverse("members:directory")

    def link(**query):
        return f"{directory}?{urlencode(query)}"

    organisations = (
        Organisation.objects.active()
        .order_by("name")
        .values_list("name", "slug", "city", "country", "region", "latitude", "longitude")
    )
    names = country_names()
    regions = dict(Region.choices)
    cities, totals, country_regions = {}, {}, {}
    for name, slug, city, country, region, latitude, longitude in organisations:
        totals[country] = totals.get(country, 0) + 1
        country_regions.setdefault(country, region)
        entry = cities.setdefault((normalise_name(city), country), {"city": city, "region": region, "members": []})
        entry["members"].append((name, slug))
        if latitude is not None and longitude is not None and "latitude" not in entry:
            entry.update(latitude=latitude, longitude=longitude)
    places = []
    for (_key, country), entry in cities.items():
        members = entry["members"]
        place = f"{entry['city']}, {names.get(country, country)}"
        if len(members) == 1:
            name, slug = members[0]
            url = reverse("members:organisation", kwargs={"slug": slug})
            label = _("%(organisation)s, %(place)s") % {"organisation": name, "place": place}
        else:
            url = link(q=entry["city"], country=country)
            label = organisations_label(place, len(members))
        places.append(
            MapPlace(
                name=entry["city"],
                country=country,
                count=len(members),
                url=url,
                label=label,
                group=entry["region"],
                latitude=entry.get("latitude"),
                longitude=entry.get("longitude"),
            )
        )
    countries = [
        MapCountry(
            code=code,
            name=names.get(code, code),
            count=count,
            url=link(country=code),
            label=organisations_label(names.get(code, code), count),
            group=country_regions[code],
            group_label=str(regions.get(country_regions[code], "")),
        )
        for code, count in totals.items()
    ]
    used = set(country_regions.values())
    return MapLayer(
        key="members",
        title=_("Where the member cities are"),
        description=_(
            "Each dot is a city, coloured by its region; countries are shaded by their number of organisations. "
            "Select a city to open its profile, or a country to list its organisations."
        ),
        count_heading=_("Organisations"),
        places_heading=_("Cities"),
        countries=countries,
        places=places,
        groups=[MapGroup(code, str(label), link(region=code)) for code, label in Region.choices if code in used],
        shades_heading=_("Organisations per country"),
        groups_heading=_("Dots by region"),
        order=20,
    )
