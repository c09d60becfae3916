"""Who can open a members-only page and download a members-only document (also by its direct URL)."""

import pytest
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model

from core.demo import ensure_child
from core.models import StandardPage
from members import services
from members.models import Organisation
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db
SECRET_TEXT = "Only for the staff of member cities"


@pytest.fixture
def members_only(site_tree, tmp_path):
    page, _ = ensure_child(
        site_tree["home"], StandardPage, "members-corner", title="Members' corner", intro=SECRET_TEXT
    )
    services.restrict_page_to_members(page)
    with override_settings(MEDIA_ROOT=tmp_path):
        document = get_document_model().objects.create(
            title="Members' guide",
            file=ContentFile(b"%PDF-1.4 members only", name="members-guide.pdf"),
            collection=services.members_only_collection(),
        )
        yield page, document


def anonymous(city):
    return None


def unverified(city):
    user = make_member(city)
    EmailAddress.objects.filter(user=user).update(verified=False)
    services.sync_member_access(user)
    return user


def pending(city):
    user = UserFactory(email="applicant@gmail.example")
    services.request_membership(user=user, organisation=city)
    return user


def rejected(city):
    focal_point = make_member(city, role="focal_point")
    user = UserFactory()
    membership = services.request_membership(user=user, organisation=city)
    services.reject_membership(membership=membership, by=focal_point, reason="Not staff")
    return user


def removed(city):
    focal_point = make_member(city, role="focal_point")
    user = make_member(city)
    services.remove_member(membership=user.membership, by=focal_point)
    return user


def suspended_organisation(city):
    user = make_member(city)
    services.set_organisation_status(organisation=city, status=Organisation.Status.SUSPENDED)
    return user


def no_organisation(city):
    return UserFactory()


def approved_member(city):
    return make_member(city)


DENIED = [anonymous, unverified, pending, rejected, removed, suspended_organisation, no_organisation]
# What the refusal says about where each signed-in person stands (anonymous visitors are sent to sign in).
WHERE_THEY_STAND = {
    unverified: "Confirm your email address first",
    pending: "is waiting for approval by its focal point",
    rejected: "Your account is not linked to an approved member city yet.",
    removed: "Your account is not linked to an approved member city yet.",
    suspended_organisation: "is suspended: members-only content is closed for its staff",
    no_organisation: "Your account is not linked to an approved member city yet.",
}


def visit(client, who, members_only):
    page, document = members_only
    user = who(OrganisationFactory())
    if user is not None:
        client.force_login(user)
    page_response = client.get(page.url)
    document_response = client.get(document.url)
    return page_response, document_response


@pytest.mark.parametrize("who", DENIED, ids=lambda fn: fn.__name__)
def test_people_who_are_not_approved_members_are_refused(client, members_only, who):
    page_response, document_response = visit(client, who, members_only)
    assert SECRET_TEXT not in page_response.content.decode()
    if who is anonymous:  # Wagtail's sign-in redirect, back to the page or document
        assert page_response.status_code == 302 and page_response["Location"].startswith("/accounts/login/")
        assert document_response.status_code == 302 and document_response["Location"].startswith("/accounts/login/")
        return
    # Signed in already: sending them to sign in would loop (allauth sends them straight back). Told why instead.
    for response in (page_response, document_response):
        assert response.status_code == 403
        html = response.content.decode()
        assert "This is members-only content" in html and WHERE_THEY_STAND[who] in html
        assert b"%PDF" not in response.content


def test_approved_members_open_the_page_and_download_the_document(client, members_only):
    page_response, document_response = visit(client, approved_member, members_only)
    assert page_response.status_code == 200
    assert SECRET_TEXT in page_response.content.decode()
    assert document_response.status_code == 200
    assert b"".join(document_response.streaming_content) == b"%PDF-1.4 members only"


def test_the_documents_file_is_not_reachable_under_media(client, members_only):
    _, document = members_only
    client.force_login(approved_member(OrganisationFactory()))
    assert client.get(f"/media/{document.file.name}").status_code == 404
