"""Certificates: issued once on completion, a PDF read back with pypdf (its QR checked), public verification."""

import io
import re

import pytest
import segno
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from courses import services
from courses.certificates import QR_BORDER, QR_SCALE, verification_url
from courses.models import Certificate
from courses.models.certificates import CODE_ALPHABET, CODE_LENGTH, normalise_code
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(site_tree):
    """A person who completed a 6-hour course, through the real services."""

    def finish(person=None, title="Open data basics", **fields):
        person = person or UserFactory(first_name="Mina", last_name="Park")
        course, lessons = make_course(site_tree["courses"], title=title, effort_hours=6, **fields)
        services.enroll(user=person, course=course)
        for lesson in lessons:
            services.mark_lesson_complete(user=person, course=course, lesson=lesson)
        return person, course

    return finish


def test_completing_a_course_issues_one_certificate_with_an_unguessable_code(complete):
    person, course = complete()
    certificate = Certificate.objects.get()
    assert (certificate.name, certificate.course_title, certificate.hours) == ("Mina Park", "Open data basics", 6)
    assert len(certificate.code) == CODE_LENGTH >= 10
    assert set(certificate.code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)
    enrollment = certificate.enrollment
    assert services.issue_certificate(enrollment=enrollment) == certificate  # idempotent
    lesson = course.lessons()[0]
    services.mark_lesson_complete(user=person, course=course, lesson=lesson)
    assert Certificate.objects.count() == 1
    codes = {complete(title=f"Course {n}")[0] and Certificate.objects.latest("id").code for n in range(5)}
    assert len(codes) == 5


def test_no_certificate_for_courses_that_do_not_award_one(complete):
    complete(awards_certificate=False)
    assert not Certificate.objects.exists()


def test_anyone_can_verify_a_certificate_without_signing_in(client, complete):
    complete()
    certificate = Certificate.objects.get()
    response = client.get(f"/certificates/{certificate.code}/")
    assert response.status_code == 200
    page = response.content.decode()
    for text in ("This certificate is valid", "Mina Park", "Open data basics", certificate.display_code):
        assert text in page
    assert response["X-Robots-Tag"] == "noindex"
    messy = certificate.display_code.lower().replace("-", " - ")
    assert client.get(f"/certificates/{certificate.display_code.lower()}/").url == certificate.get_absolute_url()
    assert client.get("/certificates/", {"code": messy}).url == certificate.get_absolute_url()


@pytest.mark.parametrize(
    "path", ["/certificates/AAAA/", "/certificates/%01%22/", "/certificates/" + "Z" * 500 + "/", "/certificates/?code="]
)
def test_malformed_and_unknown_codes_get_the_404_page_with_a_form(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'name="code"' in response.content.decode()


def test_the_lookup_page_asks_for_a_code(client):
    response = client.get("/certificates/")
    assert response.status_code == 200
    assert "Check a certificate" in response.content.decode() and 'name="code"' in response.content.decode()


def test_an_unknown_well_formed_code_is_404_too(client, complete):
    complete()
    code = "".join(reversed(Certificate.objects.get().code))
    assert client.get(f"/certificates/{code}/").status_code == 404
    assert normalise_code("7KQ4-m2xh-9trb") == "7KQ4M2XH9TRB"
    assert normalise_code("0KQ4-M2XH-9TRB") == ""  # a zero is never in a code


def test_the_holder_downloads_a_pdf_that_names_them_the_course_and_the_code(client, complete):
    person, _ = complete()
    certificate = Certificate.objects.get()
    client.force_login(person)
    response = client.get(certificate.pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    reader = PdfReader(io.BytesIO(response.content))
    text = reader.pages[0].extract_text()
    for expected in ("Mina Park", "Open data basics", certificate.display_code, "6 hours"):
        assert expected in text
    assert verification_url(certificate) in text

    # The QR code: the image in the PDF is exactly segno's encoding of the verification address.
    images = reader.pages[0].images
    assert len(images) == 1
    embedded = Image.open(io.BytesIO(images[0].data)).convert("1")
    expected = io.BytesIO()
    segno.make(verification_url(certificate), error="m", micro=False).save(
        expected, kind="png", scale=QR_SCALE, border=QR_BORDER
    )
    reference = Image.open(expected).convert("1")
    assert (embedded.size, embedded.tobytes()) == (reference.size, reference.tobytes())
    assert re.search(r"/certificates/[2-9A-Z]{12}/$", verification_url(certificate))


def test_a_korean_name_is_printed_in_a_font_that_has_it(client, complete):
    person, _ = complete(UserFactory(first_name="민지", last_name="김"))
    client.force_login(person)
    reader = PdfReader(io.BytesIO(client.get(Certificate.objects.get().pdf_url).content))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    assert any("HYSMyeongJo" in name for name in names), names


def test_only_the_holder_and_the_secretariat_get_the_pdf(admin_user, complete):
    complete()
    certificate = Certificate.objects.get()
    assert Client().get(certificate.pdf_url).status_code == 302
    stranger, secretariat = Client(), Client()
    stranger.force_login(UserFactory())
    assert stranger.get(certificate.pdf_url).status_code == 403
    secretariat.force_login(admin_user)
    assert secretariat.get(certificate.pdf_url).status_code == 200


def test_the_secretariat_revokes_with_a_reason_and_everyone_sees_it(admin_client, complete):
    client = Client()
    person, _ = complete()
    certificate = Certificate.objects.get()
    edit = reverse("wagtailsnippets_courses_certificate:edit", args=[certificate.pk])
    response = admin_client.post(edit, {"revoked_reason": "Issued by mistake: the quiz was not taken."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "This certificate has been revoked" in page
    assert "Issued by mistake" in page
    client.force_login(person)
    me = client.get("/me/").content.decode()
    assert "My certificates" in me and "Revoked" in me

    admin_client.post(edit, {"revoked_reason": ""})
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert admin_client.get(reverse("wagtailsnippets_courses_certificate:add")).status_code in (302, 403)


def test_my_hub_lists_certificates_with_pdf_and_verification_links(client, complete):
    person, _ = complete()
    certificate = Certificate.objects.get()
    client.force_login(person)
    me = client.get("/me/").content.decode()
    assert certificate.pdf_url in me and certificate.get_absolute_url() in me and "Valid" in me
    data = client.get("/me/data.json").json()
    assert data["certificates"][0]["code"] == certificate.code
