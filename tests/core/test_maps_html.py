"""The pages with a map are valid HTML as the Nu HTML checker reads them (inline SVG with links included), folded
and unfolded, in English and in Arabic. The crawl of the seeded demo (tests/test_html_validity.py) checks them
too; this one needs no demo."""

from decimal import Decimal

import pytest

from members.models import Region
from tests.factories import CasePageFactory, OrganisationFactory
from tests.test_html_validity import check_html, html_checker

pytestmark = pytest.mark.django_db


def test_the_pages_with_a_map_are_valid_html(client, site_tree, tmp_path):
    command = html_checker()
    busan = OrganisationFactory(
        name="Busan Metropolitan City", city="Busan", country="KR", region=Region.ASIA_PACIFIC,
        latitude=Decimal("35.1796"), longitude=Decimal("129.0756"),
    )  # fmt: skip
    OrganisationFactory(name="City of Lima", city="Lima", country="PE", region=Region.LATIN_AMERICA_CARIBBEAN)
    CasePageFactory(parent=site_tree["cases"], title="Smart port", organisation=busan)
    CasePageFactory(parent=site_tree["cases"], title="School streets", city="Paris", country="FR", region="europe")
    paths = ["/cases/", "/cases/?country=KR&q=Busan", "/members/", "/members/?country=PE", "/ar/members/"]
    documents = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert 'class="world-map"' in html, path
        documents.append((path, html))
    errors = check_html(command, documents, tmp_path)
    assert errors == [], "\n".join(f"{label}, line {line}: {message}" for label, line, message in errors)
