"""One completion date everywhere: a certificate's date is the completion's calendar date in the learner's zone
when it was issued, and /me/, the verification page and the PDF show that date to everyone, from anywhere."""

import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from courses import services
from courses.models import Certificate, Enrollment
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db

LATE_ON_DEC_1_IN_UTC = dt.datetime(2024, 12, 1, 23, 30, tzinfo=dt.UTC)  # 08:30 on Dec. 2 in Seoul


def complete_at(site_tree, person, moment):
    """A completed enrolment (completed at ``moment``) and its certificate, issued by the real service."""
    course, _ = make_course(site_tree["courses"], title="Open data basics", effort_hours=6)
    enrollment = services.enroll(user=person, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.COMPLETED, completed_at=moment)
    enrollment.refresh_from_db()
    return services.issue_certificate(enrollment=enrollment)


# Whoever's request or task issues it (a command in UTC, a secretariat member in Los Angeles) changes nothing.
@pytest.mark.parametrize("issuing_zone", ["UTC", "America/Los_Angeles"])
def test_a_certificate_issued_late_in_utc_shows_the_seoul_date_everywhere(client, site_tree, issuing_zone):
    person = UserFactory(first_name="Jiho", last_name="Kim", time_zone="Asia/Seoul")
    with timezone.override(issuing_zone):
        certificate = complete_at(site_tree, person, LATE_ON_DEC_1_IN_UTC)
    assert (certificate.issued_on, certificate.time_zone) == (dt.date(2024, 12, 2), "Asia/Seoul")

    client.force_login(person)
    me = client.get("/me/").content.decode()
    assert "Completed on Dec. 2, 2024" in me  # My learning
    assert "Issued on Dec. 2, 2024" in me  # My certificates
    assert "Dec. 1, 2024" not in me

    stranger = Client()  # someone reading times in Los Angeles, where it is still Dec. 1
    stranger.force_login(UserFactory(time_zone="America/Los_Angeles"))
    verify = stranger.get(certificate.get_absolute_url()).content.decode()
    assert "Dec. 2, 2024" in verify and 'datetime="2024-12-02"' in verify
    assert "Dec. 1, 2024" not in verify

    text = PdfReader(io.BytesIO(client.get(certificate.pdf_url).content)).pages[0].extract_text()
    assert "completed on Dec. 2, 2024" in text
    assert "Dec. 1, 2024" not in text

    assert client.get("/me/data.json").json()["certificates"][0]["issued_on"] == "2024-12-02"


def test_the_date_never_moves_once_issued(client, site_tree):
    person = UserFactory(time_zone="Asia/Seoul")
    certificate = complete_at(site_tree, person, LATE_ON_DEC_1_IN_UTC)
    person.time_zone = "America/Los_Angeles"  # the learner moves, or corrects their profile
    person.save()
    client.force_login(person)
    me = client.get("/me/").content.decode()
    assert "Completed on Dec. 2, 2024" in me and "Issued on Dec. 2, 2024" in me
    certificate.refresh_from_db()
    assert certificate.issued_on == dt.date(2024, 12, 2)


def test_without_a_profile_zone_the_date_is_the_utc_date(client, site_tree):
    person = UserFactory(time_zone="")
    with timezone.override("Asia/Seoul"):  # e.g. a zone active in the request that completed the course
        certificate = complete_at(site_tree, person, LATE_ON_DEC_1_IN_UTC)
    assert (certificate.issued_on, certificate.time_zone) == (dt.date(2024, 12, 1), "UTC")
    client.force_login(person)
    me = client.get("/me/").content.decode()
    assert "Completed on Dec. 1, 2024" in me and "Issued on Dec. 1, 2024" in me
    assert Certificate.objects.get().issued_on == dt.date(2024, 12, 1)
