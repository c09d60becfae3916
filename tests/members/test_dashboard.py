import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members import services
from members.models import Invitation, Membership
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_a():
    return OrganisationFactory(name="City A")


@pytest.fixture
def city_b():
    return OrganisationFactory(name="City B")


@pytest.fixture
def focal_a(city_a):
    return make_member(city_a, role=Membership.Role.FOCAL_POINT, first_name="Focal")


def test_focal_point_sees_requests_staff_and_invitations(client, city_a, focal_a):
    applicant = UserFactory(first_name="Applicant", last_name="Person")
    services.request_membership(user=applicant, organisation=city_a)
    make_member(city_a, first_name="Staffer")
    client.force_login(focal_a)
    html = client.get(reverse("members:dashboard", args=[city_a.slug])).content.decode()
    assert "Applicant Person" in html
    assert "Staffer" in html
    assert "Download the city report" in html


def test_focal_point_approves_and_rejects_requests(client, city_a, focal_a):
    first, second = UserFactory(), UserFactory()
    m1 = services.request_membership(user=first, organisation=city_a)
    m2 = services.request_membership(user=second, organisation=city_a)
    client.force_login(focal_a)
    client.post(reverse("members:approve", args=[city_a.slug, m1.pk]))
    client.post(reverse("members:reject", args=[city_a.slug, m2.pk]), {"reason": "Not city staff"})
    assert Membership.objects.get(pk=m1.pk).status == Membership.Status.APPROVED
    rejected = Membership.objects.get(pk=m2.pk)
    assert rejected.status == Membership.Status.REJECTED and rejected.rejection_reason == "Not city staff"


def test_focal_point_changes_roles_and_removes_staff(client, city_a, focal_a):
    colleague = make_member(city_a)
    client.force_login(focal_a)
    client.post(reverse("members:change_role", args=[city_a.slug, colleague.membership.pk]), {"role": "focal_point"})
    assert Membership.objects.get(user=colleague).role == Membership.Role.FOCAL_POINT
    response = client.post(reverse("members:change_role", args=[city_a.slug, colleague.membership.pk]), {"role": "x"})
    assert response.status_code == 302
    client.post(reverse("members:remove", args=[city_a.slug, colleague.membership.pk]))
    assert Membership.objects.get(user=colleague).status == Membership.Status.REMOVED


def test_focal_point_of_city_a_gets_404_for_everything_of_city_b(client, city_a, city_b, focal_a):
    request_b = services.request_membership(user=UserFactory(), organisation=city_b)
    staff_b = make_member(city_b)
    focal_b = make_member(city_b, role=Membership.Role.FOCAL_POINT)
    invitation_b = services.invite(organisation=city_b, addresses=["x@b.example"], by=focal_b)[0]
    client.force_login(focal_a)
    urls_b = [
        ("get", reverse("members:dashboard", args=[city_b.slug])),
        ("get", reverse("members:report_csv", args=[city_b.slug])),
        ("post", reverse("members:approve", args=[city_b.slug, request_b.pk])),
        ("post", reverse("members:remove", args=[city_b.slug, staff_b.membership.pk])),
        ("post", reverse("members:invite", args=[city_b.slug])),
        ("post", reverse("members:revoke_invitation", args=[city_b.slug, invitation_b.pk])),
        # B's objects addressed through A's dashboard
        ("post", reverse("members:approve", args=[city_a.slug, request_b.pk])),
        ("post", reverse("members:remove", args=[city_a.slug, staff_b.membership.pk])),
        ("post", reverse("members:revoke_invitation", args=[city_a.slug, invitation_b.pk])),
    ]
    for method, url in urls_b:
        assert getattr(client, method)(url).status_code == 404, url
    assert Membership.objects.get(pk=request_b.pk).status == Membership.Status.PENDING
    assert Membership.objects.get(pk=staff_b.membership.pk).status == Membership.Status.APPROVED
    assert Invitation.objects.get(pk=invitation_b.pk).revoked_at is None


@pytest.mark.parametrize("who", ["anonymous", "staff", "other"])
def test_people_who_are_not_focal_points_cannot_open_the_dashboard(client, city_a, who):
    if who == "staff":
        client.force_login(make_member(city_a))
    elif who == "other":
        client.force_login(UserFactory())
    response = client.get(reverse("members:dashboard", args=[city_a.slug]))
    assert response.status_code in (302, 404)
    if who != "anonymous":
        assert response.status_code == 404


def test_the_secretariat_can_open_any_dashboard(admin_client, city_b):
    assert admin_client.get(reverse("members:dashboard", args=[city_b.slug])).status_code == 200


def test_city_report_csv_lists_staff_only(client, city_a, focal_a):
    make_member(city_a, first_name="Ada", last_name="Lovelace", email="ada@a.example")
    make_member(OrganisationFactory(), email="someone@b.example")
    client.force_login(focal_a)
    response = client.get(reverse("members:report_csv", args=[city_a.slug]))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # a BOM, so spreadsheet programs read Hangul right
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Name", "Email", "Job title", "Role"]
    emails = {row[1] for row in rows[1:]}
    assert "ada@a.example" in emails and "someone@b.example" not in emails


def test_dashboard_query_count_does_not_grow_with_staff(client, city_a, focal_a, django_assert_max_num_queries):
    for _ in range(2):
        make_member(city_a)
        services.request_membership(user=UserFactory(), organisation=city_a)
    client.force_login(focal_a)
    url = reverse("members:dashboard", args=[city_a.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        make_member(city_a)
        services.request_membership(user=UserFactory(), organisation=city_a)
    with django_assert_max_num_queries(len(few)):
        client.get(url)
