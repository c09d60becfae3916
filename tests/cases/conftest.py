"""The case library's review set-up, shared by the workflow tests and the review-email tests."""

import pytest
from django.contrib.auth.models import Group

from cases import review
from members.models import Membership, Region
from tests.factories import OrganisationFactory, UserFactory, make_member


@pytest.fixture
def library(site_tree):
    review.ensure_review_workflow(site_tree["cases"])
    return site_tree["cases"]


@pytest.fixture
def seoul(db):
    return OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", region=Region.ASIA_PACIFIC)


@pytest.fixture
def consultant(library):
    user = UserFactory(email="daniela@consult.example", first_name="Daniela", last_name="Ortiz")
    user.groups.add(Group.objects.get(name=review.CONSULTANTS))
    return user


@pytest.fixture
def secretary(library):
    user = UserFactory(email="sam@secretariat.example", first_name="Sam", last_name="Secretariat")
    user.groups.add(Group.objects.get(name=review.SECRETARIAT))
    return user


@pytest.fixture
def focal_point(seoul):
    return make_member(seoul, role=Membership.Role.FOCAL_POINT, email="mina@seoul.city.example", first_name="Mina")
