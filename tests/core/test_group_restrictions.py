"""Core's answer to any page or document restricted to a group, whatever the group: a signed-in person outside it
gets a 403 that says so (and whatever the apps that know the group add), never a sign-in redirect that loops."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.demo import ensure_child
from core.models import StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = "The jury's scoring notes"


@pytest.fixture
def jury_only(site_tree, tmp_path):
    """A group no app explains: core's general words only."""
    jury = Group.objects.create(name="Jury")
    page, _ = ensure_child(site_tree["home"], StandardPage, "jury-room", title="Jury room", intro=SECRET)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([jury])
    collection = Collection.get_first_root_node().add_child(name="Jury papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([jury])
    with override_settings(MEDIA_ROOT=tmp_path):
        document = get_document_model().objects.create(
            title="Scores", file=ContentFile(b"scores", name="scores.csv"), collection=collection
        )
        yield page, document, jury


def test_a_signed_in_outsider_gets_a_plain_403_for_a_group_no_app_explains(client, jury_only):
    page, document, _ = jury_only
    client.force_login(UserFactory())
    for url, heading in ((page.url, "This page is not open"), (document.url, "This document is not open")):
        response = client.get(url, follow=True)
        assert response.redirect_chain == [] and response.status_code == 403
        html = response.content.decode()
        assert heading in html
        assert "It is open only to some groups of people, and your account is not in them." in html
        assert "members-only" not in html and SECRET not in html


def test_the_group_opens_them_and_a_login_only_restriction_is_left_to_wagtail(client, site_tree, jury_only):
    page, document, jury = jury_only
    user = UserFactory()
    user.groups.add(jury)
    client.force_login(user)
    assert client.get(page.url).status_code == 200
    assert client.get(document.url).status_code == 200
    signed_in_only, _ = ensure_child(site_tree["home"], StandardPage, "staff-room", title="Staff room")
    PageViewRestriction.objects.create(page=signed_in_only, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(signed_in_only.url).status_code == 200
    client.logout()
    assert client.get(signed_in_only.url).status_code == 302


def test_a_password_restriction_is_left_to_wagtail(client, site_tree):
    page, _ = ensure_child(site_tree["home"], StandardPage, "press-room", title="Press room", intro=SECRET)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="embargo")
    client.force_login(UserFactory())
    response = client.get(page.url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert SECRET not in response.content.decode()
