from django.db.models import Count
from django_countries import countries

from .models import Organisation


def directory(*, region="", country=""):
    """Active organisations for the public directory, narrowed by region and country."""
    organisations = Organisation.objects.active().only(
        "name", "slug", "city", "country", "region", "kind", "year_joined"
    )
    if region:
        organisations = organisations.filter(region=region)
    if country:
        organisations = organisations.filter(country=country)
    return organisations.order_by("name")


def countries_in_directory():
    """(code, name) of every country with an active organisation, for the filter."""
    codes = Organisation.objects.active().values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in set(codes)), key=lambda pair: pair[1])


def counts_by_kind():
    return dict(
        Organisation.objects.active()
        .values_list("kind")
        .annotate(total=Count("id"))
        .values_list("kind", "total")
    )
