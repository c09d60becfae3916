"""What a case page says about where its content comes from."""

import pytest

from tests.factories import CasePageFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

DEMO_NOTE = "Demo case study: illustrative content, not an official record of the city."


@pytest.mark.parametrize("is_demo", [True, False])
def test_a_case_says_it_is_a_demo_only_when_its_organisation_is_demo_data(client, site_tree, is_demo):
    organisation = OrganisationFactory(name="Busan Metropolitan City", city="Busan", is_demo=is_demo)
    case = CasePageFactory(
        parent=site_tree["cases"], organisation=organisation, partners="Port authority\nUniversity lab"
    )
    page = client.get(case.url).content.decode()
    assert (DEMO_NOTE in page) is is_demo
    assert "<li>Port authority</li><li>University lab</li>" in page


def test_a_case_of_a_non_member_city_has_no_demo_note(client, site_tree):
    case = CasePageFactory(parent=site_tree["cases"], city="Lima", country="PE")
    assert DEMO_NOTE not in client.get(case.url).content.decode()
