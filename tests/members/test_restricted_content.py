"""Members-only pages and documents (Wagtail privacy for the Members group): a signed-in person who is not an
approved member is told why, with a 403, instead of being sent to sign in again (allauth sends a signed-in person
straight back, so that was an endless redirect loop). Signed out: Wagtail's sign-in redirect, back to the page."""

from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from core.demo import ensure_child
from core.models import StandardPage
from courses.models import CoursePage
from members import services
from tests.factories import OrganisationFactory, UserFactory, make_course, make_member

pytestmark = pytest.mark.django_db
SECRET = "Working documents for members, not for everyone"
FILE = b"%PDF-1.4 members only"


@pytest.fixture
def members_only(site_tree, tmp_path):
    """The three kinds of members-only content: a page (the demo's members' corner), a lesson of a members-only
    course (restricted through its module) and a document in the members-only collection."""
    corner, _ = ensure_child(site_tree["home"], StandardPage, "members-corner", title="Members' corner", intro=SECRET)
    services.restrict_page_to_members(corner)
    course, lessons = make_course(
        site_tree["courses"], title="Smart-city strategy", audience=CoursePage.Audience.MEMBERS
    )
    lesson = lessons[0]
    lesson.body = [("paragraph", RichText(f"<p>{SECRET}</p>"))]
    lesson.save_revision().publish()
    with override_settings(MEDIA_ROOT=tmp_path):
        document = get_document_model().objects.create(
            title="Members' guide",
            file=ContentFile(FILE, name="members-guide.pdf"),
            collection=services.members_only_collection(),
        )
        yield {"corner": corner, "lesson": lesson, "document": document, "course": course}


def urls(content):
    return {"corner": content["corner"].url, "lesson": content["lesson"].url, "document": content["document"].url}


def sign_in_redirect(url):
    return f"{reverse('account_login')}?{urlencode({'next': url}, safe='/')}"


@pytest.mark.parametrize("kind", ["corner", "lesson", "document"])
def test_a_signed_in_non_member_is_told_why_instead_of_a_sign_in_loop(client, members_only, kind):
    url = urls(members_only)[kind]
    client.force_login(UserFactory())
    response = client.get(url, follow=True)  # before the fix: RedirectCycleError (login → back → login …)
    assert response.redirect_chain == []
    assert response.status_code == 403
    html = response.content.decode()
    assert "This is members-only content: it is for staff of member organisations" in html
    assert "Your account is not linked to an approved member city yet." in html
    assert f'href="{reverse("members:me")}#membership-heading"' in html and "Ask to join your city" in html
    assert f'href="{reverse("members:directory")}"' in html
    assert SECRET not in html and "%PDF" not in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_the_lesson_refusal_also_points_to_its_course(client, members_only):
    client.force_login(UserFactory())
    html = client.get(members_only["lesson"].url).content.decode()
    assert "It is part of the course “Smart-city strategy”." in html
    assert f'href="{members_only["course"].url}"' in html and "What this course covers and how to join" in html
    corner = client.get(members_only["corner"].url).content.decode()
    assert "What this course covers" not in corner


def test_the_refusal_says_where_a_pending_request_stands(client, members_only):
    applicant = UserFactory()
    services.request_membership(user=applicant, organisation=OrganisationFactory(name="City of Ulaanbaatar"))
    client.force_login(applicant)
    for url in urls(members_only).values():
        response = client.get(url)
        assert response.status_code == 403
        html = response.content.decode()
        assert "Your request to join City of Ulaanbaatar is waiting for approval by its focal point." in html
        assert "Where your request stands" in html


@pytest.mark.parametrize("kind", ["corner", "lesson", "document"])
def test_a_signed_out_visitor_is_sent_to_sign_in_and_back(client, members_only, kind):
    url = urls(members_only)[kind]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == sign_in_redirect(url)
    assert SECRET not in response.content.decode()


def test_an_approved_member_opens_the_page_the_lesson_and_the_document(client, members_only):
    client.force_login(make_member(OrganisationFactory()))
    for kind in ("corner", "lesson"):
        response = client.get(urls(members_only)[kind])
        assert response.status_code == 200, kind
        assert SECRET in response.content.decode()
    response = client.get(members_only["document"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == FILE


def test_an_administrator_outside_the_group_still_opens_everything(client, members_only, admin_user):
    client.force_login(admin_user)
    assert client.get(members_only["corner"].url).status_code == 200
    assert client.get(members_only["lesson"].url).status_code == 200
    assert client.get(members_only["document"].url).status_code == 200
